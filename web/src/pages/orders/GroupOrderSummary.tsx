import { Alert, Descriptions, Space } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { fill } from '../../i18n/fill';
import { useLanguage } from '../../i18n/language';
import { defineMessages, type Bilingual } from '../../i18n/messages';
import type { OrderView } from './order-queries';

/**
 * A group product order (open, change, cancel) as staff follow it (REQ: GRP-3, GRP-4): whether it waits for
 * the tariff approval or for BBOSS — and since when — the overdue alert, and how it ended, in both languages.
 */

export type GroupProductOrder = Extract<OrderView, { type: 'groupOpen' | 'groupChange' | 'groupCancel' }>;

export function isGroupProductOrder(order: OrderView): order is GroupProductOrder {
  return order.type === 'groupOpen' || order.type === 'groupChange' || order.type === 'groupCancel';
}

const m = defineMessages({
  awaitingApproval: {
    zh: '等待资费审核：审核员审批通过后订单才提交 BBOSS',
    en: 'Awaiting approval: the order goes to BBOSS once an approver approves its tariff',
  },
  waitingForBboss: { zh: '等待 BBOSS 答复，自 {since} 起', en: 'Waiting for BBOSS since {since}' },
  waitingNote: {
    zh: 'BBOSS 处理通常约需 30 分钟；订单持续等待，答复后自动继续',
    en: 'BBOSS usually takes about 30 minutes; the order keeps waiting and goes on by itself once it answers',
  },
  overdue: {
    zh: 'BBOSS 超时未答复：{at} 已提醒值班人员，请与 BBOSS 核实进度',
    en: 'BBOSS is overdue: staff were alerted at {at}; please check with BBOSS',
  },
  completed: {
    zh: 'BBOSS 已确认（{at}），订单已竣工',
    en: 'BBOSS confirmed it ({at}); the order is completed',
  },
  bbossRejected: { zh: 'BBOSS 拒绝了该订单（{at}）', en: 'BBOSS rejected the order ({at})' },
  approvalRejected: { zh: '资费审核未通过', en: 'The tariff approval was refused' },
  action: { zh: '业务', en: 'Business' },
  group: { zh: '集团', en: 'Group' },
  product: { zh: '产品', en: 'Product' },
  tariff: { zh: '资费包', en: 'Tariff' },
  effectiveMode: { zh: '套餐生效方式', en: 'Takes effect' },
  effectiveFrom: { zh: '生效时间', en: 'In force from' },
  customerManager: { zh: '客户经理', en: 'Customer manager' },
  submitter: { zh: '订单提交人', en: 'Submitter' },
  approval: { zh: '资费审核', en: 'Tariff approval' },
  approvalPending: { zh: '待审核', en: 'Waiting' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  by: { zh: '{who} 于 {at}', en: 'by {who} at {at}' },
  bbossRef: { zh: 'BBOSS 单号', en: 'BBOSS reference' },
  submittedAt: { zh: '提交 BBOSS 时间', en: 'Sent to BBOSS' },
  answeredAt: { zh: 'BBOSS 答复时间', en: 'BBOSS answered' },
  membersRemoved: { zh: '移除成员数', en: 'Members removed' },
  title: { zh: '业务内容', en: 'Business details' },
});

const actionLabels: Record<GroupProductOrder['summary']['action'], Bilingual> = {
  open: { zh: '开通', en: 'Open' },
  change: { zh: '变更', en: 'Change' },
  cancel: { zh: '业务注销', en: 'Cancellation' },
};

const modeLabels: Record<string, Bilingual> = {
  immediate: { zh: '立即生效', en: 'Immediately' },
  nextCycle: { zh: '下周期生效', en: 'From the next billing cycle' },
};

const when = (at: string | undefined) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm:ss') : '—');

/**
 * REQ: GRP-3, GRP-4 — where a running group order stands (awaiting approval; waiting for BBOSS since …; BBOSS
 * overdue) and, once ended, BBOSS's answer. Shown on the order page and on the group page beside the product.
 */
export function GroupOrderProgress({ order }: { order: GroupProductOrder }) {
  const { t } = useLanguage();
  const { bboss, approval } = order.summary;
  const alerts: {
    key: string;
    type: 'info' | 'warning' | 'success' | 'error';
    title: string;
    text?: string;
  }[] = [];
  if (order.status === 'pending' && order.step === 'awaitingApproval') {
    alerts.push({ key: 'approval', type: 'info', title: t(m.awaitingApproval) });
  }
  if (order.step === 'waitingForBboss' && bboss?.waitingSince && !bboss.outcome) {
    alerts.push({
      key: 'bboss',
      type: 'info',
      title: fill(t(m.waitingForBboss), { since: when(bboss.waitingSince) }),
      text: t(m.waitingNote),
    });
    if (bboss.overdueAt) {
      alerts.push({
        key: 'overdue',
        type: 'warning',
        title: fill(t(m.overdue), { at: when(bboss.overdueAt) }),
      });
    }
  }
  if (bboss?.outcome === 'completed' && order.status === 'completed') {
    alerts.push({
      key: 'done',
      type: 'success',
      title: fill(t(m.completed), { at: when(bboss.answeredAt) }),
    });
  }
  if (bboss?.outcome === 'rejected') {
    alerts.push({
      key: 'refused',
      type: 'error',
      title: fill(t(m.bbossRejected), { at: when(bboss.answeredAt) }),
    });
  }
  if (approval?.decision === 'rejected') {
    alerts.push({
      key: 'refusedApproval',
      type: 'error',
      title: t(m.approvalRejected),
      text: approval.comment,
    });
  }
  if (alerts.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="group-order-progress">
      {alerts.map((a) => (
        <Alert
          key={a.key}
          type={a.type}
          showIcon
          role={a.type === 'warning' || a.type === 'error' ? 'alert' : 'status'}
          title={a.title}
          description={a.text}
        />
      ))}
    </Space>
  );
}

/** What a group product order is about: group, product, tariff, when it takes effect, approval, BBOSS leg. */
export function GroupOrderSummary({ order }: { order: GroupProductOrder }) {
  const { t } = useLanguage();
  const s = order.summary;
  const decision = s.approval?.decision;
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title={t(m.title)}>
      <Descriptions.Item label={t(m.action)}>{t(actionLabels[s.action])}</Descriptions.Item>
      <Descriptions.Item label={t(m.group)}>
        <Link to={`/groups/${s.groupCode}`}>
          <code>{s.groupCode}</code>
        </Link>
      </Descriptions.Item>
      <Descriptions.Item label={t(m.product)}>
        <code>{s.productCode}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t(m.tariff)}>
        {s.tariffCode ? <code>{s.tariffCode}</code> : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t(m.effectiveMode)}>
        {s.effectiveMode
          ? t(modeLabels[s.effectiveMode] ?? { zh: s.effectiveMode, en: s.effectiveMode })
          : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t(m.effectiveFrom)}>{when(s.effectiveFrom)}</Descriptions.Item>
      <Descriptions.Item label={t(m.customerManager)}>
        <code>{s.customerManagerId ?? '—'}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t(m.submitter)}>
        <code>{s.submitterId ?? '—'}</code>
      </Descriptions.Item>
      {s.approval?.required ? (
        <Descriptions.Item label={t(m.approval)} span={2}>
          <span data-testid="approval-state">
            {decision ? t(decision === 'approved' ? m.approved : m.rejected) : t(m.approvalPending)}
          </span>
          {decision ? (
            <>
              {' · '}
              {fill(t(m.by), { who: s.approval.approverId ?? '—', at: when(s.approval.decidedAt) })}
              {s.approval.comment ? (
                <>
                  {' · '}
                  <span data-customer-text>{s.approval.comment}</span>
                </>
              ) : null}
            </>
          ) : null}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t(m.bbossRef)}>
        <code>{s.bboss?.ref ?? '—'}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t(m.submittedAt)}>{when(s.bboss?.waitingSince)}</Descriptions.Item>
      <Descriptions.Item label={t(m.answeredAt)}>{when(s.bboss?.answeredAt)}</Descriptions.Item>
      {s.membersRemoved !== undefined ? (
        <Descriptions.Item label={t(m.membersRemoved)}>{s.membersRemoved}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** The notes a group product order writes on its timeline, in both languages (times shown in local time). */
export function groupTimelineNote(note: string): Bilingual | null {
  for (const [pattern, text] of notePatterns) {
    const match = pattern.exec(note);
    if (match) return text(match);
  }
  return null;
}

const local = (iso: string | undefined) => (iso && dayjs(iso).isValid() ? when(iso) : (iso ?? ''));

const notePatterns: [RegExp, (m: RegExpExecArray) => Bilingual][] = [
  [
    /^tariff (\S+) needs approval/,
    (x) => ({ zh: `资费包 ${x[1]} 需资费审核`, en: `tariff ${x[1]} needs approval` }),
  ],
  [
    /^waiting for BBOSS since (\S+)$/,
    (x) => ({ zh: `等待 BBOSS 答复，自 ${local(x[1])} 起`, en: `waiting for BBOSS since ${local(x[1])}` }),
  ],
  [
    /^group product opened; terms effective from (\S+)$/,
    (x) => ({
      zh: `集团产品已开通，${local(x[1])} 起生效`,
      en: `group product opened; in force from ${local(x[1])}`,
    }),
  ],
  [
    /^change applied from (\S+)$/,
    (x) => ({ zh: `变更已生效，自 ${local(x[1])} 起`, en: `change in force from ${local(x[1])}` }),
  ],
  [
    /^change scheduled from (\S+)$/,
    (x) => ({ zh: `变更将于 ${local(x[1])} 起生效`, en: `change scheduled from ${local(x[1])}` }),
  ],
  [
    /^group product cancelled; (\d+) members removed$/,
    (x) => ({
      zh: `集团产品已注销，移除成员 ${x[1]} 个`,
      en: `group product cancelled; ${x[1]} members removed`,
    }),
  ],
];
