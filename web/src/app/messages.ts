import { defineMessages } from '../i18n/messages';

/** The shell's texts: the frame around every signed-in screen (UI-1). */
export const shellMessages = defineMessages({
  skipToContent: { zh: '跳到主要内容', en: 'Skip to the main content' },
  mainMenu: { zh: '主菜单', en: 'Main menu' },
  signedInAs: { zh: '当前登录', en: 'Signed in' },
  channel: { zh: '渠道', en: 'Channel' },
  outlet: { zh: '网点', en: 'Outlet' },
  notAllowedTitle: { zh: '无权访问', en: 'Not allowed' },
  notAllowed: {
    zh: '您当前的角色和渠道不能使用此功能。如需使用，请联系管理员。',
    en: 'Your role and channel do not allow this screen. Ask an administrator if you need it.',
  },
  noScreens: {
    zh: '您当前的角色和渠道没有可用的功能，请联系管理员。',
    en: 'Your role and channel give you no screens here; ask an administrator.',
  },
  // REQ: WO-6 — the notices bell: its accessible name says how many are unread.
  unreadNotices: { zh: '未读通知 {n} 条', en: '{n} unread notices' },
  unreadNotice: { zh: '未读通知 {n} 条', en: '{n} unread notice' },
  noticesUnknown: { zh: '通知（未读数暂时读不到）', en: 'Notices (unread count not available)' },
});
