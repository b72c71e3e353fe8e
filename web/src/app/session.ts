import { useSyncExternalStore } from 'react';

/** The signed-in operator as the sign-in answered, kept for this browser tab only. */
export interface Session {
  token: string;
  expiresAt: string;
  operator: { id: string; name: string; roles: string[] };
  channel: { code: string; type: string; name: string };
  outletCode: string | null;
  /** The permissions the operator has through this channel (the API's access rules); drives the menu. */
  permissions: string[];
}

const STORAGE_KEY = 'console.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;
let endReason: 'expired' | null = null;

function read(): Session | null {
  if (cached !== undefined) return cached;
  const raw = sessionStorage.getItem(STORAGE_KEY);
  cached = raw ? (JSON.parse(raw) as Session) : null;
  return cached;
}

function publish(): void {
  for (const l of listeners) l();
}

export function startSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  cached = session;
  endReason = null;
  publish();
}

export function endSession(reason: 'expired' | null = null): void {
  sessionStorage.removeItem(STORAGE_KEY);
  cached = null;
  endReason = reason;
  publish();
}

export function currentToken(): string | null {
  return read()?.token ?? null;
}

/** Why the last session ended when it was not signed out on purpose (shown on the sign-in page). */
export function lastEndReason(): 'expired' | null {
  return endReason;
}

export function useSession(): Session | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, read);
}

export function hasPermission(session: Session | null, permission: string): boolean {
  return !!session && session.permissions.includes(permission);
}
