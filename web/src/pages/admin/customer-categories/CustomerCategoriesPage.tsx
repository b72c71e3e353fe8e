import { EditOutlined } from '@ant-design/icons';
import { TableEmpty } from '../../../components/TableEmpty';
import { Alert, Button, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { PageHeading } from '../../../components/PageHeading';
import { QueryState } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { labelFor } from '../../../i18n/messages';
import { useCategories, type Category } from './category-queries';
import { CategoryFormModal } from './CategoryFormModal';
import { CustomerCategoriesCard } from './CustomerCategoriesCard';
import { categoryMessages as m, effectLabels } from './messages';

const effectColours: Record<string, string> = { vip: '#874d00', blacklist: '#a8071a' };

/**
 * REQ: CUST-1, CUST-2 — the customer categories (客户类别) with their effect, added and changed by administrators
 * and never deleted (no delete is offered; the rule is stated), and a customer's categories below.
 */
export default function CustomerCategoriesPage() {
  const { t } = useLanguage();
  const categories = useCategories();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);

  const columns: ColumnsType<Category> = [
    { title: t(m.code), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
    { title: t(m.nameZh), dataIndex: 'nameZh' },
    { title: t(m.nameEn), dataIndex: 'nameEn' },
    {
      title: t(m.effect),
      dataIndex: 'effect',
      render: (effect: string) => (
        <Tag color={effectColours[effect]}>{t(labelFor(effectLabels, effect))}</Tag>
      ),
    },
    { title: t(m.note), dataIndex: 'note', render: (note: string | null) => note ?? '—' },
    {
      title: t(m.changed),
      key: 'changed',
      render: (_: unknown, c) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {c.updatedBy} · {dayjs(c.updatedAt).format('YYYY-MM-DD HH:mm')}
        </span>
      ),
    },
    {
      title: t(m.actions),
      key: 'actions',
      render: (_: unknown, c) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          aria-label={fill(t(m.edit), { code: c.code })}
          onClick={() => setEditing(c)}
        >
          {t(m.editShort)}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.title)} intro={t(m.intro)} />
      <div>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t(m.add)}
        </Button>
      </div>
      <Alert type="info" showIcon title={t(m.neverDeleted)} />
      <QueryState query={categories}>
        {(data) => (
          <Table<Category>
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={data.items}
            loading={categories.isFetching}
            pagination={false}
            locale={{ emptyText: <TableEmpty text={t(m.empty)} /> }}
          />
        )}
      </QueryState>
      <CustomerCategoriesCard />
      <CategoryFormModal
        open={editing !== null}
        category={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </Space>
  );
}
