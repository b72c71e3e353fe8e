import { Descriptions, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { PageHeading } from '../../../components/PageHeading';
import { QueryState } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { roleLabel } from '../../../i18n/roles';
import { AccessForm } from './AccessForm';
import { AccountActions } from './AccountActions';
import { useOperator, type Operator } from './access-options';
import { operatorMessages as m } from './messages';
import { ProductPermissions } from './ProductPermissions';
import { StaffProfileForm } from './StaffProfileForm';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/**
 * One operator (工号) for administrators (CH-2, CH-4, WO-4, GRP-1, UI-1): who it is and its state, its account
 * (password reset, unlock, disable/enable), its roles and where and when it may sign in, its service-staff
 * profile and its group product permissions.
 */
export default function OperatorPage() {
  const { t } = useLanguage();
  const id = useParams().id ?? '';
  const query = useOperator(id);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/admin/operators">{t(m.back)}</Link>
      <QueryState query={query}>
        {(operator) => (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <PageHeading title={`${t(m.operator)} ${operator.id}`} intro={operator.name} />
            <OperatorSummary operator={operator} />
            <AccountActions operator={operator} />
            <AccessForm operator={operator} />
            {operator.staff ? <StaffProfileForm operator={{ ...operator, staff: operator.staff }} /> : null}
            <ProductPermissions operatorId={operator.id} />
          </Space>
        )}
      </QueryState>
    </Space>
  );
}

function OperatorSummary({ operator }: { operator: Operator }) {
  const { t } = useLanguage();
  const locked = operator.lockedUntil !== null && dayjs(operator.lockedUntil).isAfter(dayjs());
  const codes = (list: string[]) => (list.length === 0 ? '—' : list.join(', '));
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={t(m.id)}>
        <code>{operator.id}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t(m.name)}>{operator.name}</Descriptions.Item>
      <Descriptions.Item label={t(m.state)}>
        <Space size={4} wrap>
          <Tag color={operator.active ? '#237804' : '#595959'} data-testid="operator-state">
            {t(operator.active ? m.active : m.inactive)}
          </Tag>
          {locked && operator.lockedUntil ? (
            <Tag color="#a8071a">{fill(t(m.lockedUntil), { until: when(operator.lockedUntil) })}</Tag>
          ) : null}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t(m.failedLogins)}>{operator.failedLogins}</Descriptions.Item>
      <Descriptions.Item label={t(m.roles)}>
        <Space size={4} wrap>
          {operator.roles.map((r) => (
            <Tag key={r}>{t(roleLabel(r))}</Tag>
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t(m.businessHours)}>
        {operator.businessHours ?? t(m.anyTime)}
      </Descriptions.Item>
      <Descriptions.Item label={t(m.channels)}>{codes(operator.channels)}</Descriptions.Item>
      <Descriptions.Item label={t(m.outlets)}>{codes(operator.outlets)}</Descriptions.Item>
      <Descriptions.Item label={t(m.staffSection)}>
        {operator.staff
          ? `${operator.staff.outletCode} · ${operator.staff.skills.join(', ') || '—'} · ${t(
              operator.staff.active ? m.staffActive : m.inactive,
            )}`
          : t(m.noStaffProfile)}
      </Descriptions.Item>
      <Descriptions.Item label={t(m.createdAt)}>{when(operator.createdAt)}</Descriptions.Item>
    </Descriptions>
  );
}
