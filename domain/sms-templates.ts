/**
 * Texts sent to customers by SMS (REQ: NOTIF-1), in Chinese and English. `{name}` placeholders are filled
 * from the message's parameters; a template names the parameters it needs.
 */
export const smsTemplates = {
  portOutAuthorizationCode: {
    zh: '您的携号转网授权码为 {code}，有效期至 {expiresAt}。请勿告知他人。',
    en: 'Your number-porting authorization code is {code}, valid until {expiresAt}. Do not share it.',
  },
  portOutCodeVoided: {
    zh: '您的号码 {msisdn} 的携号转网授权码因多次输入错误已作废，本次携号转网申请已终止。如需继续办理，请重新申请授权码。',
    en: 'The number-porting authorization code of {msisdn} was entered wrongly too many times and is void; this porting request has ended. To port your number, ask for a new code.',
  },
  preCancellationGraceEnded: {
    zh: '您的号码 {msisdn} 预销号保留期已满，服务继续停止。请于 {visitBy} 前携带有效证件原件到指定营业厅办理正式销号，多交的话费当场退还、欠费当场补交；逾期未办理的，系统将销号，余额可申请退还，欠费转交催缴。',
    en: 'The grace period of your pre-cancelled number {msisdn} has ended and service stays barred. Please come to a designated outlet with your original ID before {visitBy} to cancel it formally: any credit is refunded and any arrears paid there. If nobody comes, the system cancels the number, keeps any credit for you to claim and passes arrears to collection.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type SmsTemplate = keyof typeof smsTemplates;

/** The text of a message: Chinese first, then English; a missing parameter is an error, not a blank. */
export function renderSms(template: SmsTemplate, params: Record<string, string>): string {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`SMS template ${template} needs parameter ${name}`);
      return value;
    });
  const { zh, en } = smsTemplates[template];
  return `${fill(zh)}\n${fill(en)}`;
}
