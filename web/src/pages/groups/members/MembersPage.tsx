import { Alert, Button, Descriptions, Form, Input, Popconfirm, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert, QueryState } from '../../../components/PageState';
import { usePaging } from '../../../components/usePaging';
import { useOncePerFilledForm } from '../../../components/work-order-fields/useOncePerFilledForm';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { BatchUploadCard } from './BatchUploadCard';
import { MemberFormModal } from './MemberFormModal';
import { MemberHistoryDrawer } from './MemberHistoryDrawer';
import { MemberOrderOutcome } from './MemberOrderOutcome';
import { SourceLink } from './SourceLink';
import { attributeText } from './member-form';
import { memberDeleteRequest } from './member-form';
import { useGroupProducts } from '../group-queries';
import {
  useMemberOrder,
  useMembers,
  type GroupProductKey,
  type Member,
  type MemberSpec,
} from './member-queries';
import { TableEmpty } from '../../../components/TableEmpty';
import { membersMessages as m } from './messages';

/**
 * The members of a group's product (成员管理, GRP-6…GRP-8, UI-1): paged on the server, searched by the first
 * digits of the number (kept in the URL); each member's history; add, change and delete, each an order whose
 * outcome shows above the list (the list refreshes when it ends); and the batch upload.
 */
export default function MembersPage() {
  const { groupCode = '', productCode = '' } = useParams();
  const key: GroupProductKey = { groupCode, productCode };
  const { t } = useLanguage();
  const products = useGroupProducts(groupCode);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.title)} intro={t(m.intro)} />
      <QueryState query={products}>
        {({ items, hint }) => {
          const product = items.find((p) => p.code === productCode);
          if (!product) return <Alert type="warning" showIcon title={hint ? t(hint) : t(m.productHidden)} />;
          const subscription = product.subscription;
          return (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                items={[
                  {
                    key: 'group',
                    label: t(m.group),
                    children: <Link to={`/groups/${groupCode}`}>{groupCode}</Link>,
                  },
                  {
                    key: 'product',
                    label: t(m.product),
                    children: (
                      <span>
                        {product.name} <code>{product.code}</code>
                      </span>
                    ),
                  },
                  {
                    key: 'count',
                    label: t(m.memberCount),
                    children: <span data-testid="member-count">{subscription?.memberCount ?? 0}</span>,
                  },
                ]}
              />
              {subscription?.status === 'active' ? (
                <MemberDesk product={key} memberSpec={product.memberSpec} />
              ) : (
                <Alert type="info" showIcon title={t(m.notActive)} />
              )}
            </Space>
          );
        }}
      </QueryState>
    </Space>
  );
}

/** The list and its actions, for a product the group has live. */
function MemberDesk({ product, memberSpec }: { product: GroupProductKey; memberSpec: MemberSpec }) {
  const { t } = useLanguage();
  const { params, offset, pageSize, setFilter, pagination } = usePaging(20);
  const msisdn = params.get('msisdn') ?? undefined;
  const members = useMembers(product, { msisdn, offset, limit: pageSize }, true);
  const [editing, setEditing] = useState<{ member: Member | null } | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [orderId, setOrderId] = useState<string | null>(null);
  const deletion = useMemberOrder();
  const onceDelete = useOncePerFilledForm();

  const taken = (id: string) => {
    setOrderId(id);
    setEditing(null);
  };
  const remove = (member: Member) =>
    onceDelete.submit((idempotencyKey, settled) =>
      deletion.mutate(
        { body: memberDeleteRequest({ ...product, msisdn: member.msisdn }), idempotencyKey },
        { onSuccess: (answer) => taken(answer.id), onSettled: settled },
      ),
    );

  const columns: ColumnsType<Member> = [
    { title: t(m.msisdn), dataIndex: 'msisdn', render: (n: string) => <code>{n}</code>, width: 140 },
    ...memberSpec.attributes.map((attr): ColumnsType<Member>[number] => ({
      key: attr.code,
      title: t(attr.name),
      render: (_: unknown, member) => attributeText(member.attributes[attr.code], t),
    })),
    {
      title: t(m.addedBy),
      dataIndex: 'addedBy',
      render: (source: string) => <SourceLink source={source} />,
    },
    {
      title: t(m.addedAt),
      dataIndex: 'addedAt',
      render: (iso: string) => (
        <span style={{ whiteSpace: 'nowrap' }}>{dayjs(iso).format('YYYY-MM-DD HH:mm')}</span>
      ),
    },
    {
      title: t(m.actions),
      key: 'actions',
      render: (_: unknown, member) => (
        <Space size={0} wrap>
          <Button
            type="link"
            onClick={() => setHistoryOf(member.msisdn)}
            aria-label={`${t(m.history)} ${member.msisdn}`}
          >
            {t(m.history)}
          </Button>
          <Button
            type="link"
            onClick={() => setEditing({ member })}
            aria-label={`${t(m.change)} ${member.msisdn}`}
          >
            {t(m.change)}
          </Button>
          <Popconfirm
            title={fill(t(m.deleteConfirm), { msisdn: member.msisdn })}
            description={t(m.deleteConfirmHint)}
            okText={t(m.deleteOk)}
            okButtonProps={{ danger: true, loading: deletion.isPending }}
            onOpenChange={(open) => open && onceDelete.formChanged()}
            onConfirm={() => remove(member)}
          >
            <Button type="link" danger aria-label={`${t(m.delete)} ${member.msisdn}`}>
              {t(m.delete)}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {orderId ? <MemberOrderOutcome key={orderId} orderId={orderId} product={product} /> : null}
      <ErrorAlert error={deletion.error} />
      <Space wrap align="start" style={{ justifyContent: 'space-between', width: '100%' }}>
        <SearchForm
          key={msisdn ?? ''}
          initial={msisdn ?? ''}
          onSearch={(value) => setFilter('msisdn', value)}
        />
        <Button type="primary" onClick={() => setEditing({ member: null })}>
          {t(m.add)}
        </Button>
      </Space>
      <QueryState query={members}>
        {(data) => (
          <Table<Member>
            rowKey="msisdn"
            size="middle"
            aria-label={t(m.title)}
            columns={columns}
            dataSource={data.items}
            loading={members.isFetching}
            locale={{ emptyText: <TableEmpty text={t(msisdn ? m.emptySearch : m.empty)} textOnly /> }}
            pagination={pagination(data.total, t(m.total))}
          />
        )}
      </QueryState>
      <BatchUploadCard product={product} memberSpec={memberSpec} />
      {editing ? (
        <MemberFormModal
          product={product}
          memberSpec={memberSpec}
          member={editing.member}
          onClose={() => setEditing(null)}
          onTaken={taken}
        />
      ) : null}
      <MemberHistoryDrawer
        product={product}
        memberSpec={memberSpec}
        msisdn={historyOf}
        onClose={() => setHistoryOf(null)}
      />
    </Space>
  );
}

/** The search by the first digits of the number (1–11 digits; empty shows every member). */
function SearchForm(props: { initial: string; onSearch: (value: string | undefined) => void }) {
  const { t } = useLanguage();
  return (
    <Form
      layout="inline"
      role="search"
      aria-label={t(m.searchButton)}
      initialValues={{ msisdn: props.initial }}
      onFinish={({ msisdn }: { msisdn?: string }) => props.onSearch(msisdn?.trim() || undefined)}
    >
      <Form.Item
        name="msisdn"
        label={t(m.search)}
        htmlFor="member-search"
        rules={[{ pattern: /^\s*\d{1,11}\s*$/, message: t(m.searchInvalid) }]}
      >
        <Input
          id="member-search"
          inputMode="numeric"
          maxLength={11}
          allowClear
          placeholder={t(m.searchHint)}
        />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit">{t(m.searchButton)}</Button>
      </Form.Item>
    </Form>
  );
}
