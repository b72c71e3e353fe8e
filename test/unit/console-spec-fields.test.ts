import { describe, expect, it } from 'vitest';
import { demoGroupTariffs, hdjMemberSpec, hdjSpec } from '../../db/seed-groups';
import { validateAttributes, type AttributeValues } from '../../domain/product-spec';
import {
  controlOf,
  initialSpecFields,
  problemOf,
  ruleText,
  specIssues,
  specValues,
  type SpecAttribute,
} from '../../web/src/components/spec-fields/spec-rules';

const attr = (code: string): SpecAttribute => {
  const found = hdjSpec.attributes.find((a) => a.code === code);
  if (!found) throw new Error(code);
  return found;
};
const discount = demoGroupTariffs.find((t) => t.code === 'HDJ-CUSTOM')!.paramSpec.attributes[0]!;

describe('the product specification as a console form (UI-1 GRP-3)', () => {
  it('UI-1 GRP-3: each attribute type becomes its control: enum → choice list, integer → number, boolean → switch, text → input', () => {
    expect(hdjSpec.attributes.map((a) => [a.code, controlOf(a)])).toEqual([
      ['serviceLevel', 'select'],
      ['maxTalkGroups', 'number'],
      ['dispatchConsoles', 'number'],
      ['recording', 'switch'],
      ['adminPhone', 'text'],
    ]);
    expect(hdjMemberSpec.attributes.map(controlOf)).toEqual(['text', 'select', 'number']);
    expect(controlOf(discount)).toBe('number');
  });

  it('UI-1 GRP-3: an integer keeps its range, in both languages, and says it under the field', () => {
    expect(problemOf(discount, 80)).toBeNull();
    expect(problemOf(discount, 50)).toBeNull();
    expect(problemOf(discount, 100)).toBeNull();
    expect(problemOf(discount, 49)).toEqual({
      zh: '须为 50 到 100 之间的整数',
      en: 'Must be a whole number from 50 to 100',
    });
    expect(problemOf(discount, 101)).not.toBeNull();
    expect(problemOf(discount, 80.5)).not.toBeNull();
    expect(ruleText(discount)).toEqual({ zh: '50–100 的整数', en: 'A whole number from 50 to 100' });
  });

  it('UI-1 GRP-3: a text with a pattern must match it whole; the pattern hint tells the format', () => {
    const phone = attr('adminPhone');
    expect(problemOf(phone, '13800138000')).toBeNull();
    expect(problemOf(phone, '1380013800')?.en).toBe('Must be a mobile number of 11 digits starting with 1');
    expect(problemOf(phone, 'x13800138000')).not.toBeNull();
    expect(problemOf(phone, '23800138000')).not.toBeNull();
    expect(ruleText(phone)?.en).toBe('Format: a mobile number of 11 digits starting with 1');
  });

  it('UI-1 GRP-3: a required attribute left empty is refused on a new order, never on a change', () => {
    const level = attr('serviceLevel');
    expect(problemOf(level, undefined)).toEqual({ zh: '请填写业务级别', en: 'Service level is required' });
    expect(problemOf(level, '  ')).not.toBeNull();
    expect(problemOf(level, undefined, { partial: true })).toBeNull();
    expect(problemOf(attr('dispatchConsoles'), undefined)).toBeNull();
    expect(problemOf(level, 'gold')?.en).toBe('Must be one of: standard, professional');
    expect(problemOf(attr('recording'), true)).toBeNull();
  });

  it('UI-1 GRP-3: the form refuses exactly what the API refuses (domain/product-spec)', () => {
    const cases: AttributeValues[] = [
      { serviceLevel: 'standard', maxTalkGroups: 10, adminPhone: '13800138000' },
      { serviceLevel: 'gold', maxTalkGroups: 10, adminPhone: '13800138000' },
      { serviceLevel: 'standard', maxTalkGroups: 0, adminPhone: '13800138000', recording: true },
      { serviceLevel: 'professional', maxTalkGroups: 500, dispatchConsoles: 51, adminPhone: '1380013800' },
      { maxTalkGroups: 501 },
    ];
    for (const values of cases) {
      const api = validateAttributes(hdjSpec, values, { path: 'attributes' }).map((i) => i.path);
      const form = hdjSpec.attributes
        .filter((a) => problemOf(a, values[a.code]) !== null)
        .map((a) => `attributes.${a.code}`);
      expect(form, JSON.stringify(values)).toEqual(api);
    }
  });

  it('UI-1 GRP-3 GRP-5: a request carries the filled fields, trimmed; a change only what differs from the terms in force', () => {
    const fields = {
      serviceLevel: 'standard',
      maxTalkGroups: 20,
      adminPhone: ' 13800138000 ',
      dispatchConsoles: null,
    };
    expect(specValues(hdjSpec, fields)).toEqual({
      serviceLevel: 'standard',
      maxTalkGroups: 20,
      adminPhone: '13800138000',
    });
    const current = { serviceLevel: 'standard', maxTalkGroups: 10, adminPhone: '13800138000' };
    expect(specValues(hdjSpec, fields, current)).toEqual({ maxTalkGroups: 20 });
    expect(initialSpecFields(hdjSpec)).toEqual({ recording: false });
    expect(initialSpecFields(hdjSpec, current)).toEqual(current);
  });

  it('UI-1 GRP-3: a refusal naming attributes (InvalidProductAttributes) is shown beside each field', () => {
    expect(
      specIssues([{ path: 'tariff.params.discountPercent', rule: 'must be a whole number from 50 to 100' }]),
    ).toEqual([
      {
        path: 'tariff.params.discountPercent',
        zh: '不符合产品规格：must be a whole number from 50 to 100',
        en: 'must be a whole number from 50 to 100',
      },
    ]);
    expect(specIssues('nothing')).toEqual([]);
  });
});
