import { Button, Drawer, Form, Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryState } from '../../../components/PageState';
import { usePaging } from '../../../components/usePaging';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { centralStock, directionLabels, resourceTypeLabels } from '../labels';
import { movementMessages as m } from './messages';
import { useMovement, useMovements, type Movement } from './movement-queries';
import { TableEmpty } from '../../../components/TableEmpty';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/**
 * REQ: RES-2 — the issues and recycles from or to the chosen unit (or one number's or card's path through the
 * tree), oldest first, paged on the server; a movement's items open in a drawer.
 */
export function MovementHistory(props: { unitCode: string | null }) {
  const { t } = useLanguage();
  const { params, offset, pageSize, setFilter, pagination } = usePaging(10);
  const item = params.get('item') ?? undefined;
  const movements = useMovements({ unitCode: props.unitCode ?? undefined, item, offset, limit: pageSize });
  const [open, setOpen] = useState<string | null>(null);
  const unit = (code: string | null) => (code ? <code>{code}</code> : t(centralStock));

  const columns: ColumnsType<Movement> = [
    {
      title: t(m.id),
      dataIndex: 'id',
      render: (id: string) => (
        <Button
          type="link"
          size="small"
          onClick={() => setOpen(id)}
          aria-label={fill(t(m.showItems), { id })}
        >
          <code>{id}</code>
        </Button>
      ),
    },
    {
      title: t(m.direction),
      dataIndex: 'direction',
      render: (d: string) => (
        <Tag color={d === 'issue' ? '#0958d9' : '#874d00'}>{t(directionLabels[d] ?? { zh: d, en: d })}</Tag>
      ),
    },
    { title: t(m.resourceType), dataIndex: 'resourceType', render: (v: string) => t(resourceTypeLabels[v]!) },
    { title: t(m.from), dataIndex: 'fromCode', render: unit },
    { title: t(m.to), dataIndex: 'toCode', render: unit },
    // The receiver's name as written: not translated.
    { title: t(m.receiver), dataIndex: 'receiver' },
    { title: t(m.itemCount), dataIndex: 'itemCount' },
    { title: t(m.createdBy), dataIndex: 'createdBy', render: (v: string) => <code>{v}</code> },
    { title: t(m.createdAt), dataIndex: 'createdAt', render: when },
  ];

  return (
    <>
      <Form layout="inline" role="search" aria-label={t(m.history)} style={{ marginBottom: 16 }}>
        <Form.Item label={t(m.item)} htmlFor="move-item">
          <Input.Search
            id="move-item"
            allowClear
            defaultValue={item}
            inputMode="numeric"
            style={{ width: 260 }}
            onSearch={(v) => setFilter('item', v.trim())}
          />
        </Form.Item>
      </Form>
      <QueryState query={movements}>
        {(data) => (
          <Table<Movement>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data.items}
            loading={movements.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <TableEmpty text={t(m.empty)} /> }}
            pagination={pagination(data.total, t(m.total))}
          />
        )}
      </QueryState>
      <MovementItems id={open} onClose={() => setOpen(null)} />
    </>
  );
}

const ITEMS_PAGE = 50;

/** One movement's items, paged on the server. */
function MovementItems(props: { id: string | null; onClose: () => void }) {
  const { t } = useLanguage();
  const [page, setPage] = useState(1);
  const movement = useMovement(props.id, (page - 1) * ITEMS_PAGE, ITEMS_PAGE);
  return (
    <Drawer
      open={props.id !== null}
      onClose={() => {
        setPage(1);
        props.onClose();
      }}
      title={fill(t(m.detailTitle), { id: props.id ?? '' })}
      size="large"
      closable={{ 'aria-label': t(m.close) }}
    >
      {props.id !== null ? (
        <QueryState query={movement}>
          {(data) => (
            <Table<{ item: string }>
              rowKey="item"
              size="small"
              columns={[{ title: t(m.items), dataIndex: 'item', render: (v: string) => <code>{v}</code> }]}
              dataSource={data.items.map((item) => ({ item }))}
              pagination={{
                current: page,
                pageSize: ITEMS_PAGE,
                total: data.itemCount,
                showSizeChanger: false,
                onChange: setPage,
              }}
            />
          )}
        </QueryState>
      ) : null}
    </Drawer>
  );
}
