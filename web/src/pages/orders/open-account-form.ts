import type { NamePath } from 'antd/es/form/interface';
import type { FieldError } from '../../api-client/client';
import type { IdType } from './messages';
import type { OpenAccountRequest } from './open-account-queries';

/**
 * The account-opening form as staff fill it, and how it becomes the API's `openAccount` request. Field names
 * follow the request's own structure (`customer.idNumber`, `payment.cardNo`…), so a field the API refuses
 * (`details[].path`) is the form field of the same name.
 */
export interface OpenAccountForm {
  customer: {
    kind: 'individual' | 'enterprise';
    name?: string;
    idType?: IdType;
    idNumber?: string;
    address?: string;
    contactPhone?: string;
    unitCertificateNo?: string;
    businessLicenceNo?: string;
    agent?: { name?: string; idType?: IdType; idNumber?: string };
  };
  /** An individual may come through an agent; an enterprise always does. */
  withAgent?: boolean;
  numberChoice: 'system' | 'choose';
  msisdn?: string;
  productCode?: string;
  internationalRoaming?: boolean;
  servicePassword?: string;
  payment: {
    method: 'cash' | 'bankCard' | 'corporateAccount';
    cardNo?: string;
    holderIdNumber?: string;
    bankAccountNo?: string;
    sealCardNo?: string;
  };
}

export const initialOpenAccountForm: OpenAccountForm = {
  customer: { kind: 'individual', idType: 'idCard' },
  numberChoice: 'system',
  internationalRoaming: false,
  payment: { method: 'cash' },
};

const text = (v: string | undefined) => (v ?? '').trim();

/**
 * The request the form stands for. Whatever antd's required rules let through goes to the API as typed:
 * the API's schema is the one judge of a field, and answers each refusal by its path (OPEN-3).
 * `withPassword: false` leaves the service password out (a quote needs no password).
 */
export function openAccountRequestOf(
  form: OpenAccountForm,
  { withPassword }: { withPassword: boolean },
): OpenAccountRequest {
  const c = form.customer;
  const agent =
    c.kind === 'enterprise' || form.withAgent
      ? {
          name: text(c.agent?.name),
          idType: c.agent?.idType ?? 'idCard',
          idNumber: text(c.agent?.idNumber),
        }
      : undefined;
  const customer: OpenAccountRequest['customer'] =
    c.kind === 'enterprise'
      ? {
          kind: 'enterprise',
          name: text(c.name),
          unitCertificateNo: text(c.unitCertificateNo),
          businessLicenceNo: text(c.businessLicenceNo),
          address: text(c.address),
          contactPhone: text(c.contactPhone),
          agent: agent ?? { name: '', idType: 'idCard', idNumber: '' },
        }
      : {
          kind: 'individual',
          name: text(c.name),
          idType: c.idType ?? 'idCard',
          idNumber: text(c.idNumber),
          address: text(c.address),
          contactPhone: text(c.contactPhone),
          ...(agent ? { agent } : {}),
        };
  const p = form.payment;
  const payment: OpenAccountRequest['payment'] =
    p.method === 'bankCard'
      ? { method: 'bankCard', cardNo: text(p.cardNo), holderIdNumber: text(p.holderIdNumber) }
      : p.method === 'corporateAccount'
        ? { method: 'corporateAccount', bankAccountNo: text(p.bankAccountNo), sealCardNo: text(p.sealCardNo) }
        : { method: 'cash' };
  const password = text(form.servicePassword);
  return {
    type: 'openAccount',
    customer,
    ...(form.numberChoice === 'choose' && form.msisdn ? { msisdn: form.msisdn } : {}),
    productCode: form.productCode ?? '',
    internationalRoaming: form.internationalRoaming ?? false,
    ...(withPassword && password ? { servicePassword: password } : {}),
    payment,
  };
}

/**
 * The dotted form field an API refusal names: `details[].path` as `body.customer.idNumber`,
 * `customer/idNumber` or `customer.idNumber` all name `customer.idNumber`. A refusal of a choice (e.g. a
 * corporate account for an individual, on `payment.method`) lands on the field it names.
 */
export function fieldOf(error: FieldError): string {
  const parts = error.path.split(/[./]/).filter(Boolean);
  return (parts[0] === 'body' ? parts.slice(1) : parts).join('.');
}

/** The antd name of a dotted field that `visibleFieldPaths` lists (so it is one of the form's fields). */
export function formNameOf(field: string): NamePath<OpenAccountForm> {
  return field.split('.') as unknown as NamePath<OpenAccountForm>;
}

/** The fields the form shows now (by what is chosen): a refusal of any other is listed above the buttons. */
export function visibleFieldPaths(form: OpenAccountForm): Set<string> {
  const enterprise = form.customer.kind === 'enterprise';
  const paths = ['customer.kind', 'customer.name', 'customer.address', 'customer.contactPhone'];
  paths.push(
    ...(enterprise
      ? ['customer.unitCertificateNo', 'customer.businessLicenceNo']
      : ['customer.idType', 'customer.idNumber']),
  );
  if (enterprise || form.withAgent)
    paths.push('customer.agent.name', 'customer.agent.idType', 'customer.agent.idNumber');
  if (form.numberChoice === 'choose') paths.push('msisdn');
  paths.push('productCode', 'internationalRoaming', 'servicePassword', 'payment.method');
  if (form.payment.method === 'bankCard') paths.push('payment.cardNo', 'payment.holderIdNumber');
  if (form.payment.method === 'corporateAccount') paths.push('payment.bankAccountNo', 'payment.sealCardNo');
  return new Set(paths);
}
