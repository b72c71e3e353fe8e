import { Drawer, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { QueryState } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { labelFor } from '../../../i18n/messages';
import { attributeText } from './member-form';
import { useMemberHistory, type GroupProductKey, type MemberEvent, type MemberSpec } from './member-queries';
import { TableEmpty } from '../../../components/TableEmpty';
import { SourceLink } from './SourceLink';
import { historyActionLabels, membersMessages as m } from './messages';

const actionColours: Record<string, string> = { add: '#237804', change: '#0958d9', delete: '#a8071a' };

/** A member's history (成员变更历史, GRP-6…GRP-8): every add, change and delete, newest first, with who and what. */
export function MemberHistoryDrawer(props: {
  product: GroupProductKey;
  memberSpec: MemberSpec;
  msisdn: string | null;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const history = useMemberHistory(props.product, props.msisdn);
  const nameOf = new Map(props.memberSpec.attributes.map((a) => [a.code, a.name]));
  const columns: ColumnsType<MemberEvent> = [
    {
      title: t(m.historyAt),
      dataIndex: 'at',
      render: (iso: string) => (
        <span style={{ whiteSpace: 'nowrap' }}>{dayjs(iso).format('YYYY-MM-DD HH:mm:ss')}</span>
      ),
    },
    {
      title: t(m.historyAction),
      dataIndex: 'action',
      render: (action: string) => (
        <Tag color={actionColours[action] ?? '#595959'}>{t(labelFor(historyActionLabels, action))}</Tag>
      ),
    },
    {
      title: t(m.historyAttributes),
      dataIndex: 'attributes',
      render: (attributes: MemberEvent['attributes']) =>
        attributes && Object.keys(attributes).length > 0
          ? Object.entries(attributes).map(([code, value]) => {
              const name = nameOf.get(code);
              return (
                <div key={code}>
                  {name ? t(name) : code}: {attributeText(value, t)}
                </div>
              );
            })
          : '—',
    },
    {
      title: t(m.historySource),
      dataIndex: 'source',
      render: (source: string) => <SourceLink source={source} />,
    },
    { title: t(m.historyActor), dataIndex: 'actor', render: (actor: string) => <code>{actor}</code> },
  ];
  const title = fill(t(m.historyTitle), { msisdn: props.msisdn ?? '' });
  return (
    <Drawer open={props.msisdn !== null} title={title} size={760} onClose={props.onClose} destroyOnHidden>
      <QueryState query={history}>
        {(data) => (
          <Table<MemberEvent>
            aria-label={title}
            rowKey={(e) => `${e.at}-${e.action}-${e.source}`}
            size="small"
            columns={columns}
            dataSource={data.items}
            locale={{ emptyText: <TableEmpty text={t(m.historyEmpty)} textOnly /> }}
            pagination={false}
          />
        )}
      </QueryState>
    </Drawer>
  );
}
