import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { QueryState } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { useOutletStaff, type OutletStaff } from './desk-queries';
import { deskMessages as m } from './messages';

type Staff = OutletStaff['items'][number];

/**
 * REQ: WO-4 — an outlet's service staff with their skills and open work, to dispatch to one of them: the
 * current assignee and inactive staff cannot be chosen.
 */
export function StaffPicker(props: {
  outletCode: string;
  value: string | null;
  onChange: (operatorId: string) => void;
  currentAssignee?: string | null;
}) {
  const { t } = useLanguage();
  const staff = useOutletStaff(props.outletCode);
  const columns: ColumnsType<Staff> = [
    { title: t(m.staffName), dataIndex: 'name' },
    { title: t(m.staffId), dataIndex: 'operatorId', render: (id: string) => <code>{id}</code> },
    {
      title: t(m.skills),
      dataIndex: 'skills',
      render: (skills: string[]) => (skills.length ? skills.map((s) => <Tag key={s}>{s}</Tag>) : '—'),
    },
    { title: t(m.load), dataIndex: 'openLoad' },
    {
      title: '',
      key: 'state',
      render: (_: unknown, s) =>
        s.operatorId === props.currentAssignee ? (
          <Tag>{t(m.current)}</Tag>
        ) : !s.active ? (
          <Tag>{t(m.inactive)}</Tag>
        ) : null,
    },
  ];
  return (
    <section aria-label={fill(t(m.staffOf), { code: props.outletCode })} data-testid="outlet-staff">
      <QueryState query={staff}>
        {(data) => (
          <Table<Staff>
            rowKey="operatorId"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={data.items}
            locale={{ emptyText: t(m.noStaff) }}
            title={() => fill(t(m.staffOf), { code: `${data.outlet.code} ${data.outlet.name}` })}
            rowSelection={{
              type: 'radio',
              selectedRowKeys: props.value ? [props.value] : [],
              onChange: (keys) => {
                const [key] = keys;
                if (key !== undefined) props.onChange(String(key));
              },
              getCheckboxProps: (s) => ({
                disabled: !s.active || s.operatorId === props.currentAssignee,
                'aria-label': fill(t(m.chooseStaff), { name: `${s.name} ${s.operatorId}` }),
              }),
            }}
            onRow={(s) => ({
              onClick: () => {
                if (s.active && s.operatorId !== props.currentAssignee) props.onChange(s.operatorId);
              },
            })}
          />
        )}
      </QueryState>
    </section>
  );
}
