import { Alert, Button, Card, Descriptions, Form, Space, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, newIdempotencyKey, type FieldError } from '../../api-client/client';
import { ErrorAlert } from '../../components/PageState';
import { useLanguage } from '../../i18n/language';
import { CustomerFields } from './CustomerFields';
import { orderMessages as m, yuan } from './messages';
import { NumberPicker } from './NumberPicker';
import {
  fieldOf,
  formNameOf,
  initialOpenAccountForm,
  openAccountRequestOf,
  visibleFieldPaths,
  type OpenAccountForm,
} from './open-account-form';
import { useOpeningQuote, useSubmitOpening, type OpeningQuote } from './open-account-queries';
import { PaymentFields } from './PaymentFields';
import { ProductFields } from './ProductFields';
import { QuoteTable } from './QuoteTable';

/**
 * Open an account (开户, OPEN-2…OPEN-6): the customer, the number, the product, roaming, payment and an optional
 * service password; then the quote, shown to the customer before anything is submitted (OPEN-4); then the
 * order, under one idempotency key per filled form so a double click or a retry is one order (ORD-3).
 */
export default function OpenAccountPage() {
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const [form] = Form.useForm<OpenAccountForm>();
  const [stage, setStage] = useState<'fill' | 'confirm'>('fill');
  const [quoted, setQuoted] = useState<OpeningQuote | null>(null);
  /** The API's refusals of single fields, kept to show them in whichever language is chosen. */
  const [refusals, setRefusals] = useState<FieldError[]>([]);
  const [otherError, setOtherError] = useState<unknown>(null);
  /** REQ: ORD-3 — made once per filled form, dropped when the form changes. */
  const idempotencyKey = useRef<string | null>(null);
  const submitting = useRef(false);
  const quote = useOpeningQuote();
  const submit = useSubmitOpening();

  /** Everything typed so far, with the defaults for what the form has not shown yet. */
  const values = (): OpenAccountForm => {
    const typed = form.getFieldsValue(true) as Partial<OpenAccountForm>;
    const start = initialOpenAccountForm;
    return {
      ...start,
      ...typed,
      customer: { ...start.customer, ...typed.customer },
      payment: { ...start.payment, ...typed.payment },
    };
  };

  // The refusals beside their fields, in the chosen language (again when the language changes).
  useEffect(() => {
    const shown = visibleFieldPaths(values());
    const byField = new Map<string, string[]>();
    for (const r of refusals)
      if (shown.has(fieldOf(r))) byField.set(fieldOf(r), [...(byField.get(fieldOf(r)) ?? []), r[language]]);
    form.setFields([...byField].map(([field, errors]) => ({ name: formNameOf(field), errors })));
  }, [refusals, language, form]);

  const refused = (error: unknown) => {
    const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
    setRefusals(fieldErrors);
    setOtherError(fieldErrors.length > 0 ? null : error);
    if (fieldErrors.length > 0) setStage('fill');
  };

  const onValuesChange = (changed: Partial<OpenAccountForm>) => {
    idempotencyKey.current = null;
    const changedPaths = new Set(pathsOf(changed));
    const left = refusals.filter((r) => !changedPaths.has(fieldOf(r)));
    if (left.length !== refusals.length) {
      form.setFields(
        refusals
          .filter((r) => changedPaths.has(fieldOf(r)))
          .map((r) => ({ name: formNameOf(fieldOf(r)), errors: [] })),
      );
      setRefusals(left);
    }
  };

  const getQuote = async () => {
    setOtherError(null);
    try {
      await form.validateFields();
    } catch {
      return; // antd shows each field's message.
    }
    quote.mutate(openAccountRequestOf(values(), { withPassword: false }), {
      onSuccess: (answer) => {
        setRefusals([]);
        setQuoted(answer);
        setStage('confirm');
      },
      onError: refused,
    });
  };

  const placeOrder = () => {
    if (submitting.current) return;
    submitting.current = true;
    idempotencyKey.current ??= newIdempotencyKey();
    submit.mutate(
      {
        body: openAccountRequestOf(values(), { withPassword: true }),
        idempotencyKey: idempotencyKey.current,
      },
      {
        onSuccess: (accepted) => {
          form.setFieldValue('servicePassword', undefined);
          void navigate(`/orders/${encodeURIComponent(accepted.id)}`);
        },
        onError: refused,
        onSettled: () => {
          submitting.current = false;
        },
      },
    );
  };

  const shownFields = stage === 'fill' ? visibleFieldPaths(values()) : new Set<string>();
  const unplaced = refusals.filter((r) => !shownFields.has(fieldOf(r)));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t(m.openTitle)}
      </Typography.Title>
      <Steps
        current={stage === 'fill' ? 0 : 1}
        items={[{ title: t(m.stepFill) }, { title: t(m.stepConfirm) }, { title: t(m.stepDone) }]}
      />
      <div hidden={stage !== 'fill'}>
        <Form<OpenAccountForm>
          form={form}
          layout="vertical"
          initialValues={initialOpenAccountForm}
          onValuesChange={onValuesChange}
          onFinish={() => void getQuote()}
          scrollToFirstError
        >
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <CustomerFields />
            <NumberPicker />
            <ProductFields />
            <PaymentFields />
            {unplaced.length > 0 ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={t(m.formHasErrors)}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {unplaced.map((r, i) => (
                      <li key={i}>
                        <code>{r.path}</code> {r[language]}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : null}
            <ErrorAlert error={otherError} />
            <Button type="primary" htmlType="submit" loading={quote.isPending}>
              {t(m.getQuote)}
            </Button>
          </Space>
        </Form>
      </div>
      {stage === 'confirm' && quoted ? (
        <ConfirmQuote
          form={values()}
          quote={quoted}
          submitting={submit.isPending}
          error={otherError}
          onBack={() => {
            setOtherError(null);
            setStage('fill');
          }}
          onSubmit={placeOrder}
        />
      ) : null}
    </Space>
  );
}

/** REQ: OPEN-4 — the charges, line by line and in total, confirmed with the customer before submitting. */
function ConfirmQuote(props: {
  form: OpenAccountForm;
  quote: OpeningQuote;
  submitting: boolean;
  error: unknown;
  onBack: () => void;
  onSubmit: () => void;
}) {
  const { t } = useLanguage();
  const { form, quote } = props;
  const method = form.payment.method;
  return (
    <Card title={t(m.quoteTitle)}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t(m.customer)}>
            <span data-customer-text>{form.customer.name}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.chosenNumber)}>
            {quote.msisdn ?? t(m.numberBySystem)}
          </Descriptions.Item>
          <Descriptions.Item label={t(m.selectionFee)}>{yuan(quote.selectionFeeFen)}</Descriptions.Item>
          <Descriptions.Item label={t(m.product)}>
            <code>{form.productCode}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.internationalRoaming)}>
            {t(form.internationalRoaming ? m.yes : m.no)}
          </Descriptions.Item>
          <Descriptions.Item label={t(m.paymentMethod)}>{t(m[method])}</Descriptions.Item>
          <Descriptions.Item label={t(m.passwordSection)}>
            {t(form.servicePassword ? m.passwordSet : m.passwordNotSet)}
          </Descriptions.Item>
        </Descriptions>
        {form.servicePassword ? null : <Alert type="info" showIcon title={t(m.servicePasswordAdvice)} />}
        <QuoteTable lines={quote.lines} totalFen={quote.totalFen} />
        <ErrorAlert error={props.error} />
        <Space>
          <Button onClick={props.onBack} disabled={props.submitting}>
            {t(m.backToEdit)}
          </Button>
          <Button type="primary" onClick={props.onSubmit} loading={props.submitting}>
            {t(m.submitOrder)}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

/** The dotted paths of the values in a (nested) change, e.g. `{customer: {idNumber}}` → `customer.idNumber`. */
function pathsOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => pathsOf(v, prefix ? `${prefix}.${k}` : k));
}
