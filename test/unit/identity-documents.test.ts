import { describe, expect, it } from 'vitest';
import { idNumberMatches, identityMatches } from '../../domain/identity-documents';

describe('an identity document against the line owner (one comparison for Q-2, MNP-1, PC-3, CHG-2)', () => {
  const owner = { idType: 'idCard', idNumber: '11010119900303345X' };

  it('Q-2, MNP-1: the same type and number match, case and spaces aside; another type, number or no owner does not', () => {
    expect(identityMatches({ idType: 'idCard', idNumber: ' 110101 19900303345x' }, owner)).toBe(true);
    expect(identityMatches({ idType: 'passport', idNumber: '11010119900303345X' }, owner)).toBe(false);
    expect(identityMatches({ idType: 'idCard', idNumber: '110101199003033451' }, owner)).toBe(false);
    expect(identityMatches({ idType: 'idCard', idNumber: '1' }, { idType: null, idNumber: null })).toBe(
      false,
    );
    expect(identityMatches({ idType: 'idCard', idNumber: '1' }, undefined)).toBe(false);
  });

  it('PC-3, CHG-2: the number alone matches whatever the document type, and never an owner without one', () => {
    expect(idNumberMatches('11010119900303345x ', owner.idNumber)).toBe(true);
    expect(idNumberMatches('110101199003033451', owner.idNumber)).toBe(false);
    expect(idNumberMatches('11010119900303345X', null)).toBe(false);
  });
});
