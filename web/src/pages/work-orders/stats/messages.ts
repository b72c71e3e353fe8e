import { defineMessages } from '../../../i18n/messages';

/** The outlet statistics page's texts (WO-6, RPT-1, UI-1). */
export const outletStatsMessages = defineMessages({
  title: { zh: '网点积压与达标', en: 'Outlet backlog and SLA attainment' },
  intro: {
    zh: '各网点当前未完成的工单（按状态）和已超时的工单，以及所选时间内完成的工单数和响应、解决的及时率。',
    en: 'Each outlet’s open work orders by status and those late now, and for the chosen period how many were completed and the share responded to and resolved in time.',
  },
  window: { zh: '统计时间', en: 'Period' },
  last7: { zh: '近 7 天', en: 'Last 7 days' },
  last30: { zh: '近 30 天', en: 'Last 30 days' },
  dateRange: { zh: '自定义日期', en: 'Dates' },
  shownWindow: { zh: '统计区间：{from} 至 {to}', en: 'Period shown: {from} to {to}' },
  outlet: { zh: '网点', en: 'Outlet' },
  inactive: { zh: '已停用', en: 'Inactive' },
  backlog: { zh: '积压（未完成）', en: 'Backlog (open)' },
  total: { zh: '合计', en: 'Total' },
  lateNow: { zh: '当前超时', en: 'Late now' },
  completed: { zh: '期间完成', en: 'Completed in period' },
  responseAttainment: { zh: '响应及时率', en: 'Response attainment' },
  resolutionAttainment: { zh: '解决及时率', en: 'Resolution attainment' },
  metOf: { zh: '{met}/{measured} 及时', en: '{met} of {measured} in time' },
  notMeasured: { zh: '期间无可统计工单', en: 'Nothing measured in the period' },
  noOutlets: { zh: '没有网点', en: 'No outlets' },
  chartsTitle: { zh: '图表', en: 'Charts' },
  backlogChart: { zh: '各网点积压工单（按状态）', en: 'Open work orders per outlet, by status' },
  backlogChartDesc: {
    zh: '堆叠柱状图：每个网点一根柱，按已受理、已分配网点、已派工、服务中分段；数字见下表。',
    en: 'Stacked bars: one bar per outlet, split into accepted, outlet assigned, dispatched and in service; the table below has the figures.',
  },
  attainmentChart: {
    zh: '各网点响应与解决及时率（%）',
    en: 'Response and resolution attainment per outlet (%)',
  },
  attainmentChartDesc: {
    zh: '分组柱状图：每个网点的响应及时率和解决及时率，0–100%；期间无可统计工单的网点没有柱；数字见下表。',
    en: 'Grouped bars: each outlet’s response and resolution attainment, 0–100%; an outlet with nothing measured in the period has no bar; the table below has the figures.',
  },
  tableTitle: { zh: '各网点明细', en: 'Figures per outlet' },
  workOrders: { zh: '工单数', en: 'Work orders' },
});
