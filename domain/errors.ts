/**
 * Stable error codes (English, PascalCase) with the HTTP status the API answers and a sentence staff read in
 * Chinese. Activities throw failures with these codes as their `type`; the API maps them in one place.
 */
export const errorCatalogue = {
  ValidationFailed: { status: 400, zh: '请求内容不符合规则' },
  IdempotencyKeyRequired: { status: 400, zh: '缺少幂等键（Idempotency-Key 请求头）' },
  IdempotencyKeyReused: { status: 409, zh: '该幂等键已用于另一笔不同内容的订单' },
  Unauthenticated: { status: 401, zh: '未登录或登录已失效' },
  InvalidCredentials: { status: 401, zh: '接口编码、工号或密码不正确' },
  InvalidSignature: { status: 401, zh: '回调签名无效' },
  AccountLocked: { status: 403, zh: '工号因多次密码错误已被锁定，请稍后再试' },
  RateLimited: { status: 429, zh: '请求过于频繁，请稍后再试' },
  ChannelNotAllowed: { status: 403, zh: '该工号无权在此渠道办理业务' },
  RoleNotAllowed: { status: 403, zh: '该工号的角色无权办理此业务' },
  NotFound: { status: 404, zh: '未找到' },
  OrderNotFound: { status: 404, zh: '订单不存在' },
  ProductNotFound: { status: 422, zh: '产品不存在' },
  IncompleteCustomerData: { status: 422, zh: '客户资料不完整' },
  NumberUnavailable: { status: 409, zh: '号码不可用（已被占用或不存在）' },
  NoNumberAvailable: { status: 409, zh: '号池中暂无可用号码' },
  SimUnavailable: { status: 409, zh: '暂无可用的 SIM 卡' },
  PreemptionExpired: { status: 409, zh: '资源预占已超时失效' },
  PaymentDeclined: { status: 402, zh: '支付被拒绝' },
  ProvisioningFailed: { status: 502, zh: '开通（HLR/HSS）失败' },
  PastPointOfNoReturn: { status: 409, zh: '订单已进入不可撤销阶段，不能撤单' },
  OrderAlreadyClosed: { status: 409, zh: '订单已结束，不能撤单' },
  CancelInProgress: { status: 409, zh: '撤单正在处理中' },
  SubscriberNotFound: { status: 404, zh: '号码未开户或不存在' },
  SubscriberNotActive: { status: 409, zh: '号码当前状态不允许办理该业务' },
  AgentNotAllowed: { status: 422, zh: '个人用户须本人亲临办理，不能由他人代办' },
  OriginalIdRequired: { status: 422, zh: '须出示身份证件原件' },
  IdentityMismatch: { status: 422, zh: '证件与机主资料不符' },
  AgentRequired: { status: 422, zh: '单位用户须由经办人办理' },
  EnterpriseDocumentsRequired: { status: 422, zh: '单位用户须提供单位证明和营业执照正本' },
  IdentityVerificationRequired: { status: 422, zh: '须先核验机主身份' },
  InsufficientBalance: { status: 409, zh: '账户余额不足' },
  NotOurNumber: { status: 422, zh: '该号码不是本网号码，无法办理携号转网' },
  TenureTooShort: { status: 422, zh: '号码入网时间未满规定天数，暂不能携号转网' },
  SuspendedForArrears: { status: 422, zh: '号码处于欠费停机状态，请先缴清欠费' },
  NotRealNameVerified: { status: 422, zh: '号码尚未完成实名认证' },
  ContractTermActive: { status: 422, zh: '号码仍在合约期内，合约到期前不能携号转网' },
  LocationRestricted: { status: 422, zh: '号码受归属地限制，不能携号转网' },
  InPreCancellationGrace: { status: 422, zh: '号码已预销号，处于保留期内，不能携号转网' },
  LineCancelled: { status: 422, zh: '号码已销号，不能携号转网' },
  PortingMaterialsIncomplete: { status: 422, zh: '携号转网材料不完整（证件、协议或上传材料缺失）' },
  DonorRejected: { status: 422, zh: '携出方运营商拒绝携号转网' },
  DonorNoAnswer: { status: 504, zh: '携出方运营商在规定时间内未答复携号转网申请' },
  ClearingSystemFailed: { status: 502, zh: '携号转网集中管理平台调用失败' },
  ProductPermissionRequired: { status: 403, zh: '没有该产品的权限，请找管理员授权' },
  GroupNotFound: { status: 404, zh: '集团客户不存在（请核对集团编码）' },
  GroupProductNotFound: { status: 422, zh: '集团产品不存在或已下架' },
  ContractNotFound: { status: 422, zh: '合同不存在或不属于该集团' },
  ContractExpired: { status: 422, zh: '集团合同已到期，请续签后再受理' },
  PayingAccountNotFound: { status: 422, zh: '付费账户不存在或不属于该集团' },
  OperatorNotFound: { status: 422, zh: '客户经理或订单提交人员的工号不存在' },
  TariffNotFound: { status: 422, zh: '资费包不存在或不属于该产品' },
  InvalidProductAttributes: { status: 422, zh: '产品参数不符合产品规格' },
  GroupProductAlreadyOrdered: { status: 409, zh: '该集团已订购此产品' },
  GroupProductNotActive: { status: 409, zh: '该集团未订购此产品，或产品不在正常使用状态' },
  GroupProductBusy: { status: 409, zh: '该集团产品有未完成的订单，请稍后再办理' },
  NotAwaitingApproval: { status: 409, zh: '订单当前不在待资费审核状态' },
  ApprovalRejected: { status: 422, zh: '资费审核未通过' },
  ApprovalTimedOut: { status: 504, zh: '资费审核超时未处理' },
  BbossRejected: { status: 422, zh: 'BBOSS 拒绝受理该集团产品订单' },
  BbossNoAnswer: { status: 504, zh: 'BBOSS 在规定时间内未答复' },
  AlreadyGroupMember: { status: 409, zh: '该号码已是该集团产品的成员' },
  NotGroupMember: { status: 404, zh: '该号码不是该集团产品的成员' },
  MemberNotInService: { status: 422, zh: '成员号码不是本网在用号码' },
  MemberRefusedByBboss: { status: 422, zh: 'BBOSS 拒绝该成员加入' },
  DuplicateInFile: { status: 422, zh: '文件中该号码重复出现' },
  InvalidCsv: { status: 400, zh: 'CSV 文件格式不正确' },
  BatchTooLarge: { status: 422, zh: '批量文件行数超过上限' },
  BatchNotFound: { status: 404, zh: '批量任务不存在' },
  WorkOrderNotFound: { status: 404, zh: '工单不存在' },
  IllegalWorkOrderStep: { status: 409, zh: '工单当前状态不允许该操作' },
  NotAssignee: { status: 403, zh: '只有被派工的服务人员可以办理此步骤' },
  AlreadyGrabbed: { status: 409, zh: '工单已被他人抢单' },
  OutletNotFound: { status: 422, zh: '网点不存在或已停用' },
  StaffNotFound: { status: 422, zh: '服务人员不存在、已停用或不属于该网点' },
  AppointmentInPast: { status: 422, zh: '预约时间不能早于当前时间' },
  DispatchRuleNotFound: { status: 404, zh: '派工规则不存在' },
  InvalidDispatchRule: { status: 422, zh: '派工规则不合法' },
  DispatchRuleExists: { status: 409, zh: '派工规则编号已存在' },
  ServicePasswordRequired: { status: 422, zh: '须先验证客户服务密码' },
  ServicePasswordInvalid: { status: 422, zh: '服务密码验证失败' },
  CommitmentBeyondAuthority: { status: 422, zh: '承诺超出职权范围，不能受理；可升级至投诉处理流程' },
  NoResponseTeam: { status: 422, zh: '客户归属地市没有客响团队' },
  NotificationNotFound: { status: 404, zh: '通知不存在' },
  CustomerBlacklisted: { status: 403, zh: '该客户已列入黑名单，不能办理新业务' },
  CustomerNotFound: { status: 404, zh: '客户不存在' },
  CategoryNotFound: { status: 404, zh: '客户类别不存在' },
  CategoryExists: { status: 409, zh: '客户类别编码已存在' },
  CategoryCannotBeDeleted: { status: 409, zh: '客户类别只能新增和修改，不能删除' },
  CategoryAssignmentCannotBeDeleted: { status: 409, zh: '客户的类别只能结束（保留记录），不能删除' },
  CategoryNotAssigned: { status: 404, zh: '该客户当前没有此类别' },
  Unavailable: { status: 503, zh: '依赖的服务暂不可用' },
  InternalError: { status: 500, zh: '系统内部错误' },
} as const satisfies Record<string, { status: number; zh: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorCatalogue, value);

/** An error the API answers as `{ code, reason, message, details? }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return errorCatalogue[this.code].status;
  }
}
