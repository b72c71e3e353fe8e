import { Col, Row } from 'antd';
import { useId, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { useLanguage } from '../../../i18n/language';
import { labelFor } from '../../../i18n/messages';
import { statusLabels } from '../messages';
import { outletStatsMessages as m } from './messages';
import type { OutletStatsRow } from './outlet-stats-queries';

/** The open statuses a backlog counts, bottom to top of a bar, each with its colour. */
export const backlogStatuses = [
  { status: 'accepted', color: '#d48806' },
  { status: 'outletAssigned', color: '#08979c' },
  { status: 'dispatched', color: '#0958d9' },
  { status: 'inService', color: '#389e0d' },
] as const;

const CHART_HEIGHT = 300;
/** Legend and axis texts in the page's text colour, not in the series' colours (UI-1, contrast). */
const legendText = (value: string) => <span style={{ color: 'rgba(0, 0, 0, 0.88)' }}>{value}</span>;
const axisTick = { fill: 'rgba(0, 0, 0, 0.88)', fontSize: 12 };
const percent = (attainment: number | null) =>
  attainment === null ? null : Math.round(attainment * 1000) / 10;

/**
 * REQ: WO-6, RPT-1 — the outlets' backlog by status (stacked bars) and their response and resolution attainment
 * (grouped bars), each an SVG figure with a caption and a description; the table beside them is the accessible
 * equivalent with every figure.
 */
export function OutletStatsCharts({ outlets }: { outlets: OutletStatsRow[] }) {
  const { t } = useLanguage();
  const data = outlets.map((o) => ({
    outlet: o.outletCode,
    ...Object.fromEntries(backlogStatuses.map(({ status }) => [status, o.backlog[status]])),
    response: percent(o.response.attainment),
    resolution: percent(o.resolution.attainment),
  }));
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={12}>
        <BarFigure
          title={t(m.backlogChart)}
          description={t(m.backlogChartDesc)}
          testId="backlog-chart"
          data={data}
          yAxis={<YAxis allowDecimals={false} tick={axisTick} width={40} />}
          tooltip={<Tooltip />}
        >
          {backlogStatuses.map(({ status, color }) => (
            <Bar
              key={status}
              dataKey={status}
              name={t(labelFor(statusLabels, status))}
              stackId="backlog"
              fill={color}
              isAnimationActive={false}
            />
          ))}
        </BarFigure>
      </Col>
      <Col xs={24} xl={12}>
        <BarFigure
          title={t(m.attainmentChart)}
          description={t(m.attainmentChartDesc)}
          testId="attainment-chart"
          data={data}
          yAxis={
            <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} tick={axisTick} width={48} />
          }
          tooltip={<Tooltip formatter={(v) => (typeof v === 'number' ? `${v}%` : '—')} />}
        >
          <Bar dataKey="response" name={t(m.responseAttainment)} fill="#0958d9" isAnimationActive={false} />
          <Bar
            dataKey="resolution"
            name={t(m.resolutionAttainment)}
            fill="#389e0d"
            isAnimationActive={false}
          />
        </BarFigure>
      </Col>
    </Row>
  );
}

/**
 * One bar chart of the outlets as a figure: the grid, the outlets along the bottom, the legend in the text
 * colour; the value axis, the tooltip and the bars are the chart's own (kept direct children of the chart).
 */
function BarFigure(props: {
  title: string;
  description: string;
  testId: string;
  data: Record<string, unknown>[];
  yAxis: ReactNode;
  tooltip: ReactNode;
  children: ReactNode;
}) {
  return (
    <Figure title={props.title} description={props.description} testId={props.testId}>
      <BarChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        data={props.data}
        title={props.title}
        desc={props.description}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="outlet" tick={axisTick} />
        {props.yAxis}
        {props.tooltip}
        <Legend formatter={legendText} itemSorter={null} />
        {props.children}
      </BarChart>
    </Figure>
  );
}

/** A chart as a figure: its caption names it, its description says how to read it (for screen readers too). */
function Figure(props: { title: string; description: string; testId: string; children: ReactNode }) {
  const id = useId();
  return (
    <figure
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      data-testid={props.testId}
      style={{ margin: 0 }}
    >
      <figcaption id={`${id}-title`} style={{ fontWeight: 600, marginBottom: 4 }}>
        {props.title}
      </figcaption>
      <p id={`${id}-desc`} style={{ margin: '0 0 8px', color: 'rgba(0, 0, 0, 0.65)', fontSize: 12 }}>
        {props.description}
      </p>
      {props.children}
    </figure>
  );
}
