/**
 * REQ: GRP-6 — the member batch files as the console handles them in the browser: a first look at the file
 * staff chose (before it is uploaded; the API checks it again), the template to fill in, and the per-row
 * results saved as CSV. RFC 4180: comma-separated, quoted where needed, CRLF line ends; the saved files start
 * with a byte-order mark so spreadsheet programs read the Chinese reasons as UTF-8.
 */

/** The attribute codes of a product's member specification, as the header names them. */
export interface MemberSpecLike {
  attributes: readonly { code: string }[];
}

/** What the console tells staff about a chosen file before it is uploaded. */
export type MemberFilePreview =
  { ok: true; columns: string[]; rowCount: number } | { ok: false; problem: MemberFileProblem };

export type MemberFileProblem =
  | { kind: 'notUtf8' }
  | { kind: 'unreadable'; line: number }
  | { kind: 'empty' }
  | { kind: 'noMsisdn' }
  | { kind: 'unknownColumn'; column: string }
  | { kind: 'noRows' };

/** One row of a batch's results as the API lists it. */
export interface BatchResultRow {
  rowNo: number;
  msisdn: string;
  result: string;
  reasonCode: string | null;
  reason: string | null;
}

const BOM = '\uFEFF';
const MSISDN = 'msisdn';

/**
 * Reads the chosen file's bytes as the API will: UTF-8 only (a file saved as GBK is told apart now rather
 * than refused after the upload), a byte-order mark dropped.
 */
export function decodeMemberFile(bytes: ArrayBuffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A first look at a member file: its columns against the member specification and how many members it has. */
export function previewMemberFile(text: string | null, memberSpec: MemberSpecLike): MemberFilePreview {
  if (text === null) return { ok: false, problem: { kind: 'notUtf8' } };
  const parsed = parseCsv(text.startsWith(BOM) ? text.slice(1) : text);
  if (!parsed.ok) return { ok: false, problem: { kind: 'unreadable', line: parsed.line } };
  const [header, ...rows] = parsed.records.filter((r) => r.some((f) => f.trim() !== ''));
  if (!header) return { ok: false, problem: { kind: 'empty' } };
  const known = new Set([MSISDN, ...memberSpec.attributes.map((a) => a.code.toLowerCase())]);
  const columns = header.map((c) => c.trim());
  const unknown = columns.find((c) => !known.has(c.toLowerCase()));
  if (unknown !== undefined) return { ok: false, problem: { kind: 'unknownColumn', column: unknown } };
  if (!columns.some((c) => c.toLowerCase() === MSISDN)) return { ok: false, problem: { kind: 'noMsisdn' } };
  if (rows.length === 0) return { ok: false, problem: { kind: 'noRows' } };
  return { ok: true, columns, rowCount: rows.length };
}

/** The file staff fill in: the header the product takes and one example row. */
export function memberTemplateCsv(memberSpec: MemberSpecLike, example: readonly string[]): string {
  return BOM + toCsv([[MSISDN, ...memberSpec.attributes.map((a) => a.code)], [...example]]);
}

/** A batch's per-row results as a CSV file: the reason in Chinese and in English, each in its own column. */
export function batchResultsCsv(rows: readonly BatchResultRow[]): string {
  const header = ['rowNo', 'msisdn', 'result', 'reasonCode', 'reasonZh', 'reasonEn'];
  const lines = rows.map((row) => {
    const reason = splitReason(row.reason);
    return [String(row.rowNo), row.msisdn, row.result, row.reasonCode ?? '', reason.zh, reason.en];
  });
  return BOM + toCsv([header, ...lines]);
}

/**
 * A row's reason as the API gives it, "中文原因 — English detail", in its two languages. A reason without the
 * separator is shown as it is in both.
 */
export function splitReason(reason: string | null): { zh: string; en: string } {
  if (!reason) return { zh: '', en: '' };
  const at = reason.indexOf(' — ');
  if (at < 0) return { zh: reason, en: reason };
  return { zh: reason.slice(0, at).trim(), en: reason.slice(at + 3).trim() };
}

/** Rows as CSV text: fields quoted when they hold a comma, quote or line break; CRLF after every row. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/**
 * One field. A field a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first: the uploaded
 * numbers and names are anyone's text) gets a leading apostrophe, so it is shown, never run.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180 records: comma-separated fields, CRLF or LF line ends, quoted fields holding commas, line breaks
 * and doubled quotes. A quote left open makes the file unreadable (the line it opened on is given).
 */
export function parseCsv(text: string): { ok: true; records: string[][] } | { ok: false; line: number } {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  const endRecord = () => {
    fields.push(field);
    records.push(fields);
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRecord();
    } else {
      field += ch;
    }
  }
  if (quoted) return { ok: false, line: quoteLine };
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}
