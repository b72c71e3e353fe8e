import { theme } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/**
 * A link inside the console in the theme's primary colour: antd's default link blue on white or grey is
 * below the 4.5:1 contrast axe-core asks for (UI-1).
 */
export function StrongLink({ to, children }: { to: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Link to={to} style={{ color: token.colorPrimary }}>
      {children}
    </Link>
  );
}

/** Descriptions' labels in a colour that reads (antd's tertiary grey is below 4.5:1 on white). */
export const readableLabels = { label: { color: 'rgba(0, 0, 0, 0.65)' } } as const;
