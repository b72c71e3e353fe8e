import { Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading';
import { useLanguage } from '../../i18n/language';
import { groupMessages as m } from './messages';

/** Group customers (集团客户, REQ: GRP-1): a group code opens the group. */
export default function GroupsPage() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  return (
    <Card>
      <PageHeading variant="form" title={t(m.groupsTitle)} intro={t(m.groupsIntro)} />
      <Form<{ q: string }>
        layout="inline"
        role="search"
        aria-label={t(m.groupsTitle)}
        onFinish={({ q }) => void navigate(`/groups/${q.trim()}`)}
      >
        <Form.Item
          name="q"
          label={t(m.groupCode)}
          rules={[{ required: true, pattern: /^\s*\d{10}\s*$/, message: t(m.searchHelp) }]}
        >
          <Input inputMode="numeric" maxLength={12} autoFocus style={{ width: 220 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t(m.openGroup)}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
