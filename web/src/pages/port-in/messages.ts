import { defineMessages } from '../../i18n/messages';

/** Texts of the port-in form (携号转入). */
export const portInMessages = defineMessages({
  title: { zh: '携号转入', en: 'Port in' },
  hint: {
    zh: '客户把其他运营商的号码转入本网：核验证件、签署协议，授权码由原运营商发给客户',
    en: "A customer brings a number from another operator: identity checked, agreement signed, the donor's code quoted",
  },
  msisdn: { zh: '转入号码', en: 'Number to bring in' },
  donorOperator: { zh: '原运营商', en: 'Donor operator' },
  authorizationCode: { zh: '授权码（6 位）', en: 'Authorization code (6 characters)' },
  customer: { zh: '客户', en: 'Customer' },
  agreementSigned: { zh: '客户已签署携号转网协议', en: 'The customer signed the porting agreement' },
  agreementRequired: { zh: '须签署携号转网协议', en: 'The porting agreement must be signed' },
  channel: { zh: '受理方式', en: 'Where the customer asks' },
  store: { zh: '营业厅', en: 'At a store' },
  online: { zh: '网上', en: 'Online' },
  documentUploads: {
    zh: '已上传材料（每行一个引用，网上办理必填）',
    en: 'Uploaded materials (one reference a line; required online)',
  },
  productCode: { zh: '套餐', en: 'Product' },
  submit: { zh: '提交携号转入', en: 'Submit the port-in' },
});
