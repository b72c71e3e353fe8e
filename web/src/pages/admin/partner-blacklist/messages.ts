import { defineMessages, type Bilingual } from '../../../i18n/messages';
import { idTypeLabels as personIdTypeLabels } from '../../../components/order-fields/messages';

/** The partner blacklist screen's texts (CUST-2, PRT-1, UI-1). */
export const blacklistMessages = defineMessages({
  title: { zh: '合作方黑名单', en: 'Partner blacklist' },
  intro: {
    zh: '信息交换合作方（银行、其他运营商）共享的黑名单：名单上的证件办理新业务时被拒绝；已有号码的业务不受影响。',
    en: 'Blacklists shared by information-exchange partners (banks, other operators): an identity listed is refused new business; lines it has are served as before.',
  },
  record: { zh: '登记黑名单', en: 'Record a blacklisting' },
  recordIntro: {
    zh: '按合作方的通知登记证件；同一合作方重复登记不会改变已有记录。',
    en: 'Record an identity as a partner reports it; recording one the partner already lists changes nothing.',
  },
  idType: { zh: '证件类型', en: 'ID type' },
  idNumber: { zh: '证件号码', en: 'ID number' },
  partner: { zh: '合作方', en: 'Partner' },
  reason: { zh: '原因', en: 'Reason' },
  listedAt: { zh: '登记时间', en: 'Listed' },
  save: { zh: '登记', en: 'Record' },
  recorded: { zh: '已登记 {id}', en: '{id} recorded' },
  empty: { zh: '黑名单为空', en: 'The blacklist is empty' },
  total: { zh: '共 {total} 条', en: '{total} in all' },
  listTitle: { zh: '名单', en: 'Listings' },
});

export const idTypeLabels: Record<string, Bilingual> = {
  ...personIdTypeLabels,
  unitCertificate: { zh: '单位证件', en: 'Unit certificate' },
};
