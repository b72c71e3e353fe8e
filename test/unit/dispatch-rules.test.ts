import { describe, expect, it } from 'vitest';
import {
  applicableScopes,
  chooseFrom,
  dispatchRuleIssues,
  explainDispatch,
  pickTurn,
  reorderIssues,
  renumberedPositions,
  type DispatchableWorkOrder,
  type DispatchDecision,
  type DispatchRule,
  type DispatchStaff,
} from '../../domain/dispatch-rules';

const rule = (r: Partial<DispatchRule> & Pick<DispatchRule, 'id' | 'kind'>): DispatchRule => ({
  name: r.id,
  position: 10,
  enabled: true,
  match: {},
  target: {},
  ...r,
});

const staff = (operatorId: string, outletCode: string, more: Partial<DispatchStaff> = {}): DispatchStaff => ({
  operatorId,
  outletCode,
  skills: [],
  active: true,
  openLoad: 0,
  ...more,
});

const workOrder = (wo: Partial<DispatchableWorkOrder> = {}): DispatchableWorkOrder => ({
  territory: null,
  category: 'broadbandRepair',
  requiredSkill: null,
  priority: 'P3',
  outletCode: null,
  ...wo,
});

/** Who the decision picks; a round-robin decision is asked for its first turn. */
const picked = (d: DispatchDecision | null) =>
  d && { rule: d.rule.id, staff: ('assignee' in d ? d.assignee : pickTurn(d.turnAmong, 0)).operatorId };

const territory = rule({
  id: 'R-XICHENG',
  kind: 'territory',
  match: { territory: 'Xicheng' },
  target: { outletCode: 'XD' },
});
const pool = [
  staff('tech01', 'XD', { skills: ['broadband'], openLoad: 2 }),
  staff('tech02', 'XD', { skills: ['terminal'], openLoad: 1 }),
  staff('tech03', 'WFJ', { skills: ['broadband'] }),
  staff('tech04', 'WFJ', { skills: ['terminal'], openLoad: 1 }),
  staff('tech06', 'PD', { skills: ['terminal'], openLoad: 1 }),
];

describe('automatic dispatch: which rule applies and whom it picks', () => {
  it("WO-4: a territory rule picks the least-loaded active staff of its outlet for the area's work", () => {
    expect(picked(chooseFrom([territory], workOrder({ territory: 'Xicheng' }), pool))).toEqual({
      rule: 'R-XICHENG',
      staff: 'tech02',
    });
    expect(chooseFrom([territory], workOrder({ territory: 'Haidian' }), pool)).toBeNull();
  });

  it('WO-4: a skill rule picks among the staff having the skill, company-wide or within an outlet', () => {
    const skill = rule({ id: 'R-TERMINAL', kind: 'skill', match: { skill: 'terminal' } });
    const wo = workOrder({ requiredSkill: 'terminal' });
    expect(picked(chooseFrom([skill], wo, pool))?.staff).toBe('tech02');
    expect(picked(chooseFrom([skill], { ...wo, outletCode: 'WFJ' }, pool))?.staff).toBe('tech04');
    const inPudong = { ...skill, target: { outletCode: 'PD' } };
    expect(picked(chooseFrom([inPudong], { ...wo, outletCode: 'WFJ' }, pool))?.staff).toBe('tech06');
    expect(chooseFrom([skill], workOrder({ requiredSkill: 'network' }), pool)).toBeNull();
  });

  it('WO-4: a least-load rule picks from its staff, else its outlet, else the work order outlet — never company-wide', () => {
    const anyOutlet = rule({ id: 'R-LEAST', kind: 'leastLoad' });
    expect(picked(chooseFrom([anyOutlet], workOrder({ outletCode: 'XD' }), pool))?.staff).toBe('tech02');
    expect(chooseFrom([anyOutlet], workOrder(), pool)).toBeNull();
    const named = { ...anyOutlet, target: { staffIds: ['tech01', 'tech06'] } };
    expect(picked(chooseFrom([named], workOrder({ outletCode: 'XD' }), pool))?.staff).toBe('tech06');
    const outlet = { ...anyOutlet, target: { outletCode: 'WFJ' } };
    expect(picked(chooseFrom([outlet], workOrder({ outletCode: 'XD' }), pool))?.staff).toBe('tech03');
  });

  it('WO-4: equal loads go to the lowest operator ID', () => {
    const even = pool.map((s) => ({ ...s, openLoad: 3 }));
    const least = rule({
      id: 'R-LEAST',
      kind: 'leastLoad',
      target: { staffIds: ['tech06', 'tech04', 'tech02'] },
    });
    expect(picked(chooseFrom([least], workOrder(), even))?.staff).toBe('tech02');
  });

  it('WO-4: a round-robin rule walks its active staff in listed order, skipping the unavailable', () => {
    const rr = rule({ id: 'R-RR', kind: 'roundRobin', target: { staffIds: ['tech04', 'tech03', 'tech01'] } });
    const decision = chooseFrom([rr], workOrder(), pool);
    if (!decision || !('turnAmong' in decision)) throw new Error('expected a round-robin decision');
    expect([0, 1, 2, 3, 4].map((turn) => pickTurn(decision.turnAmong, turn).operatorId)).toEqual([
      'tech04',
      'tech03',
      'tech01',
      'tech04',
      'tech03',
    ]);
    const withoutTech03 = chooseFrom([rr], workOrder(), pool, ['tech03']);
    if (!withoutTech03 || !('turnAmong' in withoutTech03)) throw new Error('expected a round-robin decision');
    expect(withoutTech03.turnAmong.map((s) => s.operatorId)).toEqual(['tech04', 'tech01']);
  });

  it('WO-4: every match field given must equal the work order; none given matches all', () => {
    const narrow = rule({
      id: 'R-NARROW',
      kind: 'leastLoad',
      match: {
        territory: 'Xicheng',
        category: 'installation',
        skill: 'fiber',
        priority: 'P1',
        outletCode: 'XD',
      },
    });
    const fits = workOrder({
      territory: 'Xicheng',
      category: 'installation',
      requiredSkill: 'fiber',
      priority: 'P1',
      outletCode: 'XD',
    });
    expect(picked(chooseFrom([narrow], fits, pool))?.rule).toBe('R-NARROW');
    for (const off of [
      { territory: 'Haidian' },
      { category: 'networkFault' as const },
      { requiredSkill: null },
      { priority: 'P2' as const },
      { outletCode: 'WFJ' },
    ]) {
      expect(chooseFrom([narrow], { ...fits, ...off }, pool)).toBeNull();
    }
  });

  it('WO-4: rules are tried in position order; the first that yields a candidate wins', () => {
    const skill = rule({ id: 'R-TERMINAL', kind: 'skill', position: 20, match: { skill: 'terminal' } });
    const wo = workOrder({ territory: 'Xicheng', requiredSkill: 'terminal' });
    expect(picked(chooseFrom([skill, { ...territory, position: 10 }], wo, pool))?.rule).toBe('R-XICHENG');
    expect(picked(chooseFrom([skill, { ...territory, position: 30 }], wo, pool))?.rule).toBe('R-TERMINAL');
    // The territory rule matches but its outlet has no one available: the next rule applies.
    const xidanAway = pool.map((s) => (s.outletCode === 'XD' ? { ...s, active: false } : s));
    expect(picked(chooseFrom([territory, skill], wo, xidanAway))).toEqual({
      rule: 'R-TERMINAL',
      staff: 'tech04',
    });
  });

  it('WO-4: a disabled rule is skipped', () => {
    const wo = workOrder({ territory: 'Xicheng', outletCode: 'WFJ' });
    const fallback = rule({ id: 'R-LEAST', kind: 'leastLoad', position: 40 });
    expect(picked(chooseFrom([territory, fallback], wo, pool))?.rule).toBe('R-XICHENG');
    expect(picked(chooseFrom([{ ...territory, enabled: false }, fallback], wo, pool))).toEqual({
      rule: 'R-LEAST',
      staff: 'tech03',
    });
  });

  it('WO-4: excluded and inactive staff are never picked; with no one left, no rule applies', () => {
    const wo = workOrder({ territory: 'Xicheng' });
    expect(picked(chooseFrom([territory], wo, pool, ['tech02']))?.staff).toBe('tech01');
    expect(chooseFrom([territory], wo, pool, ['tech01', 'tech02'])).toBeNull();
    const tech02Off = pool.map((s) => (s.operatorId === 'tech02' ? { ...s, active: false } : s));
    expect(picked(chooseFrom([territory], wo, tech02Off))?.staff).toBe('tech01');
  });

  it('WO-4: no rules, or none matching → null', () => {
    expect(chooseFrom([], workOrder({ territory: 'Xicheng' }), pool)).toBeNull();
    expect(chooseFrom([territory], workOrder({ territory: 'Pudong' }), pool)).toBeNull();
  });

  it('WO-4: the database is asked only for the staff of enabled matching rules', () => {
    const skill = rule({ id: 'R-TERMINAL', kind: 'skill', match: { skill: 'terminal' } });
    const rr = rule({ id: 'R-RR', kind: 'roundRobin', enabled: false, target: { staffIds: ['tech03'] } });
    expect(applicableScopes([territory, skill, rr], workOrder({ territory: 'Xicheng' }))).toEqual([
      { outletCode: 'XD' },
    ]);
    expect(applicableScopes([skill], workOrder({ requiredSkill: 'terminal', outletCode: 'WFJ' }))).toEqual([
      { skill: 'terminal', outletCode: 'WFJ' },
    ]);
  });
});

describe('dispatch rules as data: what an administrator may write', () => {
  it('WO-4: each kind needs its own fields, named when missing', () => {
    expect(dispatchRuleIssues({ kind: 'territory', match: {}, target: {} }).map((i) => i.field)).toEqual([
      'match.territory',
      'target.outletCode',
    ]);
    expect(dispatchRuleIssues({ kind: 'skill', match: {}, target: {} }).map((i) => i.field)).toEqual([
      'match.skill',
    ]);
    expect(dispatchRuleIssues({ kind: 'roundRobin', match: {}, target: {} })).toEqual([
      {
        field: 'target.staffIds',
        rule: 'is required for a roundRobin rule (at least one staff member, taken in turn)',
      },
    ]);
    expect(dispatchRuleIssues({ kind: 'leastLoad', match: {}, target: {} })).toEqual([]);
  });

  it('WO-4: fields a kind would ignore, both staff and outlet on least load, and repeated staff are refused', () => {
    const fields = (r: Parameters<typeof dispatchRuleIssues>[0]) => dispatchRuleIssues(r).map((i) => i.field);
    expect(
      fields({ kind: 'territory', match: { territory: 'X' }, target: { outletCode: 'XD', staffIds: ['a'] } }),
    ).toEqual(['target.staffIds']);
    expect(fields({ kind: 'skill', match: { skill: 's' }, target: { staffIds: ['a'] } })).toEqual([
      'target.staffIds',
    ]);
    expect(fields({ kind: 'leastLoad', match: {}, target: { outletCode: 'XD', staffIds: ['a'] } })).toEqual([
      'target.outletCode',
    ]);
    expect(fields({ kind: 'roundRobin', match: {}, target: { outletCode: 'XD', staffIds: ['a'] } })).toEqual([
      'target.outletCode',
    ]);
    expect(
      dispatchRuleIssues({ kind: 'roundRobin', match: {}, target: { staffIds: ['a', 'b', 'a'] } }),
    ).toEqual([{ field: 'target.staffIds', rule: 'must name each staff member once (repeated: a)' }]);
  });

  it('WO-4: a re-ordering names every rule exactly once and renumbers 10, 20, …', () => {
    expect(reorderIssues(['A', 'B', 'C'], ['C', 'A', 'B'])).toEqual([]);
    expect(reorderIssues(['A', 'B', 'C'], ['C', 'A', 'X', 'A']).map((i) => i.rule)).toEqual([
      'must name every rule; missing: B',
      'names no existing rule: X',
      'must name each rule once; repeated: A',
    ]);
    expect(renumberedPositions(['C', 'A', 'B'])).toEqual([
      { id: 'C', position: 10 },
      { id: 'A', position: 20 },
      { id: 'B', position: 30 },
    ]);
  });
});

describe('UI-1 WO-4: the dispatch preview explains what chooseFrom decides', () => {
  const skill = rule({ id: 'R-TERMINAL', kind: 'skill', position: 20, match: { skill: 'terminal' } });
  const rr = rule({
    id: 'R-RR',
    kind: 'roundRobin',
    position: 30,
    target: { staffIds: ['tech04', 'tech03'] },
  });
  const least = rule({ id: 'R-LEAST', kind: 'leastLoad', position: 40 });
  const rules = [
    least,
    rr,
    skill,
    { ...territory, position: 10 },
    rule({ id: 'R-OFF', kind: 'leastLoad', enabled: false }),
  ];

  it('WO-4: every enabled rule in position order, each with whether it matches and why not', () => {
    const wo = workOrder({ territory: 'Haidian', requiredSkill: 'fiber', outletCode: 'XD' });
    const e = explainDispatch(rules, wo, pool);
    expect(e.rules.map((r) => [r.rule.id, r.matches])).toEqual([
      ['R-XICHENG', false],
      ['R-TERMINAL', false],
      ['R-RR', true],
      ['R-LEAST', true],
    ]);
    expect(e.rules[0]?.note.en).toBe(
      'does not match: the rule needs territory Xicheng; the work order has Haidian',
    );
    expect(e.rules[1]?.note.en).toBe(
      'does not match: the rule needs skill terminal; the work order has fiber',
    );
    expect(e.rules[2]?.pick?.operatorId).toBe('tech04');
    expect(e.decision?.rule.id).toBe('R-RR');
  });

  it('WO-4: the decision is always the one chooseFrom makes (a round robin asked for the same turn)', () => {
    const cases: [DispatchableWorkOrder, string[]][] = [
      [workOrder(), []],
      [workOrder({ territory: 'Xicheng' }), []],
      [workOrder({ territory: 'Xicheng' }), ['tech02']],
      [workOrder({ requiredSkill: 'terminal', outletCode: 'WFJ' }), []],
      [workOrder({ outletCode: 'PD' }), ['tech04', 'tech03']],
    ];
    for (const [wo, exclude] of cases) {
      for (const turn of [0, 1, 5]) {
        const chosen = chooseFrom(rules, wo, pool, exclude);
        const expected =
          chosen && ('assignee' in chosen ? chosen.assignee : pickTurn(chosen.turnAmong, turn)).operatorId;
        const e = explainDispatch(rules, wo, pool, exclude, { 'R-RR': turn });
        expect(e.decision?.assignee.operatorId ?? null).toBe(expected);
        expect(e.decision?.rule.id ?? null).toBe(chosen?.rule.id ?? null);
      }
    }
  });

  it('WO-4: a round robin names the next in turn by its cursor; the least-load rule without an outlet draws from no one', () => {
    const onlyRr = [rr, least];
    expect(explainDispatch(onlyRr, workOrder(), pool, [], { 'R-RR': 1 }).decision?.assignee.operatorId).toBe(
      'tech03',
    );
    const rrAway = explainDispatch([least], workOrder(), pool);
    expect(rrAway.decision).toBeNull();
    expect(rrAway.rules[0]?.note.en).toContain('draws from no one');
    expect(rrAway.message.en).toContain('waits for a dispatcher or a grab');
    const excluded = explainDispatch([rr], workOrder(), pool, ['tech04', 'tech03']);
    expect(excluded.rules[0]?.candidates.map((c) => c.operatorId)).toEqual(['tech04', 'tech03']);
    expect(excluded.rules[0]?.note.en).toContain('no one available');
    expect(excluded.decision).toBeNull();
  });
});
