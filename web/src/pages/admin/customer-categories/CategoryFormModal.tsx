import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { FormErrors } from '../../../components/FormErrors';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { refusedFields } from '../../../components/fieldPath';
import { useSaveCategory, type Category } from './category-queries';
import { categoryMessages as m, effectLabels } from './messages';

interface CategoryForm {
  code: string;
  nameZh: string;
  nameEn: string;
  note?: string;
  effect: keyof typeof effectLabels;
}

/** REQ: CUST-1 — add a customer category, or change one's names, note or effect (its code never changes). */
export function CategoryFormModal(props: { open: boolean; category: Category | null; onClose: () => void }) {
  const { t } = useLanguage();
  const [form] = Form.useForm<CategoryForm>();
  const save = useSaveCategory();
  const { category } = props;

  useEffect(() => {
    if (!props.open) return;
    save.reset();
    form.resetFields();
    if (category) {
      form.setFieldsValue({
        code: category.code,
        nameZh: category.nameZh,
        nameEn: category.nameEn,
        note: category.note ?? undefined,
        effect: category.effect as CategoryForm['effect'],
      });
    }
    // Only on opening: the form keeps the administrator's edits while open.
  }, [props.open, category]);

  const submit = (v: CategoryForm) => {
    const note = v.note?.trim() ? v.note.trim() : undefined;
    const fields = { nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), effect: v.effect };
    save.mutate(
      category
        ? { code: category.code, isNew: false, body: { ...fields, ...(note ? { note } : {}) } }
        : { code: v.code.trim(), isNew: true, body: { code: v.code.trim(), ...fields, note } },
      { onSuccess: () => props.onClose() },
    );
  };

  return (
    <Modal
      open={props.open}
      title={category ? fill(t(m.editTitle), { code: category.code }) : t(m.createTitle)}
      okText={t(m.save)}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      forceRender
    >
      <Form<CategoryForm>
        name="category"
        form={form}
        layout="vertical"
        initialValues={{ effect: 'none' }}
        onFinish={submit}
        onValuesChange={() => {
          if (save.error) save.reset();
        }}
      >
        <Form.Item
          name="code"
          label={t(m.code)}
          extra={t(m.codeHelp)}
          rules={[{ required: true }, { pattern: /^[a-z][a-zA-Z0-9-]{1,31}$/, message: t(m.codeHelp) }]}
        >
          <Input disabled={category !== null} maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="nameZh" label={t(m.nameZh)} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="nameEn" label={t(m.nameEn)} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="note" label={t(m.note)}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="effect" label={t(m.effect)} rules={[{ required: true }]}>
          <Select
            options={Object.entries(effectLabels).map(([value, label]) => ({ value, label: t(label) }))}
          />
        </Form.Item>
      </Form>
      <FormErrors form={form} error={save.error} fieldsOf={refusedFields} />
    </Modal>
  );
}
