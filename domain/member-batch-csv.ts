import { errorCatalogue } from './errors';
import { msisdnSchema } from './numbers';
import {
  attributeFromText,
  validateAttributes,
  type AttributeValues,
  type ProductSpec,
} from './product-spec';

/**
 * REQ: GRP-6 — a member batch file (成员批量导入): UTF-8 CSV (a byte-order mark is tolerated), a header row of
 * `msisdn` followed by member attribute codes of the product's member specification, then one member per
 * row. Fields may be quoted (`"…"`, a quote inside doubled); blank lines (or empty fields only) are skipped.
 * Problems of the file as a whole (no header, unknown column, no rows, too many rows) refuse the upload;
 * problems of one row reject only that row, so the rest of the batch goes ahead.
 */

/** Why a row is rejected before any member is added: reason codes only the upload gives. */
export const uploadRejectionCodes = [
  'ValidationFailed',
  'InvalidProductAttributes',
  'DuplicateInFile',
] as const;
export type UploadRejectionCode = (typeof uploadRejectionCodes)[number];

export interface BatchRowRejection {
  code: UploadRejectionCode;
  /** Chinese reason from the error catalogue, then the English rule. */
  reason: string;
}

export interface ParsedBatchRow {
  /** 1-based data row: the header is row 0 and blank lines are not counted. */
  rowNo: number;
  msisdn: string;
  attributes: AttributeValues;
  rejection: BatchRowRejection | null;
}

export type MemberBatchCsv =
  | { ok: true; columns: string[]; rows: ParsedBatchRow[] }
  | { ok: false; code: 'InvalidCsv' | 'BatchTooLarge'; message: string };

const MSISDN_COLUMN = 'msisdn';

/** Parses and checks a member batch file against the product's member specification. */
export function parseMemberBatchCsv(
  text: string,
  memberSpec: ProductSpec,
  options: { maxRows: number },
): MemberBatchCsv {
  const records = readCsvRecords(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (!records.ok) return { ok: false, code: 'InvalidCsv', message: records.message };
  const nonBlank = records.records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [header, ...data] = nonBlank;
  if (!header)
    return { ok: false, code: 'InvalidCsv', message: 'body: the file is empty; a header row is required' };

  const columns = readHeader(header.fields, memberSpec);
  if (!columns.ok) return { ok: false, code: 'InvalidCsv', message: columns.message };
  if (data.length === 0)
    return { ok: false, code: 'InvalidCsv', message: 'body: the file has a header but no member rows' };
  if (data.length > options.maxRows) {
    return {
      ok: false,
      code: 'BatchTooLarge',
      message: `body: the file has ${data.length} member rows; at most ${options.maxRows} are allowed per batch`,
    };
  }

  const specByCode = new Map(memberSpec.attributes.map((a) => [a.code, a]));
  const seen = new Set<string>();
  const rows = data.map((record, i): ParsedBatchRow => {
    const rowNo = i + 1;
    const cell = (c: number) => record.fields[c] ?? '';
    const msisdn = cell(columns.msisdnIndex).trim();
    const attributes: AttributeValues = {};
    columns.attributes.forEach(({ code, index }) => {
      const value = attributeFromText(specByCode.get(code), cell(index));
      if (value !== undefined) attributes[code] = value;
    });
    return {
      rowNo,
      msisdn,
      attributes,
      rejection: rowRejection(record, columns.count, msisdn, attributes, memberSpec),
    };
  });
  // Checked in file order, so the first of two rows with one number is the one that counts.
  for (const row of rows) {
    if (row.rejection?.code === 'ValidationFailed') continue;
    if (seen.has(row.msisdn)) {
      row.rejection = rejection(
        'DuplicateInFile',
        `msisdn: ${row.msisdn} already appears in an earlier row of the file`,
      );
    }
    seen.add(row.msisdn);
  }
  return { ok: true, columns: columns.names, rows };
}

/** REQ: GRP-6 — a batch's progress as staff read it: percent of rows with a result, to one decimal. */
export function batchPercent(processedRows: number, totalRows: number): number {
  return totalRows === 0 ? 100 : Math.round((processedRows * 1000) / totalRows) / 10;
}

/** What is wrong with one row on its own (its number, its attributes), if anything. */
function rowRejection(
  record: CsvRecord,
  columnCount: number,
  msisdn: string,
  attributes: AttributeValues,
  memberSpec: ProductSpec,
): BatchRowRejection | null {
  if (record.fields.length > columnCount) {
    return rejection(
      'ValidationFailed',
      `line ${record.line}: has ${record.fields.length} fields, the header has ${columnCount}`,
    );
  }
  const number = msisdnSchema.safeParse(msisdn);
  if (!number.success) {
    return rejection(
      'ValidationFailed',
      `msisdn: "${msisdn}" ${number.error.issues[0]?.message ?? 'is invalid'}`,
    );
  }
  const issues = validateAttributes(memberSpec, attributes, { path: 'attributes' });
  if (issues.length > 0) {
    return rejection('InvalidProductAttributes', issues.map((x) => `${x.path}: ${x.rule}`).join('; '));
  }
  return null;
}

function rejection(code: UploadRejectionCode, rule: string): BatchRowRejection {
  return { code, reason: `${errorCatalogue[code].zh} — ${rule}` };
}

interface HeaderColumns {
  ok: true;
  names: string[];
  count: number;
  msisdnIndex: number;
  attributes: { code: string; index: number }[];
}

/** The header names `msisdn` once and otherwise only member attributes (matched ignoring case). */
function readHeader(fields: string[], spec: ProductSpec): HeaderColumns | { ok: false; message: string } {
  const known = new Map(spec.attributes.map((a) => [a.code.toLowerCase(), a.code]));
  const names: string[] = [];
  const attributes: { code: string; index: number }[] = [];
  let msisdnIndex = -1;
  for (const [index, raw] of fields.entries()) {
    const name = raw.trim();
    const lower = name.toLowerCase();
    const code = lower === MSISDN_COLUMN ? MSISDN_COLUMN : known.get(lower);
    if (!code) {
      return {
        ok: false,
        message:
          `header: column ${index + 1} "${name}" is not a member attribute of this product; ` +
          `expected msisdn then any of: ${spec.attributes.map((a) => a.code).join(', ')}`,
      };
    }
    if (names.includes(code)) return { ok: false, message: `header: column "${code}" appears twice` };
    names.push(code);
    if (code === MSISDN_COLUMN) msisdnIndex = index;
    else attributes.push({ code, index });
  }
  if (msisdnIndex < 0)
    return { ok: false, message: 'header: the column "msisdn" (member number) is required' };
  return { ok: true, names, count: fields.length, msisdnIndex, attributes };
}

interface CsvRecord {
  /** The file line the record starts on (1-based), for messages. */
  line: number;
  fields: string[];
}

/**
 * RFC 4180 records: comma-separated fields, CRLF or LF line ends, quoted fields that may hold commas, line
 * breaks and doubled quotes. A quote left open, or text after a closing quote, makes the file unreadable.
 */
function readCsvRecords(text: string): { ok: true; records: CsvRecord[] } | { ok: false; message: string } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    recordLine = line;
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field.trim() === '') {
      const quoteLine = line;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) {
          return { ok: false, message: `line ${quoteLine}: a quoted field is not closed` };
        }
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        value += c;
        i++;
      }
      field = value;
      while (text[i] === ' ' || text[i] === '\t') i++;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        return { ok: false, message: `line ${line}: unexpected text after a closing quote` };
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRecord();
    } else {
      field += ch;
    }
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}
