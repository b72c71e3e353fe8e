import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';

let decoy: Promise<string> | null = null;
/** A hash no password matches, made once. */
const decoyHash = (): Promise<string> => (decoy ??= bcrypt.hash(randomBytes(16).toString('hex'), 10));

/**
 * Whether `password` matches `hash`. Without a hash (unknown operator, line without a password) it compares
 * against a decoy and answers false: the same work and timing, so the answer does not tell which was missing.
 */
export async function passwordMatches(password: string, hash: string | null | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? (await decoyHash()));
  return Boolean(hash) && matches;
}
