import type { NumberKind, ResourceType } from './resources';
import { iccidSchema, imsiSchema, numberKindSchema, segmentOf } from './resources';

/**
 * REQ: RES-1 — the stock-in files (入库文件): one header row, then one number or one SIM card per row. Pure
 * row checks, shared by the upload (which rejects malformed rows and duplicates in the file at once) and the
 * stock-in workflow (which stocks the rest). Values are digits, so a field is never quoted around a comma;
 * surrounding spaces and double quotes are dropped.
 */

/** The columns of each format, in order; trailing optional columns may be left out of the header. */
export const stockCsvColumns: Record<ResourceType, readonly string[]> = {
  numbers: ['number', 'kind', 'segment'],
  sims: ['iccid', 'imsi', 'capacityKb'],
};

/** Columns the header must have at least. */
const requiredColumns: Record<ResourceType, number> = { numbers: 1, sims: 2 };

export interface StockNumber {
  number: string;
  kind: NumberKind;
  /** mobile: the first 7 digits (号段); other kinds: the kind's name. */
  segment: string;
}

export interface StockSim {
  iccid: string;
  imsi: string;
  capacityKb: number | null;
}

/** A row's verdict: the item with the keys that must be unique, or the reason it is rejected. */
export type RowCheck<T> =
  { ok: true; item: T; keys: readonly [string, string | null] } | { ok: false; reason: string };

/** Why a rejected row was rejected: the Chinese reason staff read, then the column and the rule. */
export const rowReason = {
  malformed: (column: string, rule: string) => `格式不正确 — ${column}: ${rule}`,
  segmentMismatch: (segment: string, number: string) =>
    `号段不一致 — segment: ${segment} must equal the first 7 digits of number ${number} (${segmentOf(number)})`,
  duplicateInFile: (column: string, value: string, firstRow: number | string) =>
    `文件内重复 — ${column}: ${value} already appears in row ${firstRow}`,
  alreadyInStock: (column: string, value: string) => `已在库 — ${column}: ${value} is already in stock`,
};

/** Splits one CSV line into trimmed fields without surrounding quotes. */
export function splitCsvLine(line: string): string[] {
  return line.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}

/** The header's columns, or why it is not a header of this format. */
export function checkHeader(
  resourceType: ResourceType,
  line: string,
): { ok: true; columns: number } | { ok: false; problem: string } {
  const expected = stockCsvColumns[resourceType];
  const got = splitCsvLine(line.replace(/^\uFEFF/, ''));
  const matches =
    got.length >= requiredColumns[resourceType] &&
    got.length <= expected.length &&
    got.every((c, i) => c === expected[i]);
  if (matches) return { ok: true, columns: got.length };
  const full = expected.join(',');
  return {
    ok: false,
    problem: `body: the header row must be "${full}" (trailing optional columns may be left out), got "${line.slice(0, 80)}"`,
  };
}

const mobilePattern = /^1\d{10}$/;
const smsPortPattern = /^106\d{5,17}$/;
const accessPattern = /^\d{3,8}$/;

/** REQ: RES-1, RES-5 — a number row: `number,kind,segment`. */
export function checkNumberRow(fields: readonly string[]): RowCheck<StockNumber> {
  const [number = '', kindText = '', segment = ''] = fields;
  if (fields.length > stockCsvColumns.numbers.length) {
    return { ok: false, reason: rowReason.malformed('row', 'has more than 3 columns (number,kind,segment)') };
  }
  const kind = numberKindSchema.safeParse(kindText === '' ? 'mobile' : kindText);
  if (!kind.success) {
    return {
      ok: false,
      reason: rowReason.malformed('kind', `must be mobile, smsPort or access, got "${kindText}"`),
    };
  }
  switch (kind.data) {
    case 'mobile':
      if (!mobilePattern.test(number)) {
        return {
          ok: false,
          reason: rowReason.malformed('number', 'a mobile number must be 11 digits starting with 1'),
        };
      }
      if (segment !== '' && segment !== segmentOf(number)) {
        return { ok: false, reason: rowReason.segmentMismatch(segment, number) };
      }
      return { ok: true, item: { number, kind: 'mobile', segment: segmentOf(number) }, keys: [number, null] };
    case 'smsPort':
    case 'access': {
      const [pattern, rule] =
        kind.data === 'smsPort'
          ? [smsPortPattern, 'an SMS wholesale port must be 106 followed by 5 to 17 digits']
          : [accessPattern, 'an access number must be 3 to 8 digits'];
      if (!pattern.test(number)) return { ok: false, reason: rowReason.malformed('number', rule) };
      if (segment !== '') {
        return {
          ok: false,
          reason: rowReason.malformed('segment', `must be empty for a ${kind.data} number`),
        };
      }
      return { ok: true, item: { number, kind: kind.data, segment: kind.data }, keys: [number, null] };
    }
  }
}

/** REQ: RES-1, RES-5 — a SIM row: `iccid,imsi,capacityKb`. */
export function checkSimRow(fields: readonly string[]): RowCheck<StockSim> {
  const [iccid = '', imsi = '', capacity = ''] = fields;
  if (fields.length > stockCsvColumns.sims.length) {
    return {
      ok: false,
      reason: rowReason.malformed('row', 'has more than 3 columns (iccid,imsi,capacityKb)'),
    };
  }
  const iccidCheck = iccidSchema.safeParse(iccid);
  if (!iccidCheck.success) {
    return {
      ok: false,
      reason: rowReason.malformed('iccid', iccidCheck.error.issues[0]?.message ?? 'invalid'),
    };
  }
  const imsiCheck = imsiSchema.safeParse(imsi);
  if (!imsiCheck.success) {
    return {
      ok: false,
      reason: rowReason.malformed('imsi', imsiCheck.error.issues[0]?.message ?? 'invalid'),
    };
  }
  if (capacity !== '' && !/^[1-9]\d{0,6}$/.test(capacity)) {
    return {
      ok: false,
      reason: rowReason.malformed('capacityKb', 'must be a positive whole number of KB, e.g. 32'),
    };
  }
  return {
    ok: true,
    item: { iccid, imsi, capacityKb: capacity === '' ? null : Number(capacity) },
    keys: [iccid, imsi],
  };
}

/** Checks one data row of either format. */
export function checkStockRow(resourceType: ResourceType, line: string): RowCheck<StockNumber | StockSim> {
  const fields = splitCsvLine(line);
  return resourceType === 'numbers' ? checkNumberRow(fields) : checkSimRow(fields);
}

/** The names of a row's unique keys, for the duplicate reasons: number; iccid and imsi. */
export const keyColumns: Record<ResourceType, readonly [string, string | null]> = {
  numbers: ['number', null],
  sims: ['iccid', 'imsi'],
};
