import { Alert, Button, List, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorText } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import type { StepRun } from './DeskDialogs';
import { deskMessages as m } from './messages';

const DONE = '#237804';
const REFUSED = '#a8071a';

/**
 * UI-1 — what a step did to each work order it was taken on: done, with the status it left, or refused, with
 * the API's reason in the chosen language. One refusal never hides the others' outcomes.
 */
export function StepResults({ run, onDismiss }: { run: StepRun; onDismiss: () => void }) {
  const { t } = useLanguage();
  const ok = run.outcomes.filter((o) => o.ok).length;
  const failed = run.outcomes.length - ok;
  return (
    <Alert
      data-testid="step-results"
      role="status"
      type={failed === 0 ? 'success' : ok === 0 ? 'error' : 'warning'}
      showIcon
      title={
        <span>
          {fill(t(m.results), { step: t(run.label) })} ·{' '}
          {fill(t(m.summary), { ok: String(ok), failed: String(failed) })}
        </span>
      }
      description={
        <List
          size="small"
          dataSource={run.outcomes}
          renderItem={(o) => (
            <List.Item data-testid={`step-result-${o.id}`}>
              <Space size={6} wrap>
                <Link to={`/work-orders/${encodeURIComponent(o.id)}`}>
                  <code>{o.id}</code>
                </Link>
                {o.ok ? (
                  <>
                    <Tag color={DONE}>{t(m.succeeded)}</Tag>
                    <span>{fill(t(m.nowStatus), { status: t(o.workOrder.statusLabel) })}</span>
                    {o.workOrder.outletCode ? <code>{o.workOrder.outletCode}</code> : null}
                    {o.workOrder.assigneeId ? <code>{o.workOrder.assigneeId}</code> : null}
                  </>
                ) : (
                  <>
                    <Tag color={REFUSED}>{t(m.refused)}</Tag>
                    <ErrorText error={o.error} />
                  </>
                )}
              </Space>
            </List.Item>
          )}
        />
      }
      action={
        <Button size="small" onClick={onDismiss}>
          {t(m.closeResults)}
        </Button>
      }
    />
  );
}
