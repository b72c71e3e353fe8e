import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { api, unwrap } from '../../../api-client/client';
import type { paths } from '../../../api-client/schema';
import { FormErrors } from '../../../components/FormErrors';
import { refusedFields } from '../../../components/fieldPath';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { businessHoursOf, businessHoursPattern } from '../business-hours';
import { channelMessages as m, channelTypeLabels } from './messages';

export type Channel =
  paths['/api/v1/channels/{code}']['get']['responses'][200]['content']['application/json'];
type NewChannel = NonNullable<
  paths['/api/v1/channels']['post']['requestBody']
>['content']['application/json'];
type ChannelChange = NonNullable<
  paths['/api/v1/channels/{code}']['patch']['requestBody']
>['content']['application/json'];

interface ChannelValues {
  type: NewChannel['type'];
  location: string;
  name: string;
  capabilities?: string[];
  businessHours?: string;
}

/** One change of a channel (PATCH /channels/{code}); the list is read again after it. */
export function useChangeChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: ChannelChange }) =>
      unwrap(api.PATCH('/api/v1/channels/{code}', { params: { path: { code } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['channels'] }),
  });
}

/**
 * REQ: CH-1, CH-4 — a new channel interface: type, city, name, what it is designated for and business hours.
 * The server generates the code (`<PREFIX>-<CITY>-<NNN>`) and hands the created channel back.
 */
export function NewChannelDialog(props: { onClose: () => void; onCreated: (channel: Channel) => void }) {
  const { t } = useLanguage();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ChannelValues>();
  const create = useMutation({
    mutationFn: (body: NewChannel) => unwrap(api.POST('/api/v1/channels', { body })),
    onSuccess: (channel) => {
      void queryClient.invalidateQueries({ queryKey: ['channels'] });
      props.onCreated(channel);
    },
  });
  return (
    <Modal
      open
      width={560}
      title={t(m.newChannel)}
      okText={t(m.create)}
      cancelText={t(m.cancel)}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Typography.Paragraph type="secondary">{t(m.newChannelIntro)}</Typography.Paragraph>
      <Form<ChannelValues>
        form={form}
        name="new-channel"
        layout="vertical"
        initialValues={{ capabilities: [] }}
        onFinish={(values) =>
          create.mutate({
            type: values.type,
            location: values.location.trim().toUpperCase(),
            name: values.name.trim(),
            capabilities: values.capabilities ?? [],
            businessHours: businessHoursOf(values.businessHours),
          })
        }
      >
        <Form.Item name="type" label={t(m.type)} rules={[{ required: true }]}>
          <Select
            options={Object.entries(channelTypeLabels).map(([value, label]) => ({
              value,
              label: `${t(label)} (${value})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="location"
          label={t(m.location)}
          extra={t(m.locationHint)}
          normalize={(v: string) => v.toUpperCase()}
          rules={[{ required: true, pattern: /^[A-Z]{2,6}$/, message: t(m.locationHint) }]}
        >
          <Input maxLength={6} placeholder="BJ" autoComplete="off" />
        </Form.Item>
        <ChannelCommonFields />
        <FormErrors form={form} error={create.error} fieldsOf={refusedFields} />
      </Form>
    </Modal>
  );
}

/** REQ: CH-4 — a channel's name, designations and business hours (type and city are in its code). */
export function EditChannelDialog({ channel, onClose }: { channel: Channel; onClose: () => void }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<ChannelValues, 'type' | 'location'>>();
  const change = useChangeChannel();
  return (
    <Modal
      open
      width={560}
      title={fill(t(m.editTitle), { code: channel.code })}
      okText={t(m.save)}
      cancelText={t(m.cancel)}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Omit<ChannelValues, 'type' | 'location'>>
        form={form}
        name="edit-channel"
        layout="vertical"
        initialValues={{
          name: channel.name,
          capabilities: channel.capabilities,
          businessHours: channel.businessHours ?? '',
        }}
        onFinish={(values) =>
          change.mutate(
            {
              code: channel.code,
              body: {
                name: values.name.trim(),
                capabilities: values.capabilities ?? [],
                businessHours: businessHoursOf(values.businessHours) ?? null,
              },
            },
            {
              onSuccess: () => {
                void message.success(t(m.saved));
                onClose();
              },
            },
          )
        }
      >
        <ChannelCommonFields />
        <FormErrors form={form} error={change.error} fieldsOf={refusedFields} />
      </Form>
    </Modal>
  );
}

function ChannelCommonFields() {
  const { t } = useLanguage();
  return (
    <>
      <Form.Item name="name" label={t(m.name)} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="capabilities" label={t(m.capabilities)} extra={t(m.capabilitiesHint)}>
        <Select mode="tags" open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item
        name="businessHours"
        label={t(m.businessHours)}
        extra={t(m.businessHoursHint)}
        rules={[{ pattern: businessHoursPattern, message: t(m.businessHoursHint) }]}
      >
        <Input placeholder="09:00-18:00" maxLength={11} autoComplete="off" />
      </Form.Item>
    </>
  );
}
