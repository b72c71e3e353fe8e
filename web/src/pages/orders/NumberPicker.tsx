import { Button, Card, Empty, Form, Input, Radio, Space, Spin } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/PageState';
import { useLanguage } from '../../i18n/language';
import { orderMessages as m, yuan } from './messages';
import { useFreeNumbers } from './open-account-queries';

/**
 * REQ: OPEN-2, RES-4 — the number: the system picks a free one, or the clerk searches free numbers by a
 * pattern and chooses one, each shown with its selection fee (选号费).
 */
export function NumberPicker() {
  const { t } = useLanguage();
  const form = Form.useFormInstance();
  const choice = Form.useWatch('numberChoice', form) as 'system' | 'choose' | undefined;
  const [typed, setTyped] = useState('');
  const [pattern, setPattern] = useState<string | null>(null);
  const numbers = useFreeNumbers(pattern);
  const search = () => {
    form.setFieldValue('msisdn', undefined);
    setPattern(typed.trim());
    if (pattern === typed.trim()) void numbers.refetch();
  };
  const fee = (fen: number) => (fen > 0 ? `${t(m.selectionFee)} ${yuan(fen)}` : t(m.noSelectionFee));
  return (
    <Card title={t(m.numberSection)} size="small">
      <Form.Item name="numberChoice" label={t(m.numberChoice)}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'system', label: t(m.systemPicks) },
            { value: 'choose', label: t(m.choose) },
          ]}
        />
      </Form.Item>
      {choice === 'choose' ? (
        <>
          <Form.Item label={t(m.pattern)} htmlFor="number-pattern" extra={t(m.patternHelp)}>
            <Space.Compact style={{ maxWidth: 360, width: '100%' }}>
              <Input
                id="number-pattern"
                value={typed}
                maxLength={11}
                onChange={(e) => setTyped(e.target.value)}
                onPressEnter={(e) => {
                  e.preventDefault();
                  search();
                }}
              />
              <Button onClick={search}>{t(m.findNumbers)}</Button>
            </Space.Compact>
          </Form.Item>
          <ErrorAlert error={numbers.error} />
          {pattern !== null ? (
            <Spin spinning={numbers.isFetching}>
              <Form.Item
                name="msisdn"
                label={t(m.freeNumbers)}
                rules={[{ required: true, message: t(m.chooseNumberRule) }]}
                data-testid="free-numbers"
              >
                {numbers.data && numbers.data.items.length === 0 ? (
                  <Empty description={t(m.noFreeNumbers)} />
                ) : (
                  <Radio.Group
                    options={(numbers.data?.items ?? []).map((n) => ({
                      value: n.msisdn,
                      label: `${n.msisdn} · ${fee(n.selectionFeeFen)}`,
                    }))}
                  />
                )}
              </Form.Item>
            </Spin>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
