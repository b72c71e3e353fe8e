import { useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../api-client/client';
import { ErrorAlert } from '../../components/PageState';
import { useLanguage } from '../../i18n/language';
import { fill } from '../../i18n/fill';
import { labelFor } from '../../i18n/messages';
import { useWorkOrderStep, type WorkOrderView } from '../work-orders/work-order-queries';
import { minuteTime } from '../work-orders/list/cells';
import { appointmentActionLabels, staffMessages as m } from './messages';
import { StepErrors } from './StepErrors';

const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

/** A day before today cannot be chosen; a time earlier today is refused beside the field. */
const beforeToday = (day: Dayjs) => day.isBefore(dayjs().startOf('day'));

/** The appointment picker's rules: required, and later than now (WO-5; the API checks again). */
function useTimeRules() {
  const { t } = useLanguage();
  return [
    { required: true, message: t(m.pickTime) },
    {
      validator: (_: unknown, value: Dayjs | null | undefined) =>
        !value || value.isAfter(dayjs()) ? Promise.resolve() : Promise.reject(new Error(t(m.mustBeFuture))),
    },
  ];
}

function TimePicker(props: { id?: string; value?: Dayjs | null; onChange?: (v: Dayjs | null) => void }) {
  return (
    <DatePicker
      {...props}
      showTime={{ format: 'HH:mm', minuteStep: 5 }}
      format={PICKER_FORMAT}
      disabledDate={beforeToday}
      style={{ minWidth: 220 }}
    />
  );
}

/** REQ: WO-5 — the assignee books the service time with the customer (in the future), with an optional note. */
export function BookAppointmentForm({ workOrder }: { workOrder: WorkOrderView }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ at: Dayjs; note?: string }>();
  const step = useWorkOrderStep(workOrder.id);
  const rules = useTimeRules();
  return (
    <Form
      form={form}
      name="book-appointment"
      layout="vertical"
      aria-label={t(m.bookTitle)}
      onFinish={({ at, note }) => {
        step.mutate(
          {
            action: 'bookAppointment',
            at: at.toISOString(),
            ...(note?.trim() ? { note: note.trim() } : {}),
          },
          {
            onSuccess: (wo) =>
              void message.success(fill(t(m.booked), { at: minuteTime(wo.appointment?.at) })),
          },
        );
      }}
    >
      <Typography.Title level={4}>{t(m.bookTitle)}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(m.bookIntro)}</Typography.Paragraph>
      <Form.Item name="at" label={t(m.appointmentAt)} rules={rules}>
        <TimePicker />
      </Form.Item>
      <Form.Item name="note" label={t(m.appointmentNote)}>
        <Input maxLength={200} />
      </Form.Item>
      <StepErrors form={form} error={step.error} fields={['at', 'note']} />
      <Button type="primary" htmlType="submit" loading={step.isPending} style={{ marginTop: 8 }}>
        {t(m.book)}
      </Button>
    </Form>
  );
}

/** REQ: WO-5 — the assignee moves the booked time, saying why; the change is kept in the history. */
export function ChangeAppointmentForm({ workOrder }: { workOrder: WorkOrderView }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ at: Dayjs; reason: string }>();
  const step = useWorkOrderStep(workOrder.id);
  const rules = useTimeRules();
  return (
    <Form
      form={form}
      name="change-appointment"
      layout="vertical"
      aria-label={t(m.changeTitle)}
      onFinish={({ at, reason }) => {
        step.mutate(
          { action: 'changeAppointment', at: at.toISOString(), reason: reason.trim() },
          {
            onSuccess: (wo) => {
              form.resetFields();
              void message.success(fill(t(m.changed), { at: minuteTime(wo.appointment?.at) }));
            },
          },
        );
      }}
    >
      <Typography.Title level={4}>{t(m.changeTitle)}</Typography.Title>
      <Typography.Paragraph data-testid="current-appointment">
        {fill(t(m.currentAppointment), { at: minuteTime(workOrder.appointment?.at) })}
        {workOrder.appointment?.note ? ` · ${workOrder.appointment.note}` : ''}
      </Typography.Paragraph>
      <Form.Item name="at" label={t(m.newAppointmentAt)} rules={rules}>
        <TimePicker />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t(m.changeReason)}
        rules={[{ required: true, whitespace: true, message: t(m.reasonRequired) }]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <StepErrors form={form} error={step.error} fields={['at', 'reason']} />
      <Button type="primary" htmlType="submit" loading={step.isPending} style={{ marginTop: 8 }}>
        {t(m.change)}
      </Button>
    </Form>
  );
}

type HistoryLine = Awaited<ReturnType<typeof fetchHistory>>['history'][number];

function fetchHistory(id: string) {
  return unwrap(api.GET('/api/v1/work-orders/{id}/appointments', { params: { path: { id } } }));
}

/**
 * REQ: WO-5 — every booking and change of the appointment, oldest first: when, what, from → to, who and why.
 * Read again whenever the work order's timeline grows.
 */
export function AppointmentHistory({ workOrder }: { workOrder: WorkOrderView }) {
  const { t } = useLanguage();
  const history = useQuery({
    queryKey: ['work-order', workOrder.id, 'appointments', workOrder.timeline.length],
    queryFn: () => fetchHistory(workOrder.id),
  });
  const columns: ColumnsType<HistoryLine> = [
    { title: t(m.changedAt), dataIndex: 'changedAt', render: (iso: string) => minuteTime(iso) },
    {
      title: t(m.historyAction),
      dataIndex: 'action',
      render: (a: string) => t(labelFor(appointmentActionLabels, a)),
    },
    {
      title: t(m.fromTo),
      key: 'fromTo',
      render: (_: unknown, line) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {line.from ? `${minuteTime(line.from)} → ` : ''}
          {line.to ? minuteTime(line.to) : t(m.cleared)}
        </span>
      ),
    },
    { title: t(m.by), dataIndex: 'by', render: (by: string) => <code>{by}</code> },
    // The reason and note are staff's own words: never translated.
    { title: t(m.reasonOrNote), key: 'why', render: (_: unknown, line) => line.reason ?? line.note ?? '—' },
  ];
  return (
    <div>
      <Typography.Title level={4}>{t(m.historyTitle)}</Typography.Title>
      <ErrorAlert error={history.error} />
      <Table<HistoryLine>
        data-testid="appointment-history"
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={history.data?.history ?? []}
        loading={history.isPending}
        pagination={false}
        locale={{ emptyText: t(m.historyEmpty) }}
      />
    </div>
  );
}
