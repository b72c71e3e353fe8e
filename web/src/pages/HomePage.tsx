import { Navigate } from 'react-router-dom';
import { mayOpen, screenRoutes } from '../app/routes';
import { useSession } from '../app/session';

/** The start page: the first screen of the operator's menu. */
export function HomePage() {
  const session = useSession();
  const first = screenRoutes.find(
    (r) => r.menu && mayOpen(r, session?.permissions ?? [], session?.operator.roles),
  );
  return first ? <Navigate to={first.path} replace /> : null;
}
