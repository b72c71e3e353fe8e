import { Alert, Button, Form, Input, Radio, Select, Space } from 'antd';
import { useEffect } from 'react';
import { FormErrors } from '../../../components/FormErrors';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { centralStock, directionLabels, resourceTypeLabels } from '../labels';
import { movementMessages as m } from './messages';
import { useMoveStock, type MovementBody, type Unit } from './movement-queries';
import { unitName } from './unit-name';
import { refusedFields } from '../../../components/fieldPath';

interface Values {
  direction: MovementBody['direction'];
  resourceType: MovementBody['resourceType'];
  toCode: string;
  receiver: string;
  mode: 'range' | 'list';
  first: string;
  last: string;
  list: string;
}

/** Where the API names an item field (`items.range.first`, `items.list.3`), the form keeps it as one field. */
const nameOf = (path: (string | number)[]): (string | number)[] =>
  path[0] !== 'items' ? path : path[1] === 'range' && path[2] !== undefined ? [path[2]] : ['list'];

const CENTRAL = '';

/**
 * REQ: RES-2 — issue (发放) from the chosen unit to one of its direct children, or recycle (回收) from it to its
 * parent, numbers or SIM cards by range or list, with the receiver (领用人 / 回退人). All or nothing: the API
 * refuses the whole movement naming the items not held or not movable.
 */
export function MovementForm(props: { from: Unit; parent: Unit | undefined }) {
  const { t } = useLanguage();
  const [form] = Form.useForm<Values>();
  const move = useMoveStock();
  const direction = Form.useWatch('direction', form) ?? 'issue';
  const mode = Form.useWatch('mode', form) ?? 'range';
  const { from, parent } = props;
  const isCentral = from.code === null;

  const targets: { value: string; label: string }[] =
    direction === 'issue'
      ? from.children.map((c) => ({ value: c.code ?? CENTRAL, label: unitName(t, c) }))
      : isCentral
        ? []
        : [{ value: from.parentCode ?? CENTRAL, label: unitName(t, parent, from.parentCode) }];

  // A new unit or direction: the receiving unit is the only possible one, or to be chosen.
  useEffect(() => {
    form.setFieldValue('toCode', targets.length === 1 ? targets[0]!.value : undefined);
    move.reset();
    // targets derive from these; recomputing on every render would reset the user's choice.
  }, [from.code, direction]);

  const submit = (v: Values) => {
    const split = v.list
      ?.split(/[\s,，]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    move.mutate(
      {
        direction: v.direction,
        resourceType: v.resourceType,
        fromCode: from.code,
        toCode: v.toCode === CENTRAL ? null : v.toCode,
        receiver: v.receiver.trim(),
        items:
          v.mode === 'range'
            ? { range: { first: v.first.trim(), last: v.last.trim() } }
            : { list: split ?? [] },
      },
      { onSuccess: () => form.resetFields(['first', 'last', 'list']) },
    );
  };

  const done = move.data;
  const noTarget = targets.length === 0;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ direction: 'issue', resourceType: 'numbers', mode: 'range', receiver: '' }}
      onFinish={submit}
      onValuesChange={() => move.error && move.reset()}
    >
      <Space wrap size="large">
        <Form.Item name="direction" label={t(m.direction)}>
          <Radio.Group
            optionType="button"
            options={(['issue', 'recycle'] as const).map((d) => ({
              value: d,
              label: t(directionLabels[d]!),
              disabled: d === 'recycle' && isCentral,
            }))}
          />
        </Form.Item>
        <Form.Item name="resourceType" label={t(m.resourceType)}>
          <Radio.Group
            optionType="button"
            options={(['numbers', 'sims'] as const).map((v) => ({
              value: v,
              label: t(resourceTypeLabels[v]!),
            }))}
          />
        </Form.Item>
      </Space>
      <Space wrap size="large" align="start">
        <Form.Item label={t(m.from)} htmlFor="move-from">
          <Input id="move-from" readOnly value={unitName(t, from)} style={{ minWidth: 220 }} />
        </Form.Item>
        <Form.Item
          name="toCode"
          label={t(m.to)}
          htmlFor="move-to"
          rules={[{ required: true, message: t(m.chooseTo) }]}
          help={noTarget && direction === 'issue' ? t(m.noChildren) : undefined}
        >
          <Select id="move-to" style={{ minWidth: 240 }} options={targets} disabled={noTarget} />
        </Form.Item>
        <Form.Item
          name="receiver"
          label={t(m.receiver)}
          htmlFor="move-receiver"
          rules={[{ required: true, whitespace: true, message: t(m.receiverRequired) }]}
        >
          <Input id="move-receiver" maxLength={64} style={{ minWidth: 200 }} />
        </Form.Item>
      </Space>
      <Form.Item name="mode" label={t(m.itemsMode)}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'range', label: t(m.range) },
            { value: 'list', label: t(m.list) },
          ]}
        />
      </Form.Item>
      {mode === 'range' ? (
        <Space wrap size="large" align="start">
          <Form.Item
            name="first"
            label={t(m.first)}
            htmlFor="move-first"
            rules={[{ required: true, whitespace: true, message: t(m.itemsRequired) }]}
          >
            <Input id="move-first" inputMode="numeric" maxLength={20} style={{ minWidth: 220 }} />
          </Form.Item>
          <Form.Item
            name="last"
            label={t(m.last)}
            htmlFor="move-last"
            rules={[{ required: true, whitespace: true, message: t(m.itemsRequired) }]}
          >
            <Input id="move-last" inputMode="numeric" maxLength={20} style={{ minWidth: 220 }} />
          </Form.Item>
        </Space>
      ) : (
        <Form.Item
          name="list"
          label={t(m.listItems)}
          htmlFor="move-list"
          rules={[{ required: true, whitespace: true, message: t(m.itemsRequired) }]}
        >
          <Input.TextArea id="move-list" rows={4} style={{ maxWidth: 480 }} />
        </Form.Item>
      )}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <FormErrors
          form={form}
          error={move.error}
          fieldsOf={(e) => refusedFields(e, { ruleInZh: true })}
          nameOf={nameOf}
        />
        {done ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={fill(t(m.moved), {
              direction: t(directionLabels[done.direction]!),
              count: String(done.itemCount),
              to: done.toCode ?? t(centralStock),
              id: done.id,
            })}
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={move.isPending} disabled={noTarget}>
          {t(direction === 'issue' ? m.submitIssue : m.submitRecycle)}
        </Button>
      </Space>
    </Form>
  );
}
