import { Space } from 'antd';
import { PageHeading } from '../../../components/PageHeading';
import { useLanguage } from '../../../i18n/language';
import { numberMessages as m } from './messages';
import { OpenNumber } from './OpenNumber';

/** REQ: RES-3, RES-5 — find numbers in stock and open one. */
export default function NumbersPage() {
  const { t } = useLanguage();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.listTitle)} intro={t(m.listIntro)} />
      <OpenNumber />
    </Space>
  );
}
