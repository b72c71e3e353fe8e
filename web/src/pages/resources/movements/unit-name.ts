import type { Bilingual } from '../../../i18n/messages';
import { centralStock } from '../labels';

/** How a unit reads on screen: its name and code, or "central stock" for null. */
export function unitName(
  t: (text: Bilingual) => string,
  unit: { code: string | null; name: string } | undefined,
  code: string | null = unit?.code ?? null,
): string {
  if (code === null) return t(centralStock);
  return unit ? `${unit.name} ${code}` : code;
}
