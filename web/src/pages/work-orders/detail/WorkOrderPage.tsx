import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { hasPermission, useSession } from '../../../app/session';
import { QueryState } from '../../../components/PageState';
import { useLanguage } from '../../../i18n/language';
import { fill } from '../../../i18n/fill';
import { labelFor, type Bilingual } from '../../../i18n/messages';
import { commitmentKindLabels } from '../../green-channel/messages';
import { categoryLabels, priorityLabels } from '../messages';
import { finalWorkOrderStatuses, useWorkOrder, type WorkOrderView } from '../work-order-queries';
import { DeskActions } from './DeskActions';
import { workOrderMessages as m } from './messages';
import { StaffActions } from './StaffActions';
import { WorkOrderTimeline } from './WorkOrderTimeline';

const when = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
const BREACHED = '#a8071a';
const MET = '#237804';

/**
 * One work order (WO-1…WO-6, UI-1): what it is, where it stands, its service level and its timeline, updating by
 * itself while it is open; the dispatcher desk sees its steps, service staff theirs, others only read.
 */
export default function WorkOrderPage() {
  const { id = '' } = useParams();
  const { t } = useLanguage();
  const session = useSession();
  const workOrder = useWorkOrder(id);
  const roles = session?.operator.roles ?? [];
  const backTo = hasPermission(session, 'workOrders.dispatch')
    ? '/work-orders'
    : roles.includes('serviceStaff')
      ? '/my-work-orders'
      : '/work-orders/new';
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to={backTo}>{t(m.backToList)}</Link>
      <QueryState query={workOrder}>{(data) => <WorkOrderDetails workOrder={data} />}</QueryState>
    </Space>
  );
}

function WorkOrderDetails({ workOrder: wo }: { workOrder: WorkOrderView }) {
  const { t } = useLanguage();
  const session = useSession();
  const roles = session?.operator.roles ?? [];
  const open = !finalWorkOrderStatuses.includes(wo.status);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {wo.title} <Tag data-testid="work-order-status">{t(wo.statusLabel)}</Tag>
      </Typography.Title>
      {open ? <Alert type="info" showIcon title={t(m.refreshing)} /> : null}
      {hasPermission(session, 'workOrders.dispatch') ? <DeskActions workOrder={wo} /> : null}
      {roles.includes('serviceStaff') ? <StaffActions workOrder={wo} /> : null}
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} title={t(m.details)}>
          <Descriptions.Item label={t(m.id)}>
            <code data-testid="work-order-id">{wo.id}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.priority)}>
            <code>{wo.priority}</code> {t(labelFor(priorityLabels, wo.priority))}
            {wo.vip ? <Tag style={{ marginInlineStart: 8 }}>VIP</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label={t(m.category)}>
            {t(labelFor(categoryLabels, wo.category))}
          </Descriptions.Item>
          <Descriptions.Item label={t(m.customer)}>
            {wo.customer.name} <code>{wo.customer.msisdn}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.address)}>{wo.customer.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(m.city)}>{wo.city ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(m.territory)}>{wo.territory ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(m.requiredSkill)}>{wo.requiredSkill ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(m.outlet)}>
            <code data-testid="work-order-outlet">{wo.outletCode ?? '—'}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.assignee)}>
            <code data-testid="work-order-assignee">{wo.assigneeId ?? '—'}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.appointment)}>
            <span data-testid="work-order-appointment">{when(wo.appointment?.at)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.createdBy)}>
            <code>{wo.createdBy}</code> · {when(wo.createdAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t(m.description)} span={2}>
            {wo.description}
          </Descriptions.Item>
          {wo.commitments.length > 0 ? (
            <Descriptions.Item label={t(m.commitments)} span={2}>
              <ul data-testid="work-order-commitments" style={{ margin: 0, paddingInlineStart: 18 }}>
                {wo.commitments.map((c, i) => (
                  <li key={i}>
                    {t(labelFor(commitmentKindLabels, c.kind))}: {commitmentValue(c, t)}
                  </li>
                ))}
              </ul>
            </Descriptions.Item>
          ) : null}
          {wo.result ? (
            <Descriptions.Item label={t(m.result)} span={2}>
              {wo.result.resolved ? t(m.resolved) : t(m.unresolved)} · {wo.result.summary}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t(m.sla)}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t(m.responseDue)}>
            {when(wo.sla.responseDueAt)}{' '}
            <SlaTag breached={wo.sla.responseBreached} metAt={wo.sla.respondedAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t(m.respondedAt)}>{when(wo.sla.respondedAt)}</Descriptions.Item>
          <Descriptions.Item label={t(m.resolutionDue)}>
            {when(wo.sla.resolutionDueAt)}{' '}
            <SlaTag breached={wo.sla.resolutionBreached} metAt={wo.sla.resolvedAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t(m.resolvedAt)}>{when(wo.sla.resolvedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t(m.timeline)}>
        <WorkOrderTimeline timeline={wo.timeline} />
      </Card>
    </Space>
  );
}

/** GC-3 — what was promised to the customer, as kept on the work order: hours, yuan (from fen), the goods. */
function commitmentValue(c: WorkOrderView['commitments'][number], t: (text: Bilingual) => string): string {
  switch (c.kind) {
    case 'repairTimeLimit':
      return fill(t(m.hours), { hours: String(c.hours) });
    case 'compensation':
      return fill(t(m.yuan), { yuan: (c.amountFen / 100).toFixed(2) });
    case 'specificGoods':
      return c.item;
  }
}

function SlaTag({ breached, metAt }: { breached: boolean; metAt: string | null }) {
  const { t } = useLanguage();
  if (breached) return <Tag color={BREACHED}>{t(m.breached)}</Tag>;
  if (metAt) return <Tag color={MET}>{t(m.met)}</Tag>;
  return <Tag>{t(m.pending)}</Tag>;
}
