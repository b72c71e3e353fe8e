import { defineMessages, type Bilingual } from '../../i18n/messages';

/** Labels of the field groups many order forms share: identity, payment, customer. */
export const fieldMessages = defineMessages({
  reason: { zh: '原因', en: 'Reason' },
  idType: { zh: '证件类型', en: 'ID type' },
  idNumber: { zh: '证件号码', en: 'ID number' },
  identityTitle: { zh: '机主证件', en: "Holder's identity" },
  identityOptional: {
    zh: '挂失后复机须出示机主证件',
    en: "Resuming after a loss report needs the holder's identity",
  },
  originalShown: { zh: '已核验证件原件', en: 'Original document seen' },
  paymentMethod: { zh: '付款方式', en: 'Payment' },
  cardNo: { zh: '银行卡号', en: 'Card number' },
  holderIdNumber: { zh: '帐户户主身份证号', en: "Account holder's ID number" },
  bankAccountNo: { zh: '对公帐号', en: 'Corporate account number' },
  sealCardNo: { zh: '印鉴卡号', en: 'Seal card number' },
  amountYuan: { zh: '金额（元）', en: 'Amount (yuan)' },
  newMsisdn: { zh: '新号码（留空由系统选号）', en: 'New number (leave empty to have one picked)' },
  swapReason: { zh: '换卡原因', en: 'Reason for the new SIM' },
  name: { zh: '姓名', en: 'Name' },
  address: { zh: '地址', en: 'Address' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
  servicePassword: { zh: '新服务密码（6 位数字）', en: 'New service password (6 digits)' },
  kind: { zh: '客户类型', en: 'Customer type' },
  individual: { zh: '个人', en: 'Individual' },
  enterprise: { zh: '单位', en: 'Enterprise' },
  unitCertificateNo: { zh: '单位证件号码', en: 'Unit certificate number' },
  businessLicenceNo: { zh: '营业执照号码', en: 'Business licence number' },
  agentName: { zh: '经办人姓名', en: "Agent's name" },
  agentIdType: { zh: '经办人证件类型', en: "Agent's ID type" },
  agentIdNumber: { zh: '经办人证件号码', en: "Agent's ID number" },
});

export const idTypeLabels: Record<string, Bilingual> = {
  idCard: { zh: '居民身份证', en: 'Resident ID card' },
  temporaryIdCard: { zh: '临时身份证', en: 'Temporary ID card' },
  drivingLicence: { zh: '驾驶证', en: 'Driving licence' },
  passport: { zh: '护照', en: 'Passport' },
};

export const paymentMethodLabels: Record<string, Bilingual> = {
  cash: { zh: '现金', en: 'Cash' },
  bankCard: { zh: '银行卡', en: 'Bank card' },
  corporateAccount: { zh: '对公帐号', en: 'Corporate account' },
};
