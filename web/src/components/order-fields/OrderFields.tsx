import { Checkbox, Form, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { useLanguage } from '../../i18n/language';
import type { Bilingual } from '../../i18n/messages';
import { fieldMessages as m, idTypeLabels, paymentMethodLabels } from './messages';

/**
 * Field groups many order forms share. Each writes the nested shape the API takes (`identity.idNumber`,
 * `payment.method`, `customer.name` …), so a refusal's field path lands beside its field.
 */

type NamePath = (string | number)[];

export function optionsOf(labels: Record<string, Bilingual>, t: (b: Bilingual) => string) {
  return Object.entries(labels).map(([value, label]) => ({ value, label: t(label) }));
}

/** ID type and number of a document shown (the holder's, by default); `originalShown` for PC-3. */
export function IdentityFields(props: {
  name: NamePath;
  required?: boolean;
  withOriginalShown?: boolean;
  title?: ReactNode;
}) {
  const { t } = useLanguage();
  const required = props.required ?? true;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 14, marginBottom: 8 }}>{props.title ?? t(m.identityTitle)}</legend>
      <Form.Item
        name={[...props.name, 'idType']}
        label={t(m.idType)}
        rules={[{ required }]}
        initialValue={required ? 'idCard' : undefined}
      >
        <Select options={optionsOf(idTypeLabels, t)} allowClear={!required} />
      </Form.Item>
      <Form.Item name={[...props.name, 'idNumber']} label={t(m.idNumber)} rules={[{ required }]}>
        <Input autoComplete="off" />
      </Form.Item>
      {props.withOriginalShown ? (
        <Form.Item
          name={[...props.name, 'originalShown']}
          valuePropName="checked"
          initialValue={true}
          label={t(m.originalShown)}
        >
          <Checkbox />
        </Form.Item>
      ) : null}
    </fieldset>
  );
}

/** How the customer pays: cash, a bank card with its holder's ID number, or a corporate account (OPEN-5). */
export function PaymentFields({ name = ['payment'] }: { name?: NamePath }) {
  const { t } = useLanguage();
  const method = Form.useWatch<string | undefined>(
    [...name, 'method'] as unknown as string,
    Form.useFormInstance(),
  );
  return (
    <>
      <Form.Item
        name={[...name, 'method']}
        label={t(m.paymentMethod)}
        rules={[{ required: true }]}
        initialValue="cash"
      >
        <Select options={optionsOf(paymentMethodLabels, t)} />
      </Form.Item>
      {method === 'bankCard' ? (
        <>
          <Form.Item name={[...name, 'cardNo']} label={t(m.cardNo)} rules={[{ required: true }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name={[...name, 'holderIdNumber']}
            label={t(m.holderIdNumber)}
            rules={[{ required: true }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </>
      ) : null}
      {method === 'corporateAccount' ? (
        <>
          <Form.Item
            name={[...name, 'bankAccountNo']}
            label={t(m.bankAccountNo)}
            rules={[{ required: true }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name={[...name, 'sealCardNo']} label={t(m.sealCardNo)} rules={[{ required: true }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </>
      ) : null}
    </>
  );
}

/**
 * A customer as the API takes it (OPEN-3): an individual with a document, address and contact phone, or an
 * enterprise with its unit certificate and business licence and the agent who came for it.
 */
export function CustomerFields({ name, title }: { name: NamePath; title: ReactNode }) {
  const { t } = useLanguage();
  const kind: unknown = Form.useWatch([...name, 'kind'], Form.useFormInstance());
  const ids = optionsOf(idTypeLabels, t);
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 14, marginBottom: 8 }}>{title}</legend>
      <Form.Item name={[...name, 'kind']} label={t(m.kind)} initialValue="individual">
        <Select
          options={[
            { value: 'individual', label: t(m.individual) },
            { value: 'enterprise', label: t(m.enterprise) },
          ]}
        />
      </Form.Item>
      <Form.Item name={[...name, 'name']} label={t(m.name)} rules={[{ required: true, whitespace: true }]}>
        <Input />
      </Form.Item>
      {kind === 'enterprise' ? (
        <>
          <Form.Item
            name={[...name, 'unitCertificateNo']}
            label={t(m.unitCertificateNo)}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name={[...name, 'businessLicenceNo']}
            label={t(m.businessLicenceNo)}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item
            name={[...name, 'idType']}
            label={t(m.idType)}
            rules={[{ required: true }]}
            initialValue="idCard"
          >
            <Select options={ids} />
          </Form.Item>
          <Form.Item name={[...name, 'idNumber']} label={t(m.idNumber)} rules={[{ required: true }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </>
      )}
      <Form.Item
        name={[...name, 'address']}
        label={t(m.address)}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name={[...name, 'contactPhone']} label={t(m.contactPhone)} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      {kind === 'enterprise' ? (
        <>
          <Form.Item name={[...name, 'agent', 'name']} label={t(m.agentName)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name={[...name, 'agent', 'idType']}
            label={t(m.agentIdType)}
            rules={[{ required: true }]}
            initialValue="idCard"
          >
            <Select options={ids} />
          </Form.Item>
          <Form.Item
            name={[...name, 'agent', 'idNumber']}
            label={t(m.agentIdNumber)}
            rules={[{ required: true }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </>
      ) : null}
    </fieldset>
  );
}
