import { Form, Input, Select, Switch } from 'antd';
import { useLanguage } from '../../../i18n/language';
import { roleLabels } from '../../../i18n/roles';
import { businessHoursPattern } from '../business-hours';
import { codeOptions, useChannelOptions, useOutletOptions } from './access-options';
import { operatorMessages as m } from './messages';

/**
 * Where and when an operator may work (CH-2, CH-4): roles in both languages, the channels and outlets it may
 * sign in through (from the API's lists) and its business hours. The fields of a form whose values carry
 * `roles`, `channels`, `outlets` and `businessHours`.
 */
export function AccessFields() {
  const { t } = useLanguage();
  const channels = useChannelOptions();
  const outlets = useOutletOptions();
  return (
    <>
      <Form.Item name="roles" label={t(m.roles)} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Select
          mode="multiple"
          options={Object.entries(roleLabels).map(([value, label]) => ({ value, label: t(label) }))}
        />
      </Form.Item>
      <Form.Item
        name="channels"
        label={t(m.channels)}
        extra={t(m.channelsHint)}
        rules={[{ required: true, type: 'array', min: 1 }]}
      >
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          loading={channels.isPending}
          options={codeOptions(channels.data, t(m.inactive))}
        />
      </Form.Item>
      <Form.Item name="outlets" label={t(m.outlets)} extra={t(m.outletsHint)}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          loading={outlets.isPending}
          options={codeOptions(outlets.data, t(m.inactive))}
        />
      </Form.Item>
      <Form.Item
        name="businessHours"
        label={t(m.businessHours)}
        extra={t(m.businessHoursHint)}
        rules={[{ pattern: businessHoursPattern, message: t(m.businessHoursHint) }]}
      >
        <Input placeholder="09:00-18:00" maxLength={11} />
      </Form.Item>
    </>
  );
}

/**
 * A technician's service-staff profile (WO-4): the outlet it works from (its grab pool), its skills (what
 * skill rules match) and whether it takes work. Values under `staff`.
 */
export function StaffFields() {
  const { t } = useLanguage();
  const outlets = useOutletOptions();
  return (
    <>
      <Form.Item name={['staff', 'outletCode']} label={t(m.staffOutlet)} extra={t(m.staffOutletHint)}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={outlets.isPending}
          options={codeOptions(
            outlets.data?.filter((o) => o.active),
            t(m.inactive),
          )}
        />
      </Form.Item>
      <Form.Item name={['staff', 'skills']} label={t(m.skills)} extra={t(m.skillsHint)}>
        <Select mode="tags" open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name={['staff', 'active']} label={t(m.staffActive)} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}
