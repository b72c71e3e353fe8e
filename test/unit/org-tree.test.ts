import { describe, expect, it } from 'vitest';
import {
  expandItems,
  maxMovementItems,
  movementPathProblem,
  parentProblem,
  simStatusAt,
  type TreeUnit,
} from '../../domain/org-tree';

const city: TreeUnit = { code: 'BJ', kind: 'city', parentCode: null };
const area: TreeUnit = { code: 'BJ-XC', kind: 'area', parentCode: 'BJ' };
const outlet: TreeUnit = { code: 'BJ-XC-XD', kind: 'outlet', parentCode: 'BJ-XC' };
const clerk: TreeUnit = { code: 'BJ-XC-XD-C1', kind: 'clerk', parentCode: 'BJ-XC-XD' };

describe('organisation tree rules', () => {
  it('RES-2: a unit is the child of the kind one level up; a city has no parent', () => {
    expect(parentProblem('city', null, null)).toBeNull();
    expect(parentProblem('area', 'BJ', city)).toBeNull();
    expect(parentProblem('clerk', 'BJ-XC-XD', outlet)).toBeNull();
    expect(parentProblem('city', 'BJ', city)).toBe('parentCode: a city company has no parent');
    expect(parentProblem('outlet', null, null)).toBe('parentCode: an outlet needs a parent: a business area');
    expect(parentProblem('outlet', 'BJ', city)).toBe(
      "parentCode: BJ is a city company; an outlet's parent must be a business area",
    );
    expect(parentProblem('area', 'XX', null)).toContain('no organisation unit XX');
  });

  it('RES-2: an issue goes to a direct child, a recycle to the parent; central stock trades only with cities', () => {
    expect(movementPathProblem('issue', null, city)).toBeNull();
    expect(movementPathProblem('issue', city, area)).toBeNull();
    expect(movementPathProblem('issue', outlet, clerk)).toBeNull();
    expect(movementPathProblem('recycle', clerk, outlet)).toBeNull();
    expect(movementPathProblem('recycle', city, null)).toBeNull();
    expect(movementPathProblem('issue', city, outlet)).toBe(
      'toCode: BJ-XC-XD (outlet) is not a direct child of BJ (city company); an issue goes one level down',
    );
    expect(movementPathProblem('issue', null, area)).toContain('not a direct child of central stock');
    expect(movementPathProblem('recycle', clerk, area)).toContain('a recycle goes one level up');
    expect(movementPathProblem('recycle', area, null)).toContain('not the parent');
    expect(movementPathProblem('issue', area, city)).toContain('not a direct child');
  });

  it('RES-2: a range expands by value, a list is de-duplicated, both within the limit and formats', () => {
    expect(expandItems('numbers', { range: { first: '13800101998', last: '13800102001' } })).toEqual({
      items: ['13800101998', '13800101999', '13800102000', '13800102001'],
    });
    expect(
      expandItems('sims', { range: { first: '8986001000010001999', last: '8986001000010002000' } }),
    ).toEqual({ items: ['8986001000010001999', '8986001000010002000'] });
    expect(expandItems('numbers', { list: ['13800100001', '13800100001', '13800100002'] })).toEqual({
      items: ['13800100001', '13800100002'],
    });
    expect(expandItems('numbers', { range: { first: '13800100010', last: '13800100001' } })).toEqual({
      problem: 'items.range: last must not be below first',
    });
    expect(expandItems('numbers', { range: { first: '13800000000', last: '13800100000' } })).toEqual({
      problem: `items.range: 100001 items; at most ${maxMovementItems} per movement`,
    });
    expect(expandItems('sims', { list: ['12345'] })).toEqual({
      problem: 'items.list: 12345 is not an ICCID: 19 or 20 digits starting with 8986',
    });
  });

  it('RES-2: a SIM is available at a city or central stock and issued below it', () => {
    expect(simStatusAt(null)).toBe('available');
    expect(simStatusAt(city)).toBe('available');
    expect(simStatusAt(area)).toBe('issued');
    expect(simStatusAt(clerk)).toBe('issued');
  });
});
