import { createHash } from 'node:crypto';

/** A short, stable reference derived from a key, so a retried step produces the same reference. */
export function stableRef(prefix: string, key: string, length = 12): string {
  return `${prefix}-${createHash('sha256').update(key).digest('hex').slice(0, length).toUpperCase()}`;
}
