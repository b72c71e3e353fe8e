import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Bilingual } from '../i18n/messages';

/**
 * Every screen of the console: its path, the menu entry (if any) and the API permission that shows it. The
 * permission names are the API's own access rules (domain/access.ts `permissionCatalogue`), so the menu shows
 * each role only what the API lets it do (UI-1). Screens load lazily: the first page ships only the shell.
 */
export interface ScreenRoute {
  path: string;
  screen: LazyExoticComponent<ComponentType>;
  /** Permission any of which shows the screen; none = every signed-in operator. */
  permissions?: string[];
  /**
   * Roles that also show it without those permissions: where the API lets more roles read than the screen is
   * meant for (every desk may read the work-order list; the screen is the dispatchers' and service staff's).
   */
  roles?: string[];
  /** The browser's title for the screen (default: its menu label). */
  title?: Bilingual;
  menu?: { key: string; label: Bilingual; group?: Bilingual };
}

const orderDesk: Bilingual = { zh: '营业受理', en: 'Order desk' };
const workOrders: Bilingual = { zh: '工单中心', en: 'Work orders' };
const fieldService: Bilingual = { zh: '现场服务', en: 'Field service' };
const groupBusiness: Bilingual = { zh: '集团业务', en: 'Group business' };
const resources: Bilingual = { zh: '资源管理', en: 'Resources' };
const administration: Bilingual = { zh: '系统管理', en: 'Administration' };

export const screenRoutes: ScreenRoute[] = [
  {
    path: '/orders/new/open-account',
    screen: lazy(() => import('../pages/orders/OpenAccountPage')),
    permissions: ['orders'],
    menu: { key: 'open-account', label: { zh: '开户', en: 'Open an account' }, group: orderDesk },
  },
  {
    path: '/lines',
    screen: lazy(() => import('../pages/lines/LineLookupPage')),
    permissions: ['orders', 'preCancellation'],
    menu: { key: 'lines', label: { zh: '号码业务', en: 'Line services' }, group: orderDesk },
  },
  {
    path: '/lines/:msisdn',
    screen: lazy(() => import('../pages/lines/LinePage')),
    permissions: ['orders', 'preCancellation'],
    title: { zh: '号码详情', en: 'Line' },
  },
  {
    path: '/port-in',
    screen: lazy(() => import('../pages/port-in/PortInPage')),
    permissions: ['orders'],
    menu: { key: 'port-in', label: { zh: '携号转入', en: 'Port in' }, group: orderDesk },
  },
  {
    path: '/orders',
    screen: lazy(() => import('../pages/orders/OrdersPage')),
    permissions: ['orders'],
    menu: { key: 'orders', label: { zh: '订单查询', en: 'Orders' }, group: orderDesk },
  },
  {
    path: '/orders/:id',
    screen: lazy(() => import('../pages/orders/OrderPage')),
    permissions: ['orders'],
    title: { zh: '订单详情', en: 'Order' },
  },
  {
    path: '/work-orders',
    screen: lazy(() => import('../pages/work-orders/WorkOrdersPage')),
    permissions: ['workOrders.dispatch'],
    menu: { key: 'work-orders', label: { zh: '调度台', en: 'Dispatch board' }, group: workOrders },
  },
  {
    path: '/work-orders/new',
    screen: lazy(() => import('../pages/work-orders/new/CreateWorkOrderPage')),
    permissions: ['workOrders.create'],
    menu: { key: 'work-order-new', label: { zh: '新建工单', en: 'New work order' }, group: workOrders },
  },
  {
    path: '/green-channel/new',
    screen: lazy(() => import('../pages/green-channel/GreenChannelPage')),
    permissions: ['greenChannel'],
    menu: { key: 'green-channel', label: { zh: '绿色通道', en: 'Green channel' }, group: workOrders },
  },
  {
    path: '/work-orders/stats',
    screen: lazy(() => import('../pages/work-orders/stats/OutletStatsPage')),
    permissions: ['workOrders.dispatch'],
    menu: {
      key: 'outlet-stats',
      label: { zh: '网点积压与达标', en: 'Outlet backlog and SLA' },
      group: workOrders,
    },
  },
  {
    path: '/notifications',
    screen: lazy(() => import('../pages/notifications/NotificationsPage')),
    permissions: ['workOrders.dispatch'],
    menu: { key: 'notifications', label: { zh: '通知', en: 'Notices' }, group: workOrders },
  },
  {
    path: '/work-orders/:id',
    screen: lazy(() => import('../pages/work-orders/detail/WorkOrderPage')),
    permissions: ['workOrders.work'],
    title: { zh: '工单详情', en: 'Work order' },
  },
  {
    path: '/my-work-orders',
    screen: lazy(() => import('../pages/service-staff/MyWorkOrdersPage')),
    // UI-1: only service staff do the work; the desk follows it on the board.
    permissions: [],
    roles: ['serviceStaff'],
    menu: { key: 'my-work-orders', label: { zh: '我的工单', en: 'My work orders' }, group: fieldService },
  },
  {
    path: '/grab-pool',
    screen: lazy(() => import('../pages/service-staff/GrabPoolPage')),
    permissions: [],
    roles: ['serviceStaff'],
    menu: { key: 'grab-pool', label: { zh: '抢单池', en: 'Grab pool' }, group: fieldService },
  },
  {
    path: '/groups',
    screen: lazy(() => import('../pages/groups/GroupsPage')),
    permissions: ['groups'],
    menu: { key: 'groups', label: { zh: '集团客户', en: 'Group customers' }, group: groupBusiness },
  },
  {
    path: '/groups/:groupCode',
    screen: lazy(() => import('../pages/groups/GroupPage')),
    permissions: ['groups'],
    title: { zh: '集团客户', en: 'Group customer' },
  },
  {
    path: '/groups/:groupCode/products/:productCode/order',
    screen: lazy(() => import('../pages/groups/order/GroupProductOrderPage')),
    permissions: ['groups'],
    title: { zh: '集团产品受理', en: 'Group product order' },
  },
  {
    path: '/groups/:groupCode/products/:productCode/members',
    screen: lazy(() => import('../pages/groups/members/MembersPage')),
    permissions: ['groups'],
    title: { zh: '成员管理', en: 'Members' },
  },
  {
    path: '/member-batches/:id',
    screen: lazy(() => import('../pages/groups/members/MemberBatchPage')),
    permissions: ['groups'],
    title: { zh: '成员批量导入', en: 'Member batch' },
  },
  {
    path: '/approvals',
    screen: lazy(() => import('../pages/groups/approvals/ApprovalsPage')),
    permissions: ['approvals'],
    menu: { key: 'approvals', label: { zh: '资费审核', en: 'Approvals' }, group: groupBusiness },
  },
  {
    path: '/admin/stock-in',
    screen: lazy(() => import('../pages/resources/stock-in/StockBatchesPage')),
    permissions: ['admin'],
    menu: { key: 'stock-in', label: { zh: '号卡入库', en: 'Stock in' }, group: resources },
  },
  {
    path: '/admin/stock-in/:id',
    screen: lazy(() => import('../pages/resources/stock-in/StockBatchPage')),
    permissions: ['admin'],
    title: { zh: '入库批次', en: 'Stock-in batch' },
  },
  {
    path: '/admin/numbers',
    screen: lazy(() => import('../pages/resources/numbers/NumbersPage')),
    permissions: ['admin'],
    menu: { key: 'numbers', label: { zh: '号码查询', en: 'Numbers' }, group: resources },
  },
  {
    path: '/admin/numbers/:msisdn',
    screen: lazy(() => import('../pages/resources/numbers/NumberPage')),
    permissions: ['admin'],
    title: { zh: '号码详情', en: 'Number' },
  },
  {
    path: '/admin/sims',
    screen: lazy(() => import('../pages/resources/sims/SimsPage')),
    permissions: ['admin'],
    menu: { key: 'sims', label: { zh: 'SIM 卡查询', en: 'SIM cards' }, group: resources },
  },
  {
    path: '/admin/sims/:iccid',
    screen: lazy(() => import('../pages/resources/sims/SimPage')),
    permissions: ['admin'],
    title: { zh: 'SIM 卡详情', en: 'SIM card' },
  },
  {
    path: '/admin/resource-movements',
    screen: lazy(() => import('../pages/resources/movements/MovementsPage')),
    permissions: ['admin'],
    menu: { key: 'movements', label: { zh: '号卡发放与回收', en: 'Issue and recycle' }, group: resources },
  },
  {
    path: '/admin/selection-fee-rules',
    screen: lazy(() => import('../pages/resources/fee-rules/SelectionFeeRulesPage')),
    permissions: ['admin'],
    menu: { key: 'fee-rules', label: { zh: '选号费规则', en: 'Selection fees' }, group: resources },
  },
  {
    path: '/admin/operators',
    screen: lazy(() => import('../pages/admin/OperatorsPage')),
    permissions: ['admin'],
    menu: { key: 'operators', label: { zh: '操作员', en: 'Operators' }, group: administration },
  },
  {
    path: '/admin/operators/:id',
    screen: lazy(() => import('../pages/admin/operators/OperatorPage')),
    permissions: ['admin'],
    title: { zh: '操作员', en: 'Operator' },
  },
  {
    path: '/admin/channels',
    screen: lazy(() => import('../pages/admin/channels/ChannelsPage')),
    permissions: ['admin'],
    menu: { key: 'channels', label: { zh: '渠道', en: 'Channels' }, group: administration },
  },
  {
    path: '/admin/dispatch-rules',
    screen: lazy(() => import('../pages/admin/dispatch-rules/DispatchRulesPage')),
    permissions: ['admin'],
    menu: { key: 'dispatch-rules', label: { zh: '派工规则', en: 'Dispatch rules' }, group: administration },
  },
  {
    path: '/admin/customer-categories',
    screen: lazy(() => import('../pages/admin/customer-categories/CustomerCategoriesPage')),
    permissions: ['admin'],
    menu: {
      key: 'customer-categories',
      label: { zh: '客户类别', en: 'Customer categories' },
      group: administration,
    },
  },
  {
    path: '/admin/partner-blacklist',
    screen: lazy(() => import('../pages/admin/partner-blacklist/PartnerBlacklistPage')),
    permissions: ['admin'],
    menu: {
      key: 'partner-blacklist',
      label: { zh: '合作方黑名单', en: 'Partner blacklist' },
      group: administration,
    },
  },
  {
    path: '/admin/locks',
    screen: lazy(() => import('../pages/admin/locks/LocksPage')),
    permissions: ['admin'],
    menu: { key: 'locks', label: { zh: '占用释放', en: 'Locks' }, group: administration },
  },
  {
    path: '/admin/audit',
    screen: lazy(() => import('../pages/admin/audit/AuditPage')),
    permissions: ['admin'],
    menu: { key: 'audit', label: { zh: '审计日志', en: 'Audit log' }, group: administration },
  },
];

export function mayOpen(
  route: ScreenRoute,
  permissions: readonly string[],
  roles: readonly string[] = [],
): boolean {
  if (!route.permissions) return true;
  return (
    route.permissions.some((p) => permissions.includes(p)) ||
    (route.roles ?? []).some((r) => roles.includes(r))
  );
}
