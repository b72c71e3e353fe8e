import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormErrors } from '../../../components/FormErrors';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { labelFor } from '../../../i18n/messages';
import { numberStateLabels } from '../labels';
import { numberMessages as m } from './messages';
import {
  useCancelReservation,
  useChangeFee,
  useReserveNumber,
  useSetNumberState,
  type NumberTarget,
  type NumberView,
} from './number-queries';
import { refusedFields } from '../../../components/fieldPath';

const narrow = { maxWidth: 360 };

/** REQ: RES-3 — a state change by hand: only the targets the API allows from the state now, with a reason. */
export function StateChangeForm({ number }: { number: NumberView }) {
  const { t } = useLanguage();
  const [form] = Form.useForm<{ to: NumberTarget; reason: string }>();
  const change = useSetNumberState(number.msisdn);
  const targets = number.allowedTargets as NumberTarget[];
  if (targets.length === 0) return <Typography.Text type="secondary">{t(m.noTargets)}</Typography.Text>;
  return (
    <Form
      form={form}
      layout="vertical"
      style={narrow}
      onFinish={(v) =>
        change.mutate({ to: v.to, reason: v.reason.trim() }, { onSuccess: () => form.resetFields() })
      }
    >
      <Form.Item
        name="to"
        label={t(m.to)}
        htmlFor="state-to"
        rules={[{ required: true, message: t(m.toRequired) }]}
      >
        <Select
          id="state-to"
          options={targets.map((s) => ({ value: s, label: t(labelFor(numberStateLabels, s)) }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t(m.reason)}
        htmlFor="state-reason"
        rules={[{ required: true, whitespace: true, message: t(m.reasonRequired) }]}
      >
        <Input id="state-reason" maxLength={200} />
      </Form.Item>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <FormErrors form={form} error={change.error} fieldsOf={(e) => refusedFields(e, { ruleInZh: true })} />
        {change.isSuccess ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={fill(t(m.changed), { state: t(change.data.statusLabel) })}
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t(m.change)}
        </Button>
      </Space>
    </Form>
  );
}

/** REQ: RES-3 — reserve (预定) an unused number for a customer, or cancel the reservation of a reserved one. */
export function ReservationForm({ number }: { number: NumberView }) {
  const { t } = useLanguage();
  const [form] = Form.useForm<{ customerName: string; until: Dayjs }>();
  const reserve = useReserveNumber(number.msisdn);
  const cancel = useCancelReservation(number.msisdn);
  if (number.status === 'reserved') {
    return (
      <Space orientation="vertical">
        {number.reservation ? (
          <Typography.Text>
            {fill(t(m.reservedFor), {
              customer: number.reservation.customerName,
              until: dayjs(number.reservation.until).format('YYYY-MM-DD HH:mm'),
            })}
          </Typography.Text>
        ) : null}
        <FormErrors form={form} error={cancel.error} fieldsOf={(e) => refusedFields(e, { ruleInZh: true })} />
        <Button danger loading={cancel.isPending} onClick={() => cancel.mutate(undefined)}>
          {t(m.cancelReservation)}
        </Button>
      </Space>
    );
  }
  if (number.status !== 'unused')
    return <Typography.Text type="secondary">{t(m.reserveOnlyUnused)}</Typography.Text>;
  return (
    <Form
      form={form}
      layout="vertical"
      style={narrow}
      initialValues={{ until: dayjs().add(2, 'day').startOf('hour') }}
      onFinish={(v) =>
        reserve.mutate(
          { customerName: v.customerName.trim(), until: v.until.toISOString() },
          { onSuccess: () => form.resetFields() },
        )
      }
    >
      <Form.Item
        name="customerName"
        label={t(m.customerName)}
        htmlFor="reserve-customer"
        rules={[{ required: true, whitespace: true, message: t(m.customerRequired) }]}
      >
        <Input id="reserve-customer" maxLength={60} />
      </Form.Item>
      <Form.Item
        name="until"
        label={t(m.until)}
        htmlFor="reserve-until"
        rules={[{ required: true, message: t(m.untilRequired) }]}
      >
        <DatePicker
          id="reserve-until"
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          disabledDate={(d) => d.isBefore(dayjs(), 'day')}
        />
      </Form.Item>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <FormErrors
          form={form}
          error={reserve.error}
          fieldsOf={(e) => refusedFields(e, { ruleInZh: true })}
        />
        <Button type="primary" htmlType="submit" loading={reserve.isPending}>
          {t(m.reserveButton)}
        </Button>
      </Space>
    </Form>
  );
}

/** REQ: RES-4 — the selection fee changed by hand, in yuan on screen and fen to the API, with the reason. */
export function FeeChangeForm({ number }: { number: NumberView }) {
  const { t } = useLanguage();
  const [form] = Form.useForm<{ feeYuan: number; reason: string }>();
  const change = useChangeFee(number.msisdn);
  return (
    <Form
      form={form}
      layout="vertical"
      style={narrow}
      onFinish={(v) =>
        change.mutate(
          { feeFen: Math.round(v.feeYuan * 100), reason: v.reason.trim() },
          { onSuccess: () => form.resetFields() },
        )
      }
    >
      <Form.Item
        name="feeYuan"
        label={t(m.newFee)}
        htmlFor="fee-yuan"
        rules={[{ required: true, message: t(m.feeRequired) }]}
      >
        <InputNumber id="fee-yuan" min={0} max={1_000_000} step={1} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t(m.reason)}
        htmlFor="fee-reason"
        rules={[{ required: true, whitespace: true, message: t(m.reasonRequired) }]}
      >
        <Input id="fee-reason" maxLength={200} />
      </Form.Item>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <FormErrors
          form={form}
          error={change.error}
          fieldsOf={(e) => refusedFields(e, { ruleInZh: true })}
          nameOf={(p) => (p[0] === 'feeFen' ? ['feeYuan'] : p)}
        />
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t(m.changeFee)}
        </Button>
      </Space>
    </Form>
  );
}
