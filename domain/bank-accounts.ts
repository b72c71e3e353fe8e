import type { ErrorCode } from './errors';

/**
 * REQ: OPEN-5 — a bank account is verified with its bank before it is used (source §6.1.3: "营销代表应致电开户银行
 * 证实帐号的真实性"): a private account (银行卡/存折) by its holder's ID number, a corporate account (对公帐号) by the
 * unit certificate, business licence and seal card (印鉴卡) of the unit that holds it. One check serves every
 * business that takes money from, or sets up collection (托收) on, an account.
 */
export type BankAccountCheck =
  | { kind: 'card'; accountNo: string; holderIdNumber: string }
  | {
      kind: 'corporate';
      accountNo: string;
      unitCertificateNo: string;
      businessLicenceNo: string;
      sealCardNo: string;
    };

/** Why the bank did not vouch for an account. */
export const bankAccountRefusals = [
  'unknownAccount',
  'wrongKind',
  'holderMismatch',
  'unitCertificateMismatch',
  'businessLicenceMismatch',
  'sealCardMismatch',
] as const;
export type BankAccountRefusal = (typeof bankAccountRefusals)[number];

export type BankAccountVerification = { valid: true } | { valid: false; reason: BankAccountRefusal };

const refusalText: Record<BankAccountRefusal, string> = {
  unknownAccount: 'the bank has no such account',
  wrongKind: 'the bank holds it as another kind of account',
  holderMismatch: "the holder's ID number is not the one the bank has for the account",
  unitCertificateMismatch: 'the unit certificate is not the one the bank has for the account',
  businessLicenceMismatch: 'the business licence is not the one the bank has for the account',
  sealCardMismatch: 'the seal card is not the one the bank has for the account',
};

/** The codes an order ends `rejected` with when the bank does not vouch for the account. */
export const bankAccountRefusalCodes = [
  'BankCardHolderMismatch',
  'BankCardNotVerified',
  'CorporateAccountNotVerified',
] as const satisfies readonly ErrorCode[];

/**
 * What staff read when the bank refused the account: a stable code and a message naming what did not match.
 * Only the account's last four digits are shown.
 */
export function bankAccountRefusal(
  check: Pick<BankAccountCheck, 'kind' | 'accountNo'>,
  reason: BankAccountRefusal,
): { code: (typeof bankAccountRefusalCodes)[number]; message: string } {
  const account = `…${check.accountNo.slice(-4)}`;
  if (check.kind === 'corporate') {
    return {
      code: 'CorporateAccountNotVerified',
      message: `The bank did not verify corporate account ${account}: ${refusalText[reason]} (${reason})`,
    };
  }
  return {
    code: reason === 'holderMismatch' ? 'BankCardHolderMismatch' : 'BankCardNotVerified',
    message: `The bank did not verify card ${account}: ${refusalText[reason]} (${reason})`,
  };
}
