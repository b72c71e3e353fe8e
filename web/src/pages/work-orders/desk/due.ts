import { useEffect, useState } from 'react';
import { fill } from '../../../i18n/fill';
import type { Bilingual } from '../../../i18n/messages';
import { dueMessages as m } from './messages';

/** What the board needs of a work order to count its due time down. */
export interface DueInput {
  status: string;
  createdAt: string;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  late: boolean;
}

/**
 * Where a work order stands against its service level now (WO-6): the target that is running (the response
 * until the first dispatch, then the resolution), the time left (negative when late) and whether it is at risk.
 */
export interface DueState {
  target: 'response' | 'resolution' | null;
  dueAt: string | null;
  leftMs: number | null;
  level: 'overdue' | 'atRisk' | 'onTime' | 'wasLate' | 'done';
}

/** Waiting for the first dispatch: the response target runs (the SLA counts the first dispatch as the response). */
const awaitingResponse = ['created', 'accepted', 'outletAssigned'];
const inWork = ['dispatched', 'inService'];
/** At risk: under 30 minutes or under a quarter of the target left. */
const RISK_MS = 30 * 60_000;
const RISK_SHARE = 0.25;

export function dueState(row: DueInput, now: number): DueState {
  const target = awaitingResponse.includes(row.status)
    ? 'response'
    : inWork.includes(row.status)
      ? 'resolution'
      : null;
  const dueAt =
    target === 'response' ? row.responseDueAt : target === 'resolution' ? row.resolutionDueAt : null;
  if (!target || !dueAt) {
    return { target: null, dueAt: null, leftMs: null, level: row.late ? 'wasLate' : 'done' };
  }
  const due = Date.parse(dueAt);
  const leftMs = due - now;
  const span = due - Date.parse(row.createdAt);
  const level =
    leftMs <= 0 ? 'overdue' : leftMs < RISK_MS || leftMs < span * RISK_SHARE ? 'atRisk' : 'onTime';
  return { target, dueAt, leftMs, level };
}

/** "12 分钟后到期 / due in 12 min", "已超时 5 分钟 / late by 5 min" — whole units, seconds in the last minute. */
export function countdownText(leftMs: number, t: (text: Bilingual) => string): string {
  const abs = Math.abs(leftMs);
  const seconds = Math.floor(abs / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  const time =
    days > 0
      ? fill(t(m.days), { d: String(days), h: String(hours % 24) })
      : hours > 0
        ? fill(t(m.hours), { h: String(hours), m: String(minutes % 60) })
        : minutes > 0
          ? fill(t(m.minutes), { m: String(minutes) })
          : fill(t(m.seconds), { s: String(seconds) });
  return fill(t(leftMs > 0 ? m.dueIn : m.lateBy), { time });
}

/** The current time, ticking every `everyMs`, so due times count down while the screen is open. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
