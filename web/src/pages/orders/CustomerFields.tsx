import { Card, Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useLanguage } from '../../i18n/language';
import { idTypeLabels, orderMessages as m } from './messages';

const required = [{ required: true, whitespace: true }];

/**
 * REQ: OPEN-3 — the customer as the identity presented: a person with an ID document (an agent optional), or
 * an enterprise with its unit certificate and business licence and the agent who comes for it.
 */
export function CustomerFields() {
  const { t } = useLanguage();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['customer', 'kind'], form) as 'individual' | 'enterprise' | undefined;
  const withAgent = Form.useWatch('withAgent', form) as boolean | undefined;
  const enterprise = kind === 'enterprise';
  const idTypeOptions = Object.entries(idTypeLabels).map(([value, label]) => ({ value, label: t(label) }));
  return (
    <Card title={t(m.customerSection)} size="small">
      <Form.Item name={['customer', 'kind']} label={t(m.customerKind)}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'individual', label: t(m.individual) },
            { value: 'enterprise', label: t(m.enterprise) },
          ]}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['customer', 'name']}
            label={t(enterprise ? m.enterpriseName : m.name)}
            rules={required}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        {enterprise ? (
          <>
            <Col xs={24} md={12}>
              <Form.Item
                name={['customer', 'unitCertificateNo']}
                label={t(m.unitCertificateNo)}
                rules={required}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['customer', 'businessLicenceNo']}
                label={t(m.businessLicenceNo)}
                rules={required}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </>
        ) : (
          <>
            <Col xs={24} md={12}>
              <Form.Item name={['customer', 'idType']} label={t(m.idType)}>
                <Select options={idTypeOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['customer', 'idNumber']} label={t(m.idNumber)} rules={required}>
                <Input maxLength={32} autoComplete="off" />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} md={12}>
          <Form.Item name={['customer', 'contactPhone']} label={t(m.contactPhone)} rules={required}>
            <Input maxLength={16} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name={['customer', 'address']} label={t(m.address)} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      {enterprise ? null : (
        <Form.Item name="withAgent" valuePropName="checked">
          <Checkbox>{t(m.withAgent)}</Checkbox>
        </Form.Item>
      )}
      {enterprise || withAgent ? (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, fontWeight: 600 }}>{t(m.agentSection)}</legend>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name={['customer', 'agent', 'name']} label={t(m.agentName)} rules={required}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name={['customer', 'agent', 'idType']}
                label={t(m.agentIdType)}
                initialValue="idCard"
              >
                <Select options={idTypeOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['customer', 'agent', 'idNumber']} label={t(m.agentIdNumber)} rules={required}>
                <Input maxLength={32} autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
        </fieldset>
      ) : null}
    </Card>
  );
}
