import { defineMessages } from '../../../i18n/messages';

/** Texts of the new-work-order screen (WO-1, UI-1); categories and priorities are in ../messages.ts. */
export const createWorkOrderMessages = defineMessages({
  title: { zh: '新建工单', en: 'New work order' },
  intro: {
    zh: '为客户创建工单：先输入客户号码，填写问题和服务地址；提交后工单等待受理。',
    en: "Open a work order for a customer: the customer's number first, then the problem and where the work is; once submitted it waits to be accepted.",
  },
  escalated: {
    zh: '投诉升级：已按绿色通道被拒绝的承诺预先填写，请与客户核对后提交。',
    en: 'Complaint escalation: filled in from the refused green-channel request; check it with the customer and submit.',
  },
  workSection: { zh: '工单内容', en: 'The work' },
  category: { zh: '工单类别', en: 'Category' },
  description: { zh: '问题描述', en: 'Description' },
  dispatchSection: { zh: '派工依据（可选）', en: 'For dispatching (optional)' },
  territory: { zh: '区域', en: 'Territory' },
  territoryHint: {
    zh: '工单所在区域，例如 Xicheng；派工规则按区域匹配网点',
    en: 'Where the work is, e.g. Xicheng; dispatch rules match territories to outlets',
  },
  requiredSkill: { zh: '所需技能', en: 'Skill needed' },
  requiredSkillHint: {
    zh: '例如 broadband、fiber、terminal；派工规则按技能匹配服务人员',
    en: 'E.g. broadband, fiber, terminal; dispatch rules match skills to staff',
  },
  submit: { zh: '提交工单', en: 'Create the work order' },
});
