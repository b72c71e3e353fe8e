import type { Customer } from '../../domain/open-account';
import { configSchema, workflowSettings, type AppConfig } from '../../temporal.config';
import type { SettingsBusiness, SettingsOf } from '../../domain/workflow-settings';
import type { SimulatorsControl } from '../../simulators/control';

/** A complete individual customer as staff would key it in at the counter. */
export const sampleIndividual: Extract<Customer, { kind: 'individual' }> = {
  kind: 'individual',
  name: '张三',
  idType: 'idCard',
  idNumber: '110101199003071234',
  address: '北京市西城区西单北大街 1 号',
  contactPhone: '13900000000',
};

/** A complete enterprise customer (单位客户) with its agent (REQ: OPEN-3). */
export const sampleEnterprise: Extract<Customer, { kind: 'enterprise' }> = {
  kind: 'enterprise',
  name: '北京某某科技有限公司',
  unitCertificateNo: 'UC-20240001',
  businessLicenceNo: '91110000MA01ABCD1X',
  address: '北京市海淀区中关村大街 1 号',
  contactPhone: '01088886666',
  agent: { name: '李四', idType: 'idCard', idNumber: '110101198501011234' },
};

/**
 * REQ: OPEN-5 — a bank-card payment of `holderIdNumber` (by default the sample individual's), the card opened
 * at the simulated bank for that holder so its verification passes.
 */
export async function verifiedCardPayment(
  sim: Pick<SimulatorsControl, 'bank'>,
  cardNo: string,
  holderIdNumber: string = sampleIndividual.idNumber,
): Promise<Record<string, unknown>> {
  await sim.bank.openAccount(cardNo, { kind: 'card', holderIdNumber });
  return { method: 'bankCard', cardNo, holderIdNumber };
}

/** A complete, valid account-opening body (the system picks the number); override what a case is about. */
export function openAccountBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'openAccount',
    customer: sampleIndividual,
    productCode: 'VOICE-58',
    internationalRoaming: false,
    payment: { method: 'cash' },
    ...overrides,
  };
}

/** A business's workflow settings as the API would pass them, with short step timeouts for tests. */
export function testWorkflowSettings<B extends SettingsBusiness>(
  business: B,
  overrides: Partial<Record<keyof AppConfig, string>> = {},
): SettingsOf<B> {
  return workflowSettings(
    configSchema.parse({ STEP_TIMEOUT_SECONDS: '5', STEP_MAX_ATTEMPTS: '2', ...overrides }),
    business,
  );
}

/** A complete port-in body (REQ: MNP-2) of the sample individual for a number of another operator; override what a case is about. */
export function portInBody(msisdn: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'portIn',
    msisdn,
    donorOperator: 'China Telecom',
    authorizationCode: 'AB12CD',
    customer: sampleIndividual,
    agreementSigned: true,
    channel: 'store',
    productCode: 'VOICE-58',
    payment: { method: 'cash' },
    ...overrides,
  };
}
