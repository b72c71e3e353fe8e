import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../../api-client/client';
import type { paths } from '../../../api-client/schema';
import { FormErrors } from '../../../components/FormErrors';
import { PageHeading } from '../../../components/PageHeading';
import { QueryState } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { labelFor } from '../../../i18n/messages';
import { centralStock, simStateLabels } from '../labels';
import { refusedFields } from '../../../components/fieldPath';
import { StateTag } from '../StateTag';
import { TableEmpty } from '../../../components/TableEmpty';
import { simMessages as m } from './messages';

type SimView = paths['/api/v1/sims/{iccid}']['get']['responses'][200]['content']['application/json'];
type SimTarget = NonNullable<
  paths['/api/v1/sims/{iccid}/state']['post']['requestBody']
>['content']['application/json']['to'];

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
const cardTitle = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/**
 * REQ: RES-3, RES-5 — one SIM card for administrators: state, IMSI, the number it is bound to, holder, a state
 * change by hand (damaged ↔ available) and its state history.
 */
export default function SimPage() {
  const { t } = useLanguage();
  const { iccid = '' } = useParams();
  const sim = useQuery({
    queryKey: ['sim', iccid],
    queryFn: () => unwrap(api.GET('/api/v1/sims/{iccid}', { params: { path: { iccid } } })),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/admin/sims">{t(m.back)}</Link>
      <PageHeading title={fill(t(m.title), { iccid })} intro={t(m.intro)} />
      <QueryState query={sim}>{(s) => <SimDetail sim={s} />}</QueryState>
    </Space>
  );
}

function SimDetail({ sim: s }: { sim: SimView }) {
  const { t } = useLanguage();
  type History = SimView['history'][number];
  const columns: ColumnsType<History> = [
    {
      title: t(m.from),
      dataIndex: 'from',
      render: (v: string) => <StateTag code={v} labels={simStateLabels} />,
    },
    { title: t(m.to), dataIndex: 'to', render: (v: string) => <StateTag code={v} labels={simStateLabels} /> },
    { title: t(m.reason), dataIndex: 'reason' },
    { title: t(m.changedBy), dataIndex: 'changedBy', render: (v: string) => <code>{v}</code> },
    { title: t(m.changedAt), dataIndex: 'changedAt', render: when },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t(m.iccid)}>
            <code>{s.iccid}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.state)}>
            <span data-testid="sim-state">
              <StateTag code={s.status} label={s.statusLabel} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.imsi)}>
            <code>{s.imsi}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.msisdn)}>
            {s.msisdn ? (
              <Link to={`/admin/numbers/${s.msisdn}`}>
                <code>{s.msisdn}</code>
              </Link>
            ) : (
              t(m.none)
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t(m.holder)}>
            {s.holderCode ? (
              <span>
                {s.unitName ?? ''} <code>{s.holderCode}</code>
              </span>
            ) : (
              t(centralStock)
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={cardTitle(t(m.stateChange))}>
        <SimStateForm key={s.status} sim={s} />
      </Card>
      <Card title={cardTitle(t(m.history))}>
        <Table<History>
          rowKey={(h) => `${h.changedAt}-${h.from}-${h.to}`}
          size="small"
          columns={columns}
          dataSource={s.history}
          pagination={false}
          locale={{ emptyText: <TableEmpty text={t(m.noHistory)} /> }}
        />
      </Card>
    </Space>
  );
}

/** REQ: RES-3 — a SIM state change by hand: only the targets allowed from the state now, with a reason. */
function SimStateForm({ sim }: { sim: SimView }) {
  const { t } = useLanguage();
  const [form] = Form.useForm<{ to: SimTarget; reason: string }>();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (body: { to: SimTarget; reason: string }) =>
      unwrap(api.POST('/api/v1/sims/{iccid}/state', { params: { path: { iccid: sim.iccid } }, body })),
    onSuccess: (next) => {
      queryClient.setQueryData(['sim', sim.iccid], next);
      void queryClient.invalidateQueries({ queryKey: ['sims'] });
    },
  });
  const targets = sim.allowedTargets as SimTarget[];
  if (targets.length === 0) return <Typography.Text type="secondary">{t(m.noTargets)}</Typography.Text>;
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 360 }}
      onFinish={(v) => change.mutate({ to: v.to, reason: v.reason.trim() })}
    >
      <Form.Item
        name="to"
        label={t(m.to)}
        htmlFor="sim-to"
        rules={[{ required: true, message: t(m.toRequired) }]}
      >
        <Select
          id="sim-to"
          options={targets.map((v) => ({ value: v, label: t(labelFor(simStateLabels, v)) }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t(m.reason)}
        htmlFor="sim-reason"
        rules={[{ required: true, whitespace: true, message: t(m.reasonRequired) }]}
      >
        <Input id="sim-reason" maxLength={200} />
      </Form.Item>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <FormErrors form={form} error={change.error} fieldsOf={(e) => refusedFields(e, { ruleInZh: true })} />
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t(m.change)}
        </Button>
      </Space>
    </Form>
  );
}
