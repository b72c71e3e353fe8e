import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { fill } from '../../i18n/fill';
import { useLanguage } from '../../i18n/language';
import type { CommitmentKind } from './green-channel-form';
import { commitmentKindLabels, greenChannelMessages as m } from './messages';

const required = [{ required: true, whitespace: true }];

/** REQ: GC-3 — what was promised to the customer: a repair time limit, a compensation, specific goods. */
export function CommitmentFields() {
  const { t } = useLanguage();
  return (
    <Card title={t(m.commitments)} size="small">
      <Typography.Paragraph type="secondary">{t(m.commitmentsHint)}</Typography.Paragraph>
      <Form.List name="commitments">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <CommitmentRow key={row.key} name={row.name} n={i + 1} onRemove={() => remove(row.name)} />
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'repairTimeLimit' })}>
              {t(m.addCommitment)}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

function CommitmentRow(props: { name: number; n: number; onRemove: () => void }) {
  const { t } = useLanguage();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['commitments', props.name, 'kind'], form) as CommitmentKind | undefined;
  const n = String(props.n);
  const what = t(
    kind === 'compensation' ? m.compensationYuan : kind === 'specificGoods' ? m.goodsItem : m.repairHours,
  );
  return (
    <Row gutter={16} align="bottom" data-testid={`commitment-${n}`}>
      <Col xs={24} md={8}>
        <Form.Item name={[props.name, 'kind']} label={fill(t(m.commitmentKind), { n })}>
          <Select
            onChange={() => form.setFieldValue(['commitments', props.name, 'value'], undefined)}
            options={Object.entries(commitmentKindLabels).map(([value, label]) => ({
              value,
              label: t(label),
            }))}
          />
        </Form.Item>
      </Col>
      <Col xs={20} md={12}>
        <Form.Item
          name={[props.name, 'value']}
          label={fill(t(m.commitmentValue), { n, what })}
          rules={kind === 'specificGoods' ? required : [{ required: true }]}
        >
          {kind === 'specificGoods' ? (
            <Input maxLength={100} />
          ) : (
            <InputNumber
              style={{ width: '100%' }}
              min={0}
              precision={kind === 'compensation' ? 2 : undefined}
            />
          )}
        </Form.Item>
      </Col>
      <Col xs={4} md={4}>
        <Form.Item>
          <Button
            icon={<DeleteOutlined />}
            aria-label={fill(t(m.removeCommitment), { n })}
            title={fill(t(m.removeCommitment), { n })}
            onClick={props.onRemove}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
