import { defineMessages, type Bilingual } from '../../i18n/messages';

/** The service staff's texts: my work orders, the grab pool and the steps on a work order (WO-4, WO-5, UI-1). */
export const staffMessages = defineMessages({
  // My work orders
  myTitle: { zh: '我的工单', en: 'My work orders' },
  myIntro: {
    zh: '派给您的工单：在办的按服务时限排序，已超时的在前，其次是最快到期的。',
    en: 'The work orders you hold: open ones by service level, the late first, then the soonest due.',
  },
  show: { zh: '显示', en: 'Show' },
  showOpen: { zh: '在办（已派工、服务中）', en: 'Open (dispatched, in service)' },
  showDone: { zh: '已办结（已完成、已关闭）', en: 'Done (completed, closed)' },
  myEmptyOpen: { zh: '您手上没有在办的工单', en: 'You hold no open work orders' },
  myEmptyDone: { zh: '您还没有办结的工单', en: 'You have no completed work orders yet' },
  // Grab pool
  poolTitle: { zh: '抢单池', en: 'Grab pool' },
  poolIntro: {
    zh: '已受理、尚未派工的工单，先抢先得；列表每 10 秒自动刷新。',
    en: 'Accepted work orders nobody holds yet: the first to grab one gets it. The list refreshes every 10 seconds.',
  },
  poolEmpty: { zh: '抢单池暂无工单', en: 'No work orders are waiting to be grabbed' },
  refreshedAt: { zh: '刷新于 {time}', en: 'Refreshed at {time}' },
  refresh: { zh: '立即刷新', en: 'Refresh now' },
  grab: { zh: '抢单', en: 'Grab' },
  grabbed: { zh: '抢单成功：工单 {id} 已派给您', en: 'Grabbed: work order {id} is yours' },
  grabLost: {
    zh: '没抢到：工单 {id} 已被 {winner} 抢走。',
    en: 'Too late: work order {id} was grabbed by {winner}.',
  },
  grabLostUnknown: {
    zh: '没抢到：工单 {id} 已被其他服务人员抢走。',
    en: 'Too late: another service staff member grabbed work order {id}.',
  },
  grabLostNext: { zh: '抢单池已刷新。', en: 'The pool has been refreshed.' },
  // Columns
  appointment: { zh: '客户预约', en: 'Appointment' },
  noAppointment: { zh: '未预约', en: 'Not booked' },
  due: { zh: '服务时限', en: 'Due' },
  actions: { zh: '操作', en: 'Actions' },
  close: { zh: '关闭', en: 'Close' },
  // Steps on a work order
  myStepsTitle: { zh: '我的处理', en: 'My steps' },
  grabHint: {
    zh: '此工单在抢单池中，尚无人负责；抢单后由您上门服务。',
    en: 'This work order is in the grab pool and nobody holds it; grab it to do the work.',
  },
  heldBy: {
    zh: '此工单由 {who} 负责，您没有可办理的步骤。',
    en: '{who} holds this work order; there is nothing for you to do on it.',
  },
  otherOutlet: {
    zh: '此工单属于网点 {outlet}，只有该网点的服务人员可以抢单。',
    en: 'This work order is at outlet {outlet}; only its service staff may grab it.',
  },
  waitingForDesk: {
    zh: '此工单尚未受理或派工，您没有可办理的步骤。',
    en: 'This work order has not been accepted or dispatched; there is nothing for you to do on it yet.',
  },
  doneByYou: {
    zh: '服务已完成，等待调度员关闭工单。',
    en: 'Service is completed; the dispatcher closes the work order.',
  },
  bookTitle: { zh: '预约上门时间', en: 'Book the appointment' },
  bookIntro: {
    zh: '与客户约定上门时间；约定后如需更改，须填写原因。',
    en: 'Agree a time with the customer; changing it later needs a reason.',
  },
  changeTitle: { zh: '改约', en: 'Change the appointment' },
  currentAppointment: { zh: '当前预约：{at}', en: 'Booked for {at}' },
  appointmentAt: { zh: '预约时间', en: 'Appointment time' },
  newAppointmentAt: { zh: '新的预约时间', en: 'New appointment time' },
  appointmentNote: { zh: '备注（可选）', en: 'Note (optional)' },
  changeReason: { zh: '改约原因', en: 'Reason for the change' },
  pickTime: { zh: '请选择预约时间', en: 'Choose the appointment time' },
  mustBeFuture: { zh: '预约时间须晚于现在', en: 'The appointment must be in the future' },
  reasonRequired: { zh: '请填写改约原因', en: 'Give the reason for the change' },
  book: { zh: '预约', en: 'Book' },
  change: { zh: '改约', en: 'Change' },
  booked: { zh: '已预约 {at}', en: 'Booked for {at}' },
  changed: { zh: '已改约至 {at}', en: 'Changed to {at}' },
  startTitle: { zh: '开始服务', en: 'Start the service' },
  startIntro: {
    zh: '到达客户处开始服务时点击；开始后不能再改约。',
    en: "Press when you start the work at the customer's; the appointment cannot change after that.",
  },
  start: { zh: '开始服务', en: 'Start service' },
  started: { zh: '已开始服务', en: 'Service started' },
  completeTitle: { zh: '完成服务', en: 'Complete the service' },
  summary: { zh: '处理说明', en: 'What was done' },
  summaryRequired: { zh: '请填写处理说明', en: 'Say what was done' },
  resolvedQuestion: { zh: '问题是否解决', en: 'Was the problem resolved?' },
  yes: { zh: '已解决', en: 'Yes, resolved' },
  no: { zh: '未解决', en: 'No, not resolved' },
  complete: { zh: '完成服务', en: 'Complete' },
  completed: { zh: '服务已完成', en: 'Service completed' },
  historyTitle: { zh: '预约记录', en: 'Appointment history' },
  historyEmpty: { zh: '尚未预约', en: 'No appointment booked yet' },
  changedAt: { zh: '时间', en: 'When' },
  historyAction: { zh: '事项', en: 'What' },
  fromTo: { zh: '原时间 → 新时间', en: 'From → to' },
  by: { zh: '操作人', en: 'By' },
  reasonOrNote: { zh: '原因 / 备注', en: 'Reason / note' },
  cleared: { zh: '已取消（网点变更）', en: 'cleared (outlet changed)' },
});

/** The appointment history's kinds of line (the API's `action`). */
export const appointmentActionLabels: Record<string, Bilingual> = {
  bookAppointment: { zh: '预约', en: 'Booked' },
  changeAppointment: { zh: '改约', en: 'Changed' },
  assignOutlet: { zh: '网点变更', en: 'Outlet changed' },
};
