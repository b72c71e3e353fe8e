import { describe, expect, it } from 'vitest';
import { hdjMemberSpec } from '../../db/seed-groups';
import { groupMemberAddSchema, groupMemberChangeSchema, groupMemberDeleteSchema } from '../../domain/groups';
import {
  memberAddRequest,
  memberChangeRequest,
  memberDeleteRequest,
} from '../../web/src/pages/groups/members/member-form';
import {
  batchResultsCsv,
  decodeMemberFile,
  memberTemplateCsv,
  parseCsv,
  previewMemberFile,
  splitReason,
  toCsv,
} from '../../web/src/pages/groups/members/member-csv';

const bytes = (text: string) => new TextEncoder().encode(text).buffer;

describe('the console reads a member batch file before uploading it', () => {
  it('UI-1 GRP-6: a UTF-8 file with a BOM, quoted fields and blank lines counts its member rows', () => {
    const text = decodeMemberFile(
      bytes(
        '\uFEFFmsisdn,displayName,role\r\n13900200001,"调度, 二号",dispatcher\r\n\r\n13900200002,司机,\r\n',
      ),
    );
    expect(previewMemberFile(text, hdjMemberSpec)).toEqual({
      ok: true,
      columns: ['msisdn', 'displayName', 'role'],
      rowCount: 2,
    });
  });

  it('UI-1 GRP-6: a file saved as GBK is told apart before the upload', () => {
    // "司机" in GBK: not valid UTF-8.
    const gbk = new Uint8Array([0x6d, 0x73, 0x69, 0x73, 0x64, 0x6e, 0x0a, 0xcb, 0xbe, 0xbb, 0xfa]).buffer;
    expect(decodeMemberFile(gbk)).toBeNull();
    expect(previewMemberFile(null, hdjMemberSpec)).toEqual({ ok: false, problem: { kind: 'notUtf8' } });
  });

  it('UI-1 GRP-6: a header without msisdn, an unknown column, no rows or an open quote is named', () => {
    const preview = (text: string) => previewMemberFile(text, hdjMemberSpec);
    expect(preview('displayName\n王\n')).toEqual({ ok: false, problem: { kind: 'noMsisdn' } });
    expect(preview('msisdn,nickname\n13900200001,王\n')).toEqual({
      ok: false,
      problem: { kind: 'unknownColumn', column: 'nickname' },
    });
    expect(preview('msisdn,displayName\n')).toEqual({ ok: false, problem: { kind: 'noRows' } });
    expect(preview('\n\n')).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(preview('msisdn,displayName\n13900200001,"王\n')).toEqual({
      ok: false,
      problem: { kind: 'unreadable', line: 2 },
    });
  });

  it('UI-1 GRP-6: quoted fields keep their commas, quotes and line breaks', () => {
    expect(parseCsv('a,"b,""c""\nd",e\nf')).toEqual({ ok: true, records: [['a', 'b,"c"\nd', 'e'], ['f']] });
  });
});

describe('the console saves CSV files built in the browser', () => {
  it('UI-1 GRP-6: fields with commas, quotes or line breaks are quoted and read back the same', () => {
    const rows = [
      ['rowNo', 'text'],
      ['1', '调度, 二号'],
      ['2', 'say "hi"'],
      ['3', 'two\nlines'],
      ['4', ' padded '],
    ];
    const csv = toCsv(rows);
    expect(csv).toBe('rowNo,text\r\n1,"调度, 二号"\r\n2,"say ""hi"""\r\n3,"two\nlines"\r\n4," padded "\r\n');
    expect(parseCsv(csv.replace(/\r\n$/, ''))).toEqual({ ok: true, records: rows });
  });

  it('UI-1 GRP-6: a field a spreadsheet would run as a formula is saved as text; negative numbers stay numbers', () => {
    expect(toCsv([['=HYPERLINK("x")', '@SUM(A1)', '+86139', '-3']])).toBe(
      `"'=HYPERLINK(""x"")",'@SUM(A1),'+86139,-3\r\n`,
    );
  });

  it('UI-1 GRP-6: the results file holds every row with its code and the reason in Chinese and English', () => {
    const csv = batchResultsCsv([
      { rowNo: 1, msisdn: '13900200001', result: 'accepted', reasonCode: null, reason: null },
      {
        rowNo: 2,
        msisdn: '139002000',
        result: 'rejected',
        reasonCode: 'ValidationFailed',
        reason: '请求参数不合法 — msisdn: "139002000" must be 11 digits',
      },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'rowNo,msisdn,result,reasonCode,reasonZh,reasonEn',
      '1,13900200001,accepted,,,',
      '2,139002000,rejected,ValidationFailed,请求参数不合法,"msisdn: ""139002000"" must be 11 digits"',
      '',
    ]);
  });

  it('UI-1 GRP-6: a reason without the language separator reads the same in both languages', () => {
    expect(splitReason('BBOSS 拒绝该成员加入 — BBOSS: quota (Q1)')).toEqual({
      zh: 'BBOSS 拒绝该成员加入',
      en: 'BBOSS: quota (Q1)',
    });
    expect(splitReason('no separator')).toEqual({ zh: 'no separator', en: 'no separator' });
    expect(splitReason(null)).toEqual({ zh: '', en: '' });
  });

  it('UI-1 GRP-6: the template names msisdn and every member attribute of the product', () => {
    expect(memberTemplateCsv(hdjMemberSpec, ['13900200001', '司机 001', 'member', '4'])).toBe(
      '\uFEFFmsisdn,displayName,role,priority\r\n13900200001,司机 001,member,4\r\n',
    );
  });
});

describe('the members screen makes the member orders the API takes', () => {
  const target = { groupCode: '1000000001', productCode: 'HDJ', msisdn: '13900200101' };

  it('UI-1 GRP-6: an add sends the number and the filled attributes, texts trimmed and cleared ones left out', () => {
    const body = memberAddRequest({ ...target, msisdn: ' 13900200101 ' }, hdjMemberSpec, {
      displayName: ' 司机 101 ',
      role: undefined,
      priority: 3,
    });
    expect(body).toEqual({
      type: 'groupMemberAdd',
      ...target,
      attributes: { displayName: '司机 101', priority: 3 },
    });
    expect(groupMemberAddSchema.safeParse(body).success).toBe(true);
  });

  it('UI-1 GRP-7: a change sends only the attributes altered, and nothing when none was', () => {
    const current = { displayName: '司机 101', role: 'member', priority: 3 };
    const body = memberChangeRequest(
      target,
      hdjMemberSpec,
      { displayName: '司机 101', role: 'dispatcher', priority: 3 },
      current,
    );
    expect(body).toEqual({ type: 'groupMemberChange', ...target, attributes: { role: 'dispatcher' } });
    expect(groupMemberChangeSchema.safeParse(body).success).toBe(true);
    expect(memberChangeRequest(target, hdjMemberSpec, { ...current }, current)).toBeNull();
  });

  it('UI-1 GRP-8: a delete names the group, the product and the number', () => {
    const body = memberDeleteRequest(target);
    expect(body).toEqual({ type: 'groupMemberDelete', ...target });
    expect(groupMemberDeleteSchema.safeParse(body).success).toBe(true);
  });
});
