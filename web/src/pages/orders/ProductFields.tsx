import { Card, Form, Input, Select, Switch } from 'antd';
import { ErrorAlert } from '../../components/PageState';
import { useLanguage } from '../../i18n/language';
import { orderMessages as m, yuan } from './messages';
import { useProducts } from './open-account-queries';

/**
 * REQ: OPEN-4, OPEN-6 — the product from the catalogue, international roaming, and the optional six-digit
 * service password (typed into the form only; it is sent with the order and nowhere else).
 */
export function ProductFields() {
  const { t } = useLanguage();
  const products = useProducts();
  return (
    <Card title={t(m.productSection)} size="small">
      <ErrorAlert error={products.error} />
      <Form.Item name="productCode" label={t(m.product)} rules={[{ required: true }]}>
        <Select
          loading={products.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(products.data?.items ?? []).map((p) => ({
            value: p.code,
            label: `${p.code} · ${p.name} · ${t(m.monthlyFee)} ${yuan(p.monthlyFeeFen)}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="internationalRoaming" label={t(m.internationalRoaming)} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item
        name="servicePassword"
        label={t(m.servicePassword)}
        rules={[{ pattern: /^\d{6}$/, message: t(m.servicePasswordRule) }]}
      >
        <Input.Password
          maxLength={6}
          inputMode="numeric"
          autoComplete="new-password"
          style={{ maxWidth: 200 }}
        />
      </Form.Item>
    </Card>
  );
}
