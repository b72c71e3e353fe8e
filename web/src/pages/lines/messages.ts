import { defineMessages, type Bilingual } from '../../i18n/messages';

/** Texts of the line lookup and the line page (号码业务). */
export const lineMessages = defineMessages({
  lookupTitle: { zh: '号码业务', en: 'Line services' },
  lookupHint: {
    zh: '输入客户的手机号码，查看号码状态并办理业务',
    en: "Enter the customer's mobile number to see the line and serve it",
  },
  msisdn: { zh: '手机号码', en: 'Mobile number' },
  msisdnRule: { zh: '请输入 11 位手机号码', en: 'Enter an 11-digit mobile number' },
  lookUp: { zh: '查询号码', en: 'Look up' },
  lineTitle: { zh: '号码', en: 'Line' },
  backToLookup: { zh: '查询其他号码', en: 'Look up another number' },
  notFound: { zh: '没有找到这个号码', en: 'No line with this number' },
  owner: { zh: '机主', en: 'Owner' },
  state: { zh: '号码状态', en: 'State' },
  product: { zh: '套餐', en: 'Product' },
  features: { zh: '已开通功能', en: 'Features' },
  noFeatures: { zh: '无', en: 'None' },
  balance: { zh: '余额', en: 'Balance' },
  openedAt: { zh: '开户时间', en: 'Opened' },
  grace: { zh: '预销号保留期', en: 'Pre-cancellation grace' },
  graceUntil: { zh: '保留期至', en: 'Grace ends' },
  openOrders: { zh: '在途订单', en: 'Open orders' },
  noOpenOrders: { zh: '没有在途订单', en: 'No open orders' },
  orderId: { zh: '订单号', en: 'Order' },
  orderType: { zh: '业务类型', en: 'Type' },
  orderStatus: { zh: '状态', en: 'Status' },
  createdAt: { zh: '受理时间', en: 'Taken' },
  actions: { zh: '办理业务', en: 'Services' },
  noActions: {
    zh: '该号码当前状态下没有可办理的业务',
    en: 'No service can be taken on this line in its current state',
  },
  submitted: { zh: '已受理', en: 'Taken' },
  viewOrder: { zh: '查看订单', en: 'Open the order' },
  failure: { zh: '失败原因', en: 'Reason' },
  featuresAdd: { zh: '开通功能', en: 'Switch on' },
  featuresRemove: { zh: '关闭功能', en: 'Switch off' },
  discountCode: { zh: '优惠代码（留空取消优惠）', en: 'Discount code (empty removes the discount)' },
  newOwner: { zh: '新机主', en: 'New owner' },
  // Pre-cancellation and its revocation (PC-1 … PC-6)
  preCancellation: { zh: '预销号', en: 'Pre-cancellation' },
  leavingReason: { zh: '离网原因', en: 'Reason for leaving' },
  retentionOffer: { zh: '挽留方案', en: 'Retention offer' },
  retentionAccepted: { zh: '客户接受挽留', en: 'Customer accepted the offer' },
  presentedBy: { zh: '办理人', en: 'Presented by' },
  holder: { zh: '机主本人', en: 'The holder' },
  agent: { zh: '代办人', en: 'An agent' },
  agentName: { zh: '代办人姓名', en: "Agent's name" },
  agentIdType: { zh: '代办人证件类型', en: "Agent's ID type" },
  agentIdNumber: { zh: '代办人证件号码', en: "Agent's ID number" },
  unitCertificateNo: { zh: '单位证件号码', en: 'Unit certificate number' },
  businessLicenceNo: { zh: '营业执照号码', en: 'Business licence number' },
  revoke: { zh: '撤销预销号', en: 'Revoke the pre-cancellation' },
  revokeHint: {
    zh: '保留期内机主可撤销预销号，恢复服务（须出示证件原件）',
    en: 'During the grace the holder may revoke it and have service restored (original ID needed)',
  },
  revokeReason: { zh: '撤销原因', en: 'Reason for revoking' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  // Port-out and MNP eligibility (MNP-1, MNP-5)
  portOut: { zh: '携号转出', en: 'Port out' },
  portOutHint: {
    zh: '授权码将以短信发送到机主手机，不在此显示',
    en: "The authorization code is texted to the holder's phone; it is never shown here",
  },
  codeWaiting: { zh: '正在生成并发送授权码…', en: 'Drawing and texting the authorization code…' },
  codeSent: {
    zh: '授权码已通过短信发送到机主手机',
    en: "The authorization code was texted to the holder's phone",
  },
  codeSentAt: { zh: '发送时间', en: 'Sent at' },
  codeExpiresAt: { zh: '有效期至', en: 'Valid until' },
  eligibility: { zh: '携号转网资格', en: 'MNP eligibility' },
  checkEligibility: { zh: '检查资格', en: 'Check eligibility' },
  eligible: { zh: '符合携号转网条件', en: 'The number may port out' },
  notEligible: { zh: '不符合携号转网条件', en: 'The number may not port out' },
});

export const featureLabels: Record<string, Bilingual> = {
  internationalRoaming: { zh: '国际漫游', en: 'International roaming' },
  voicemail: { zh: '语音信箱', en: 'Voicemail' },
  callForwarding: { zh: '呼叫转移', en: 'Call forwarding' },
  volte: { zh: '高清语音 VoLTE', en: 'VoLTE' },
  communicationAssistant: { zh: '通信助理', en: 'Communication assistant' },
};

export const swapReasonLabels: Record<string, Bilingual> = {
  damaged: { zh: '卡损坏（补卡）', en: 'Damaged (replacement)' },
  lost: { zh: '卡丢失（补卡）', en: 'Lost (replacement)' },
  upgrade: { zh: '升级换卡', en: 'Upgrade (swap)' },
};

/** The service-change order types (CHG-1, CHG-2) by their English codes. */
export const serviceChangeLabels: Record<string, Bilingual> = {
  changeNumber: { zh: '改号', en: 'Change number' },
  swapSim: { zh: '换卡/补卡', en: 'Swap SIM' },
  changeCustomerData: { zh: '客户资料修改', en: 'Change customer data' },
  transferOwnership: { zh: '过户', en: 'Transfer ownership' },
  suspend: { zh: '停机', en: 'Suspend' },
  resume: { zh: '复机', en: 'Resume' },
  reportLoss: { zh: '挂失', en: 'Report loss' },
  changeFeatures: { zh: '功能变更', en: 'Change features' },
  changeDiscount: { zh: '优惠变更', en: 'Change discount' },
  recharge: { zh: '充值', en: 'Recharge' },
  collectFee: { zh: '收通信费', en: 'Collect a fee' },
  refundFee: { zh: '退通信费', en: 'Refund a fee' },
  preCancellation: { zh: '预销号', en: 'Pre-cancellation' },
  portOut: { zh: '携号转出', en: 'Port out' },
  portIn: { zh: '携号转入', en: 'Port in' },
  openAccount: { zh: '开户', en: 'Open an account' },
};

/** A label for a code the console has no text for: the code itself, which stays English. */
export function labelOf(labels: Record<string, Bilingual>, code: string): Bilingual {
  return labels[code] ?? { zh: code, en: code };
}
