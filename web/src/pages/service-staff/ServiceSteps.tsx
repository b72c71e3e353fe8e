import { App, Button, Form, Input, Radio, Typography } from 'antd';
import { ErrorAlert } from '../../components/PageState';
import { useLanguage } from '../../i18n/language';
import { useWorkOrderStep, type WorkOrderView } from '../work-orders/work-order-queries';
import { GrabLostAlert } from './GrabLostAlert';
import { useGrab } from './grab';
import { fill } from '../../i18n/fill';
import { staffMessages as m } from './messages';
import { StepErrors } from './StepErrors';

/**
 * REQ: WO-4 — grabs this work order from the pool; someone else's earlier grab is said plainly, with who got it
 * (the page then shows them as the assignee by itself).
 */
export function GrabStep({ workOrder }: { workOrder: WorkOrderView }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const grab = useGrab();
  const lost = grab.data?.outcome === 'lost' ? grab.data : null;
  return (
    <div>
      <Typography.Paragraph>{t(m.grabHint)}</Typography.Paragraph>
      {lost ? <GrabLostAlert lost={lost} style={{ marginBottom: 12 }} /> : null}
      <ErrorAlert error={grab.error} />
      <Button
        type="primary"
        loading={grab.isPending}
        style={{ marginTop: 8 }}
        onClick={() =>
          grab.mutate(workOrder.id, {
            onSuccess: (result) => {
              if (result.outcome === 'won') void message.success(fill(t(m.grabbed), { id: workOrder.id }));
            },
          })
        }
      >
        {t(m.grab)}
      </Button>
    </div>
  );
}

/** REQ: WO-5 — the assignee starts the service at the customer's (dispatched → in service). */
export function StartStep({ workOrder }: { workOrder: WorkOrderView }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const step = useWorkOrderStep(workOrder.id);
  return (
    <div>
      <Typography.Title level={4}>{t(m.startTitle)}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(m.startIntro)}</Typography.Paragraph>
      <ErrorAlert error={step.error} />
      <Button
        type="primary"
        loading={step.isPending}
        style={{ marginTop: 8 }}
        onClick={() =>
          step.mutate({ action: 'start' }, { onSuccess: () => void message.success(t(m.started)) })
        }
      >
        {t(m.start)}
      </Button>
    </div>
  );
}

/** REQ: WO-5 — the assignee completes the service: what was done, and whether the problem was resolved. */
export function CompleteForm({ workOrder }: { workOrder: WorkOrderView }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ summary: string; resolved: boolean }>();
  const step = useWorkOrderStep(workOrder.id);
  return (
    <Form
      form={form}
      name="complete-service"
      layout="vertical"
      aria-label={t(m.completeTitle)}
      initialValues={{ resolved: true }}
      onFinish={({ summary, resolved }) =>
        step.mutate(
          { action: 'complete', summary: summary.trim(), resolved },
          { onSuccess: () => void message.success(t(m.completed)) },
        )
      }
    >
      <Typography.Title level={4}>{t(m.completeTitle)}</Typography.Title>
      <Form.Item
        name="summary"
        label={t(m.summary)}
        rules={[{ required: true, whitespace: true, message: t(m.summaryRequired) }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="resolved" label={t(m.resolvedQuestion)}>
        <Radio.Group
          aria-label={t(m.resolvedQuestion)}
          options={[
            { value: true, label: t(m.yes) },
            { value: false, label: t(m.no) },
          ]}
        />
      </Form.Item>
      <StepErrors form={form} error={step.error} fields={['summary', 'resolved']} />
      <Button type="primary" htmlType="submit" loading={step.isPending} style={{ marginTop: 8 }}>
        {t(m.complete)}
      </Button>
    </Form>
  );
}
