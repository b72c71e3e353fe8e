import { Card, Col, Descriptions, Row, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { PageHeading } from '../../../components/PageHeading';
import { QueryState } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { centralStock, numberKindLabels, numberStateLabels, simStateLabels, yuan } from '../labels';
import { StateTag } from '../StateTag';
import { numberMessages as m } from './messages';
import { FeeChangeForm, ReservationForm, StateChangeForm } from './NumberActions';
import { useFeeChanges, useNumber, type FeeChange, type NumberView } from './number-queries';
import { TableEmpty } from '../../../components/TableEmpty';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
const cardTitle = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/**
 * REQ: RES-3, RES-4, RES-5 — one number for administrators: its state, selection fee, holder, reservation,
 * pre-emption and bound SIM; a state change by hand, a reservation, a fee change; the state and fee histories.
 */
export default function NumberPage() {
  const { t } = useLanguage();
  const { msisdn = '' } = useParams();
  const number = useNumber(msisdn);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/admin/numbers">{t(m.back)}</Link>
      <PageHeading title={fill(t(m.title), { msisdn })} intro={t(m.intro)} />
      <QueryState query={number}>{(n) => <NumberDetail number={n} />}</QueryState>
    </Space>
  );
}

function NumberDetail({ number: n }: { number: NumberView }) {
  const { t } = useLanguage();
  type History = NumberView['history'][number];
  const historyColumns: ColumnsType<History> = [
    {
      title: t(m.from),
      dataIndex: 'from',
      render: (s: string) => <StateTag code={s} labels={numberStateLabels} />,
    },
    {
      title: t(m.to),
      dataIndex: 'to',
      render: (s: string) => <StateTag code={s} labels={numberStateLabels} />,
    },
    // The reason as staff wrote it: not translated.
    { title: t(m.reason), dataIndex: 'reason' },
    { title: t(m.changedBy), dataIndex: 'changedBy', render: (v: string) => <code>{v}</code> },
    { title: t(m.changedAt), dataIndex: 'changedAt', render: when },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t(m.msisdn)}>
            <code>{n.msisdn}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.state)}>
            <span data-testid="number-state">
              <StateTag code={n.status} label={n.statusLabel} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.fee)}>
            <span data-testid="number-fee">{yuan(n.selectionFeeFen)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.kind)}>
            {t(numberKindLabels[n.kind] ?? { zh: n.kind, en: n.kind })}
          </Descriptions.Item>
          <Descriptions.Item label={t(m.segment)}>
            <code>{n.segment}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.holder)}>
            {n.holderCode ? (
              <span>
                {n.unitName ?? ''} <code>{n.holderCode}</code>
              </span>
            ) : (
              t(centralStock)
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t(m.reservation)}>
            {n.reservation
              ? fill(t(m.reservedFor), {
                  customer: n.reservation.customerName,
                  until: dayjs(n.reservation.until).format('YYYY-MM-DD HH:mm'),
                })
              : t(m.none)}
          </Descriptions.Item>
          {n.preemption ? (
            <Descriptions.Item label={t(m.preemption)}>
              {fill(t(m.preemptedBy), {
                order: n.preemption.orderId ?? '—',
                until: n.preemption.until ? dayjs(n.preemption.until).format('YYYY-MM-DD HH:mm') : '—',
              })}
            </Descriptions.Item>
          ) : null}
          {n.availableFrom ? (
            <Descriptions.Item label={t(m.availableFrom)}>{when(n.availableFrom)}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t(m.sim)}>
            {n.sim ? (
              <Space size={4} wrap>
                <Link to={`/admin/sims/${n.sim.iccid}`}>
                  <code>{n.sim.iccid}</code>
                </Link>
                <span>IMSI {n.sim.imsi}</span>
                <StateTag code={n.sim.status} labels={simStateLabels} />
              </Space>
            ) : (
              t(m.none)
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={cardTitle(t(m.stateChange))} style={{ height: '100%' }}>
            <StateChangeForm key={n.status} number={n} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={cardTitle(t(m.reserve))} style={{ height: '100%' }}>
            <ReservationForm key={n.status} number={n} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={cardTitle(t(m.feeTitle))} style={{ height: '100%' }}>
            <FeeChangeForm number={n} />
          </Card>
        </Col>
      </Row>
      <Card title={cardTitle(t(m.history))}>
        <Table<History>
          rowKey={(h) => `${h.changedAt}-${h.from}-${h.to}`}
          size="small"
          columns={historyColumns}
          dataSource={n.history}
          pagination={false}
          locale={{ emptyText: <TableEmpty text={t(m.noHistory)} /> }}
        />
      </Card>
      <FeeChanges msisdn={n.msisdn} />
    </Space>
  );
}

/** REQ: RES-4 — the selection-fee change record: before, after, who and why. */
function FeeChanges({ msisdn }: { msisdn: string }) {
  const { t } = useLanguage();
  const changes = useFeeChanges(msisdn);
  const columns: ColumnsType<FeeChange> = [
    { title: t(m.before), dataIndex: 'beforeFen', render: (f: number) => yuan(f) },
    { title: t(m.after), dataIndex: 'afterFen', render: (f: number) => yuan(f) },
    { title: t(m.reason), dataIndex: 'reason' },
    { title: t(m.changedBy), dataIndex: 'changedBy', render: (v: string) => <code>{v}</code> },
    { title: t(m.changedAt), dataIndex: 'changedAt', render: when },
  ];
  return (
    <Card title={cardTitle(t(m.feeChanges))}>
      <QueryState query={changes}>
        {(data) => (
          <Table<FeeChange>
            rowKey={(c) => `${c.changedAt}-${c.afterFen}`}
            size="small"
            columns={columns}
            dataSource={data.items}
            pagination={false}
            locale={{ emptyText: <TableEmpty text={t(m.noFeeChanges)} /> }}
            data-testid="fee-changes"
          />
        )}
      </QueryState>
    </Card>
  );
}
