import { describe, expect, it } from 'vitest';
import { hdjMemberSpec } from '../../db/seed-groups';
import { batchPercent, parseMemberBatchCsv, type MemberBatchCsv } from '../../domain/member-batch-csv';

const parse = (text: string, maxRows = 100) => parseMemberBatchCsv(text, hdjMemberSpec, { maxRows });

function rowsOf(result: MemberBatchCsv) {
  if (!result.ok) throw new Error(`expected a readable file, got ${result.code}: ${result.message}`);
  return result.rows;
}

describe('member batch CSV (成员批量导入文件)', () => {
  it('GRP-6: reads the header and rows; attributes take their types, empty cells are absent', () => {
    const result = parse(
      'msisdn,displayName,role,priority\r\n13900200000,张三,dispatcher,3\r\n13900200001,李四,,\r\n',
    );
    expect(result.ok && result.columns).toEqual(['msisdn', 'displayName', 'role', 'priority']);
    expect(rowsOf(result)).toEqual([
      {
        rowNo: 1,
        msisdn: '13900200000',
        attributes: { displayName: '张三', role: 'dispatcher', priority: 3 },
        rejection: null,
      },
      { rowNo: 2, msisdn: '13900200001', attributes: { displayName: '李四' }, rejection: null },
    ]);
  });

  it('GRP-6: tolerates a byte-order mark, LF line ends, blank lines and a missing final line end', () => {
    const rows = rowsOf(parse('\uFEFFmsisdn,displayName\n\n13900200000,A\n   \n,\n13900200001,B'));
    expect(rows.map((r) => [r.rowNo, r.msisdn])).toEqual([
      [1, '13900200000'],
      [2, '13900200001'],
    ]);
  });

  it('GRP-6: quoted fields may hold commas, doubled quotes and line breaks', () => {
    const rows = rowsOf(
      parse('"msisdn","displayName"\n"13900200000","Wang, ""Xiao"" Ming"\n13900200001,"two\nlines"\n'),
    );
    expect(rows[0]?.attributes.displayName).toBe('Wang, "Xiao" Ming');
    expect(rows[1]).toMatchObject({ rowNo: 2, attributes: { displayName: 'two\nlines' }, rejection: null });
  });

  it('GRP-6: header names match attribute codes whatever their case', () => {
    const rows = rowsOf(parse('MSISDN,DisplayName\n13900200000,A\n'));
    expect(rows[0]?.attributes).toEqual({ displayName: 'A' });
  });

  it('GRP-6: refuses the file for an unknown column, naming it and the known ones', () => {
    const result = parse('msisdn,displayName,colour\n13900200000,A,red\n');
    expect(result).toMatchObject({ ok: false, code: 'InvalidCsv' });
    expect(!result.ok && result.message).toContain('"colour"');
    expect(!result.ok && result.message).toContain('displayName, role, priority');
  });

  it('GRP-6: refuses a file without an msisdn column, a repeated column, no rows, or a quote left open', () => {
    expect(parse('displayName\nA\n')).toMatchObject({ ok: false, code: 'InvalidCsv' });
    expect(parse('msisdn,role,ROLE\n13900200000,member,member\n')).toMatchObject({
      ok: false,
      code: 'InvalidCsv',
    });
    expect(parse('msisdn,displayName\n\n')).toMatchObject({ ok: false, code: 'InvalidCsv' });
    expect(parse('')).toMatchObject({ ok: false, code: 'InvalidCsv' });
    const open = parse('msisdn,displayName\n13900200000,"A\n');
    expect(open).toMatchObject({ ok: false, code: 'InvalidCsv' });
    expect(!open.ok && open.message).toContain('line 2');
  });

  it('GRP-6: more rows than allowed is BatchTooLarge', () => {
    const body = ['msisdn,displayName', '13900200000,A', '13900200001,B', '13900200002,C'].join('\n');
    expect(parse(body, 2)).toMatchObject({ ok: false, code: 'BatchTooLarge' });
    expect(rowsOf(parse(body, 3))).toHaveLength(3);
  });

  it('GRP-6: a bad number rejects only its row, with the Chinese reason and the English rule', () => {
    const rows = rowsOf(parse('msisdn,displayName\n1390020000,A\n139002000001,B\nabc,C\n13900200003,D\n'));
    expect(rows.map((r) => r.rejection?.code ?? 'ok')).toEqual([
      'ValidationFailed',
      'ValidationFailed',
      'ValidationFailed',
      'ok',
    ]);
    expect(rows[0]?.rejection?.reason).toContain('请求内容不符合规则');
    expect(rows[0]?.rejection?.reason).toContain('11-digit');
  });

  it('GRP-6: a number repeated in the file: the first row counts, the later ones are DuplicateInFile', () => {
    const rows = rowsOf(
      parse('msisdn,displayName\n13900200000,A\n13900200001,B\n13900200000,C\n13900200000,D\n'),
    );
    expect(rows.map((r) => r.rejection?.code ?? 'ok')).toEqual([
      'ok',
      'ok',
      'DuplicateInFile',
      'DuplicateInFile',
    ]);
    expect(rows[2]?.rejection?.reason).toContain('文件中该号码重复出现');
  });

  it('GRP-6: attribute rules of the member specification reject the row, naming the attribute', () => {
    const rows = rowsOf(
      parse(
        'msisdn,displayName,role,priority\n' +
          '13900200000,,member,1\n' + // displayName is required
          '13900200001,A,boss,1\n' + // role is an enum
          '13900200002,B,member,9\n' + // priority 1..7
          '13900200003,C,member,x\n' + // priority is a number
          '13900200004,C,member,7\n',
      ),
    );
    expect(rows.map((r) => r.rejection?.code ?? 'ok')).toEqual([
      'InvalidProductAttributes',
      'InvalidProductAttributes',
      'InvalidProductAttributes',
      'InvalidProductAttributes',
      'ok',
    ]);
    expect(rows[0]?.rejection?.reason).toContain('attributes.displayName: is required');
    expect(rows[1]?.rejection?.reason).toContain('attributes.role: must be one of: member, dispatcher');
    expect(rows[2]?.rejection?.reason).toContain('from 1 to 7');
    expect(rows[3]?.rejection?.reason).toContain('产品参数不符合产品规格');
  });

  it('GRP-6: a row with more fields than the header is rejected; fewer fields are empty cells', () => {
    const rows = rowsOf(parse('msisdn,displayName\n13900200000,A,extra\n13900200001\n'));
    expect(rows[0]?.rejection).toMatchObject({ code: 'ValidationFailed' });
    expect(rows[0]?.rejection?.reason).toContain('3 fields');
    expect(rows[1]?.rejection).toMatchObject({ code: 'InvalidProductAttributes' });
  });

  it('GRP-6: progress is a percent to one decimal', () => {
    expect(batchPercent(0, 150)).toBe(0);
    expect(batchPercent(1, 3)).toBe(33.3);
    expect(batchPercent(150, 150)).toBe(100);
  });
});
