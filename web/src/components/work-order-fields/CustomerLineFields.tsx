import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Form, Input, Row, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, unwrap } from '../../api-client/client';
import type { paths } from '../../api-client/schema';
import { hasPermission, useSession } from '../../app/session';
import { useLanguage } from '../../i18n/language';
import { ErrorText } from '../PageState';
import { customerFieldMessages as m } from './messages';

type Line = paths['/api/v1/lines/{msisdn}']['get']['responses'][200]['content']['application/json'];

const MSISDN = /^1\d{10}$/;
const required = [{ required: true, whitespace: true }];

/**
 * The customer of a work order, number first (WO-1, GC-1): an operator who may read lines (permission
 * `orders`) sees who the number belongs to — owner, product, state — as soon as 11 digits are typed, and the
 * owner's name (masked by the API) is filled in; anyone else types the name. Fields: `customer.msisdn`,
 * `customer.name`, `customer.address`.
 */
export function CustomerLineFields(props: { addressRequired?: boolean }) {
  const { t } = useLanguage();
  const form = Form.useFormInstance();
  const session = useSession();
  const mayLookUp = hasPermission(session, 'orders');
  const typed = (Form.useWatch(['customer', 'msisdn'], form) as string | undefined)?.trim() ?? '';
  const msisdn = MSISDN.test(typed) ? typed : null;
  const line = useQuery({
    queryKey: ['line', msisdn],
    queryFn: () => unwrap(api.GET('/api/v1/lines/{msisdn}', { params: { path: { msisdn: msisdn ?? '' } } })),
    enabled: mayLookUp && msisdn !== null,
    retry: false,
  });
  const owner = msisdn !== null ? line.data?.owner?.name : undefined;

  // The owner's name goes into an empty name field, or replaces the one the last lookup put there.
  const [filledName, setFilledName] = useState<string | null>(null);
  useEffect(() => {
    if (!owner) return;
    const name = (form.getFieldValue(['customer', 'name']) as string | undefined) ?? '';
    if (name.trim() === '' || name === filledName) {
      form.setFieldValue(['customer', 'name'], owner);
      setFilledName(owner);
    }
  }, [owner, form, filledName]);
  const typedName = Form.useWatch(['customer', 'name'], form) as string | undefined;
  const nameIsFilled = owner !== undefined && filledName === owner && typedName === owner;

  return (
    <Card title={t(m.customerSection)} size="small">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['customer', 'msisdn']}
            label={t(m.msisdn)}
            extra={t(mayLookUp ? m.msisdnHint : m.msisdnHintNoLookup)}
            rules={required}
          >
            <Input inputMode="numeric" maxLength={11} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['customer', 'name']}
            label={t(m.name)}
            extra={nameIsFilled ? t(m.nameFilled) : undefined}
            rules={required}
          >
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      {mayLookUp && msisdn !== null ? <LineFound query={line} /> : null}
      <Form.Item
        name={['customer', 'address']}
        label={t(m.address)}
        rules={props.addressRequired ? required : []}
      >
        <Input maxLength={200} />
      </Form.Item>
    </Card>
  );
}

/** Who the number belongs to, as the line lookup answers; a number with no line is said so. */
function LineFound({ query }: { query: { isFetching: boolean; data?: Line; error: unknown } }) {
  const { t } = useLanguage();
  if (query.isFetching && !query.data)
    return (
      <Spin size="small" tip={t(m.lookingUp)}>
        <div style={{ minHeight: 40 }} />
      </Spin>
    );
  if (query.error) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Alert
        type={notFound ? 'warning' : 'error'}
        showIcon
        style={{ marginBottom: 16 }}
        title={notFound ? t(m.lineNotFound) : <ErrorText error={query.error} />}
      />
    );
  }
  if (!query.data) return null;
  const line = query.data;
  return (
    <Descriptions
      data-testid="customer-line"
      size="small"
      bordered
      column={{ xs: 1, md: 3 }}
      title={t(m.lineFound)}
      style={{ marginBottom: 16 }}
      items={[
        {
          key: 'owner',
          label: t(m.lineOwner),
          children: line.owner
            ? `${line.owner.name} · ${t(line.owner.kind === 'enterprise' ? m.enterprise : m.individual)}`
            : t(m.noOwner),
        },
        {
          key: 'product',
          label: t(m.product),
          children: line.product.name ? `${line.product.name} (${line.product.code})` : line.product.code,
        },
        {
          key: 'state',
          label: t(m.lineState),
          children: <Tag data-testid="customer-line-state">{t(line.statusLabel)}</Tag>,
        },
      ]}
    />
  );
}
