import { describe, expect, it } from 'vitest';
import { checkHeader, checkNumberRow, checkSimRow, splitCsvLine } from '../../domain/stock-in-csv';

const numberRow = (line: string) => checkNumberRow(splitCsvLine(line));
const simRow = (line: string) => checkSimRow(splitCsvLine(line));
const reasonOf = (check: { ok: true } | { ok: false; reason: string }) => (check.ok ? null : check.reason);

describe('stock-in CSV rows (RES-1, RES-5)', () => {
  it("RES-1: the header must be the format's columns in order; optional trailing columns may be left out", () => {
    expect(checkHeader('numbers', '\uFEFFnumber,kind,segment')).toEqual({ ok: true, columns: 3 });
    expect(checkHeader('numbers', 'number')).toEqual({ ok: true, columns: 1 });
    expect(checkHeader('sims', 'iccid,imsi')).toEqual({ ok: true, columns: 2 });
    expect(checkHeader('sims', 'iccid')).toMatchObject({ ok: false });
    expect(checkHeader('numbers', 'msisdn,kind')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('"number,kind,segment"') as unknown,
    });
  });

  it('RES-1, RES-5: a mobile number is 11 digits starting with 1; its segment is the first 7 digits', () => {
    expect(numberRow('13912345678')).toEqual({
      ok: true,
      item: { number: '13912345678', kind: 'mobile', segment: '1391234' },
      keys: ['13912345678', null],
    });
    expect(numberRow(' "13912345678" , mobile , 1391234 ')).toMatchObject({ ok: true });
    expect(reasonOf(numberRow('1391234567'))).toBe(
      '格式不正确 — number: a mobile number must be 11 digits starting with 1',
    );
    expect(reasonOf(numberRow('23912345678'))).toContain('number: a mobile number must be 11 digits');
    expect(reasonOf(numberRow('13912345678,,1391235'))).toBe(
      '号段不一致 — segment: 1391235 must equal the first 7 digits of number 13912345678 (1391234)',
    );
  });

  it('RES-1: SMS wholesale ports and access numbers have their own rules and no segment', () => {
    expect(numberRow('10657000123,smsPort')).toMatchObject({
      ok: true,
      item: { kind: 'smsPort', segment: 'smsPort' },
    });
    expect(numberRow('17951,access')).toMatchObject({
      ok: true,
      item: { kind: 'access', segment: 'access' },
    });
    expect(reasonOf(numberRow('1065,smsPort'))).toContain('number: an SMS wholesale port must be 106');
    expect(reasonOf(numberRow('123456789,access'))).toContain(
      'number: an access number must be 3 to 8 digits',
    );
    expect(reasonOf(numberRow('12593,access,1259300'))).toContain(
      'segment: must be empty for a access number',
    );
    expect(reasonOf(numberRow('13912345678,landline'))).toBe(
      '格式不正确 — kind: must be mobile, smsPort or access, got "landline"',
    );
    expect(reasonOf(numberRow('13912345678,mobile,1391234,x'))).toContain('row: has more than 3 columns');
  });

  it('RES-1, RES-5: a SIM row has an ICCID, an IMSI and an optional capacity', () => {
    expect(simRow('89860012345678901234,460001234567890,32')).toEqual({
      ok: true,
      item: { iccid: '89860012345678901234', imsi: '460001234567890', capacityKb: 32 },
      keys: ['89860012345678901234', '460001234567890'],
    });
    expect(simRow('8986001234567890123,460071234567890')).toMatchObject({
      ok: true,
      item: { capacityKb: null },
    });
    expect(reasonOf(simRow('12345,460001234567890'))).toBe(
      '格式不正确 — iccid: must be 19 or 20 digits starting with 8986',
    );
    expect(reasonOf(simRow('89860012345678901234,460011234567890'))).toBe(
      '格式不正确 — imsi: must be 15 digits starting 46000/02/04/07/08',
    );
    expect(reasonOf(simRow('89860012345678901234,460001234567890,0'))).toContain(
      'capacityKb: must be a positive whole number',
    );
  });
});
