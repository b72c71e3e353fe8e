import { Card, DatePicker, Form, Radio, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { QueryState } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { labelFor } from '../../../i18n/messages';
import { statusLabels } from '../messages';
import { outletStatsMessages as m } from './messages';
import { backlogStatuses, OutletStatsCharts } from './OutletStatsCharts';
import { useOutletStats, type OutletStatsRow, type StatsPeriod } from './outlet-stats-queries';
import { PageHeading } from '../../../components/PageHeading';

const PRESET_DAYS = [7, 30] as const;
const DEFAULT_DAYS = 30;

/**
 * Outlet backlog and SLA attainment (网点积压与达标, WO-6, RPT-1, UI-1): per outlet the open work orders by status,
 * those late now, and in the chosen period the completed ones and the response and resolution attainment; as
 * charts and as a table with every figure. The period (last 7 or 30 days, or chosen dates) is kept in the URL.
 */
export default function OutletStatsPage() {
  const { t } = useLanguage();
  const [params, setParams] = useSearchParams();
  const period = periodOf(params);
  const stats = useOutletStats(period);

  const choosePreset = (days: number) => {
    setParams(days === DEFAULT_DAYS ? {} : { days: String(days) });
  };
  const chooseDates = (dates: [Dayjs | null, Dayjs | null] | null) => {
    const [from, to] = dates ?? [];
    if (from && to) setParams({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
    else setParams({});
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading variant="report" title={t(m.title)} intro={t(m.intro)} />
      <Form layout="inline" style={{ rowGap: 12 }}>
        <Form.Item label={t(m.window)}>
          <Radio.Group
            aria-label={t(m.window)}
            optionType="button"
            value={'days' in period ? period.days : undefined}
            onChange={(e) => choosePreset(Number(e.target.value))}
            options={PRESET_DAYS.map((days) => ({ value: days, label: t(days === 7 ? m.last7 : m.last30) }))}
          />
        </Form.Item>
        <Form.Item label={t(m.dateRange)} htmlFor="stats-dates">
          <DatePicker.RangePicker
            id={{ start: 'stats-dates' }}
            value={'from' in period ? [dayjs(period.from), dayjs(period.to)] : null}
            onChange={chooseDates}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
      </Form>
      <QueryState query={stats} isEmpty={(data) => data.outlets.length === 0} empty={t(m.noOutlets)}>
        {(data) => (
          <>
            <Typography.Text type="secondary" data-testid="stats-window">
              {fill(t(m.shownWindow), {
                from: dayjs(data.window.from).format('YYYY-MM-DD HH:mm'),
                to: dayjs(data.window.to).format('YYYY-MM-DD HH:mm'),
              })}
            </Typography.Text>
            <Card title={t(m.chartsTitle)} size="small" style={{ marginTop: 16 }}>
              <OutletStatsCharts outlets={data.outlets} />
            </Card>
            <Card title={t(m.tableTitle)} size="small" style={{ marginTop: 16 }}>
              <StatsTable outlets={data.outlets} loading={stats.isFetching} />
            </Card>
          </>
        )}
      </QueryState>
    </Space>
  );
}

/** Every figure per outlet: the accessible equivalent of the charts. */
function StatsTable({ outlets, loading }: { outlets: OutletStatsRow[]; loading: boolean }) {
  const { t } = useLanguage();
  const attainment = (a: OutletStatsRow['response']) =>
    a.attainment === null ? (
      <span title={t(m.notMeasured)} aria-label={t(m.notMeasured)}>
        —
      </span>
    ) : (
      <span>
        {`${(a.attainment * 100).toFixed(1)}%`}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          ({fill(t(m.metOf), { met: String(a.met), measured: String(a.measured) })})
        </Typography.Text>
      </span>
    );
  const columns: ColumnsType<OutletStatsRow> = [
    {
      title: t(m.outlet),
      key: 'outlet',
      render: (_: unknown, o) => (
        <span>
          {o.name} <code>{o.outletCode}</code> · {o.city}
          {o.active ? null : <Tag style={{ marginInlineStart: 8 }}>{t(m.inactive)}</Tag>}
        </span>
      ),
    },
    {
      title: t(m.backlog),
      children: [
        ...backlogStatuses.map(({ status }) => ({
          title: t(labelFor(statusLabels, status)),
          key: status,
          align: 'right' as const,
          render: (_: unknown, o: OutletStatsRow) => o.backlog[status],
        })),
        {
          title: t(m.total),
          key: 'total',
          align: 'right' as const,
          render: (_: unknown, o: OutletStatsRow) => <strong>{o.backlog.total}</strong>,
        },
      ],
    },
    { title: t(m.lateNow), dataIndex: 'lateNow', align: 'right' },
    { title: t(m.completed), dataIndex: 'completedInWindow', align: 'right' },
    { title: t(m.responseAttainment), key: 'response', render: (_: unknown, o) => attainment(o.response) },
    {
      title: t(m.resolutionAttainment),
      key: 'resolution',
      render: (_: unknown, o) => attainment(o.resolution),
    },
  ];
  return (
    <Table<OutletStatsRow>
      rowKey="outletCode"
      size="small"
      bordered
      loading={loading}
      dataSource={outlets}
      columns={columns}
      pagination={false}
    />
  );
}

/** The period in the URL: `days=7`, or `from` and `to` as dates; the last 30 days otherwise. */
function periodOf(params: URLSearchParams): StatsPeriod {
  const from = day(params.get('from'));
  const to = day(params.get('to'));
  if (from && to && !from.isAfter(to))
    return { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') };
  const days = Number(params.get('days'));
  return { days: (PRESET_DAYS as readonly number[]).includes(days) ? days : DEFAULT_DAYS };
}

function day(text: string | null): Dayjs | null {
  const d = text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayjs(text) : null;
  return d?.isValid() ? d : null;
}
