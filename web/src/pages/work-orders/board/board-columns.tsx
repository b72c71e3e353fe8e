import { Button, Dropdown } from 'antd';
import type { Bilingual } from '../../../i18n/messages';
import { deskStepLabels, type PendingStep } from '../desk/DeskDialogs';
import { stepsFor } from '../desk/desk-steps';
import { dueState, type DueState } from '../desk/due';
import { boardMessages as m, deskMessages as dm } from '../desk/messages';
import { DueCountdownCell, LATE, RISK, noWrap } from '../list/cells';
import { workOrderColumns, type WorkOrderColumn } from '../list/columns';

/** Row tints behind the words (the words carry the meaning; the tint helps the eye find the row). */
export const rowTint: Partial<Record<DueState['level'], { background: string; boxShadow: string }>> = {
  overdue: { background: '#fff1f0', boxShadow: `inset 4px 0 0 ${LATE}` },
  atRisk: { background: '#fffbe6', boxShadow: `inset 4px 0 0 ${RISK}` },
};

/**
 * The board's columns (UI-1, WO-2…WO-6): the shared work-order columns (green channel beside the title, VIP
 * beside the priority), the due time counting down, outlet and staff, and the desk steps of each row.
 */
export function boardColumns(
  t: (text: Bilingual) => string,
  now: number,
  onStep: (pending: PendingStep) => void,
): WorkOrderColumn[] {
  const c = workOrderColumns(t);
  return [
    c.id({ greenMark: false }),
    c.title({ greenMark: true }),
    c.priority({ vipMark: true }),
    c.category(),
    c.status(),
    {
      title: t(m.due),
      key: 'due',
      render: (_: unknown, row) => <DueCountdownCell state={dueState(row, now)} late={row.late} />,
    },
    c.customer({ vipMark: false }),
    {
      title: t(m.handledBy),
      key: 'handledBy',
      render: (_: unknown, row) => (
        <div style={noWrap}>
          <div>
            {t(m.outlet)} <code>{row.outletCode ?? '—'}</code>
          </div>
          <div>
            {t(m.assignee)} {row.assigneeName ?? ''} <code>{row.assigneeId ?? '—'}</code>
          </div>
        </div>
      ),
    },
    c.created({ short: true }),
    {
      title: t(m.actions),
      key: 'actions',
      render: (_: unknown, row) => {
        const steps = stepsFor([row]);
        if (steps.length === 0) return null;
        return (
          <Dropdown
            trigger={['click']}
            menu={{
              items: steps.map((step) => ({ key: step, label: t(deskStepLabels[step]) })),
              onClick: ({ key }) => {
                const step = steps.find((s) => s === key);
                if (step) onStep({ step, targets: [row] });
              },
            }}
          >
            <Button size="small" aria-label={`${t(dm.deskActions)} ${row.id}`}>
              {t(m.actions)} ▾
            </Button>
          </Dropdown>
        );
      },
    },
  ];
}
