import { describe, expect, it } from 'vitest';
import { hdjMemberSpec, hdjSpec } from '../../db/seed-groups';
import {
  attributeFromText,
  productSpecSchema,
  validateAttributes,
  type AttributeSpec,
  type ProductSpec,
} from '../../domain/product-spec';

/** One attribute of each type, none required unless a case says so. */
const spec: ProductSpec = productSpecSchema.parse({
  attributes: [
    { code: 'level', name: { zh: '级别', en: 'Level' }, type: 'enum', values: ['a', 'b'] },
    { code: 'groups', name: { zh: '组数', en: 'Groups' }, type: 'integer', min: 1, max: 500 },
    { code: 'recording', name: { zh: '录音', en: 'Recording' }, type: 'boolean' },
    {
      code: 'phone',
      name: { zh: '电话', en: 'Phone' },
      type: 'string',
      maxLength: 11,
      pattern: '1\\d{10}',
      patternHint: 'a mobile number of 11 digits starting with 1',
    },
    { code: 'note', name: { zh: '备注', en: 'Note' }, type: 'string', maxLength: 5 },
  ],
});

const attr = (code: string): AttributeSpec => {
  const found = spec.attributes.find((a) => a.code === code);
  if (!found) throw new Error(`no attribute ${code}`);
  return found;
};

const check = (values: Record<string, string | number | boolean>, partial = false) =>
  validateAttributes(spec, values, { path: 'attributes', partial });

describe('product specification: validateAttributes', () => {
  it('GRP-3: values that keep every rule pass', () => {
    expect(
      check({ level: 'b', groups: 500, recording: false, phone: '13900100001', note: '调度室' }),
    ).toEqual([]);
    expect(check({})).toEqual([]);
  });

  it.each([
    [{ level: 'c' }, 'attributes.level', 'must be one of: a, b'],
    [{ level: 1 }, 'attributes.level', 'must be one of: a, b'],
    [{ groups: 0 }, 'attributes.groups', 'must be a whole number from 1 to 500'],
    [{ groups: 501 }, 'attributes.groups', 'must be a whole number from 1 to 500'],
    [{ groups: 2.5 }, 'attributes.groups', 'must be a whole number from 1 to 500'],
    [{ groups: '20' }, 'attributes.groups', 'must be a whole number from 1 to 500'],
    [{ recording: 'yes' }, 'attributes.recording', 'must be true or false'],
    [{ phone: '23900100001' }, 'attributes.phone', 'must be a mobile number of 11 digits starting with 1'],
    [{ phone: 13900100001 }, 'attributes.phone', 'must be a non-empty text'],
    [{ note: '   ' }, 'attributes.note', 'must be a non-empty text'],
    [{ note: 'too long' }, 'attributes.note', 'must be at most 5 characters'],
  ])('GRP-3: %j breaks %s: %s', (values, path, rule) => {
    expect(check(values)).toEqual([{ path, rule }]);
  });

  it('GRP-3: a pattern must match the whole value, not a part of it', () => {
    expect(check({ phone: '1390010000' })).toHaveLength(1);
    expect(check({ phone: 'x13900100001' })).toHaveLength(1);
  });

  it('GRP-3: a pattern without a hint names the pattern', () => {
    const bare = productSpecSchema.parse({
      attributes: [
        { code: 'code', name: { zh: '编码', en: 'Code' }, type: 'string', maxLength: 4, pattern: '[A-Z]+' },
      ],
    });
    expect(validateAttributes(bare, { code: 'ab' }, { path: 'p' })).toEqual([
      { path: 'p.code', rule: 'must be text matching [A-Z]+' },
    ]);
  });

  it('GRP-3: a required attribute that is missing is named; every broken rule is listed at once', () => {
    const issues = validateAttributes(hdjSpec, { maxTalkGroups: 0 }, { path: 'attributes' });
    expect(issues).toEqual([
      { path: 'attributes.serviceLevel', rule: 'is required' },
      { path: 'attributes.maxTalkGroups', rule: 'must be a whole number from 1 to 500' },
      { path: 'attributes.adminPhone', rule: 'is required' },
    ]);
  });

  it('GRP-5, GRP-7: a partial change requires nothing but still checks what it gives', () => {
    expect(validateAttributes(hdjSpec, { maxTalkGroups: 30 }, { path: 'attributes', partial: true })).toEqual(
      [],
    );
    expect(validateAttributes(hdjMemberSpec, { priority: 9 }, { path: 'attributes', partial: true })).toEqual(
      [{ path: 'attributes.priority', rule: 'must be a whole number from 1 to 7' }],
    );
    expect(validateAttributes(hdjMemberSpec, { role: 'dispatcher' }, { path: 'attributes' })).toEqual([
      { path: 'attributes.displayName', rule: 'is required' },
    ]);
  });

  it('GRP-3: an unknown attribute is refused with the known ones listed, even in a partial change', () => {
    expect(check({ levle: 'a' }, true)).toEqual([
      {
        path: 'attributes.levle',
        rule: 'is not an attribute of this product; known: level, groups, recording, phone, note',
      },
    ]);
  });

  it('GRP-3: the path prefix names where the values sit (tariff parameters)', () => {
    const params = productSpecSchema.parse({
      attributes: [
        {
          code: 'discountPercent',
          name: { zh: '折扣', en: 'Discount' },
          type: 'integer',
          min: 50,
          max: 100,
          required: true,
        },
      ],
    });
    expect(validateAttributes(params, { discountPercent: 40 }, { path: 'tariff.params' })).toEqual([
      { path: 'tariff.params.discountPercent', rule: 'must be a whole number from 50 to 100' },
    ]);
  });
});

describe('product specification: attributeFromText (CSV cells)', () => {
  it('GRP-6: an integer cell becomes a number; text that is no integer stays text for the rule to name', () => {
    expect(attributeFromText(attr('groups'), ' 42 ')).toBe(42);
    expect(attributeFromText(attr('groups'), '-3')).toBe(-3);
    expect(attributeFromText(attr('groups'), '4.5')).toBe('4.5');
    expect(check({ groups: attributeFromText(attr('groups'), 'many') ?? '' })).toEqual([
      { path: 'attributes.groups', rule: 'must be a whole number from 1 to 500' },
    ]);
  });

  it.each([
    ['true', true],
    ['1', true],
    ['YES', true],
    ['是', true],
    ['false', false],
    ['0', false],
    ['no', false],
    ['否', false],
    ['maybe', 'maybe'],
  ])('GRP-6: a boolean cell %j reads as %j', (text, value) => {
    expect(attributeFromText(attr('recording'), text)).toBe(value);
  });

  it('GRP-6: an empty cell is an absent value; text and enum cells are trimmed text; an unknown column stays text', () => {
    expect(attributeFromText(attr('note'), '   ')).toBeUndefined();
    expect(attributeFromText(attr('level'), ' a ')).toBe('a');
    expect(attributeFromText(attr('phone'), '13900100001')).toBe('13900100001');
    expect(attributeFromText(undefined, ' 12 ')).toBe('12');
  });
});
