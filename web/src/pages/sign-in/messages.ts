import { defineMessages } from '../../i18n/messages';

/** The sign-in page's texts (UI-1, CH-2, CH-4). `{…}` marks a value filled in when shown. */
export const signInMessages = defineMessages({
  title: { zh: '登录', en: 'Sign in' },
  operatorId: { zh: '工号', en: 'Operator ID' },
  password: { zh: '密码', en: 'Password' },
  channelCode: { zh: '渠道接口编码', en: 'Channel code' },
  channelHint: {
    zh: '您所在渠道的接口编码，例如营业厅 STORE-BJ-001、10086 热线 CC-10086-BJ；上次使用的会自动填入',
    en: "Your channel's interface code, e.g. the store STORE-BJ-001 or the 10086 hotline CC-10086-BJ; the last one used is filled in",
  },
  outlet: { zh: '网点', en: 'Outlet' },
  outletHint: { zh: '请选择本次登录的网点', en: 'Choose the outlet you work at now' },
  signIn: { zh: '登录', en: 'Sign in' },
  required: { zh: '请填写{field}', en: 'Enter the {field}' },
  outletRequired: { zh: '请选择网点', en: 'Choose an outlet' },
  sessionExpired: { zh: '登录已失效，请重新登录', en: 'Your session has ended; please sign in again' },
  invalidCredentials: {
    zh: '渠道接口编码、工号或密码不正确',
    en: 'The channel code, operator ID or password is wrong',
  },
  accountLocked: {
    zh: '密码连续输错次数过多，该工号已锁定至 {until}，请届时再试或联系管理员解锁',
    en: 'Too many wrong passwords: this operator ID is locked until {until}. Try again then, or ask an administrator to unlock it',
  },
  outsideBusinessHours: {
    zh: '当前不在营业时间内（{window}），{opensAt} 起可以登录',
    en: 'Outside business hours ({window}); you can sign in from {opensAt}',
  },
  outsideBusinessHoursNoOpening: {
    zh: '当前不在营业时间内（{window}），营业时间设置有误，请联系管理员',
    en: 'Outside business hours ({window}); the hours are set wrongly, ask an administrator',
  },
  channelNotAllowed: {
    zh: '该工号不能通过此渠道登录，请核对渠道接口编码',
    en: 'This operator ID may not sign in through this channel; check the channel code',
  },
  outletNotAllowed: {
    zh: '该工号不属于所选网点，请从列表中选择您的网点',
    en: 'This operator ID does not work at the chosen outlet; choose one from the list',
  },
  outletNeeded: {
    zh: '该工号属于多个网点，请选择本次登录的网点后再登录',
    en: 'This operator ID works at several outlets; choose the one you work at now and sign in again',
  },
  rateLimited: {
    zh: '登录尝试过于频繁，请一分钟后再试',
    en: 'Too many sign-in attempts; wait a minute and try again',
  },
});
