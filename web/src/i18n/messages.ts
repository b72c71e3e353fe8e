/**
 * Every text staff read, in both languages. Keys are English codes; a screen adds its own block here or in
 * a `messages.ts` beside it (merged by `defineMessages`). Customers' own words are never translated.
 */
export interface Bilingual {
  zh: string;
  en: string;
}

export function defineMessages<const T extends Record<string, Bilingual>>(messages: T): T {
  return messages;
}

export const common = defineMessages({
  appTitle: { zh: '营业受理与工单', en: 'Orders and work orders' },
  language: { zh: 'English', en: '中文' },
  languageSwitch: { zh: '切换到英文', en: 'Switch to Chinese' },
  signOut: { zh: '退出', en: 'Sign out' },
  loading: { zh: '加载中…', en: 'Loading…' },
  empty: { zh: '暂无数据', en: 'Nothing here yet' },
  retry: { zh: '重试', en: 'Retry' },
  errorTitle: { zh: '出错了', en: 'Something went wrong' },
  notFound: { zh: '页面不存在', en: 'Page not found' },
  backHome: { zh: '返回首页', en: 'Back to the start page' },
  submit: { zh: '提交', en: 'Submit' },
  cancel: { zh: '取消', en: 'Cancel' },
  search: { zh: '查询', en: 'Search' },
  reset: { zh: '重置', en: 'Reset' },
  requestId: { zh: '请求编号', en: 'Request ID' },
  networkError: { zh: '无法连接服务器，请稍后重试', en: 'The server cannot be reached; try again shortly' },
  sessionExpired: { zh: '登录已失效，请重新登录', en: 'Your session has ended; please sign in again' },
});

/** The label of a code, or the code itself in both languages when it has none (codes stay English). */
export function labelFor(labels: Readonly<Record<string, Bilingual>>, code: string): Bilingual {
  return labels[code] ?? { zh: code, en: code };
}
