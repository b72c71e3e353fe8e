import { Space, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useLanguage } from '../../../i18n/language';
import { labelFor } from '../../../i18n/messages';
import type { WorkOrderView } from '../work-order-queries';
import { slaKindLabels, timelineActionLabels, workOrderMessages as m } from './messages';

type Entry = WorkOrderView['timeline'][number];

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;
const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/**
 * REQ: WO-2…WO-6 — every step of a work order, oldest first: what happened (in the chosen language), when, by
 * whom, and what it changed — the outlet, the assignee and the rule that picked them, the appointment moved,
 * the reason given, the target breached.
 */
export function WorkOrderTimeline({ timeline }: { timeline: Entry[] }) {
  const { t } = useLanguage();
  return (
    <Timeline
      data-testid="work-order-timeline"
      items={timeline.map((entry) => ({
        key: entry.seq,
        color: entry.action === 'slaBreached' || entry.action === 'reject' ? 'red' : undefined,
        content: (
          <Space orientation="vertical" size={0} data-testid={`timeline-${entry.action}`}>
            <span>
              <strong>{t(labelFor(timelineActionLabels, entry.action))}</strong>
              {' · '}
              {t(entry.statusLabel)}
            </span>
            <Typography.Text type="secondary">
              {when(entry.at)} · {t(m.actor)}{' '}
              {entry.actor === 'system' ? t(m.system) : <code>{entry.actor}</code>}
            </Typography.Text>
            <EntryDetails entry={entry} />
          </Space>
        ),
      }))}
    />
  );
}

function EntryDetails({ entry }: { entry: Entry }) {
  const { t } = useLanguage();
  const d = entry.details;
  const lines: ReactNode[] = [];
  const outlet = text(d.outletCode);
  const assignee = text(d.assigneeId);
  const previousAssignee = text(d.previousAssignee);
  const ruleName = text(d.ruleName);
  const reason = text(d.reason);
  const kind = text(d.kind);
  if (entry.action === 'assignOutlet' && outlet) {
    lines.push(
      <span key="outlet">
        {t(m.outlet)}:{' '}
        {text(d.previousOutlet) ? (
          <>
            <code>{text(d.previousOutlet)}</code> →{' '}
          </>
        ) : null}
        <code>{outlet}</code>
      </span>,
    );
  }
  if (assignee) {
    lines.push(
      <span key="assignee">
        {t(m.assignee)}:{' '}
        {previousAssignee ? (
          <>
            <code>{previousAssignee}</code> →{' '}
          </>
        ) : null}
        <code>{assignee}</code>
      </span>,
    );
  }
  if (ruleName) {
    lines.push(
      <span key="rule">
        {t(m.rule)}: {ruleName} {text(d.ruleId) ? <code>{text(d.ruleId)}</code> : null}
      </span>,
    );
  }
  if (entry.action === 'bookAppointment' || entry.action === 'changeAppointment') {
    const from = text(d.from);
    const to = text(d.to);
    lines.push(
      <span key="appointment">
        {t(m.appointment)}: {from ? `${when(from)} → ` : ''}
        {to ? when(to) : '—'}
      </span>,
    );
  }
  if (entry.action === 'slaBreached' && kind) {
    lines.push(
      <span key="sla">
        {t(labelFor(slaKindLabels, kind))}
        {text(d.dueAt) ? ` · ${when(String(d.dueAt))}` : ''}
      </span>,
    );
  }
  if (reason) {
    lines.push(
      <span key="reason">
        {t(m.reason)}: {reason}
      </span>,
    );
  }
  const message = text(d.message);
  if (message && lines.length === 0) lines.push(<span key="message">{message}</span>);
  return <>{lines}</>;
}
