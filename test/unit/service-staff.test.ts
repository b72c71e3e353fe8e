import { describe, expect, it } from 'vitest';
import { resolveStaffProfile, type StaffProfile } from '../../domain/service-staff';

const xidan: StaffProfile = { outletCode: 'OUT-BJ-XD', skills: ['broadband'], active: true };

describe('service-staff profile of an operator (服务人员资料)', () => {
  it('WO-4: a new technician works from the outlet given, else from its one bound outlet, with no skills and active', () => {
    expect(
      resolveStaffProfile({
        roles: ['serviceStaff'],
        given: undefined,
        outlets: ['OUT-BJ-XD'],
        current: null,
      }),
    ).toEqual({ profile: { outletCode: 'OUT-BJ-XD', skills: [], active: true } });
    expect(
      resolveStaffProfile({
        roles: ['serviceStaff'],
        given: { outletCode: 'OUT-BJ-WFJ', skills: ['fiber', 'fiber', 'terminal'] },
        outlets: ['OUT-BJ-XD', 'OUT-BJ-WFJ'],
        current: null,
      }),
    ).toEqual({ profile: { outletCode: 'OUT-BJ-WFJ', skills: ['fiber', 'terminal'], active: true } });
  });

  it('WO-4: service staff without an outlet, or with several and none chosen, are refused naming staff.outletCode', () => {
    for (const outlets of [[], ['OUT-BJ-XD', 'OUT-BJ-WFJ']]) {
      const resolved = resolveStaffProfile({
        roles: ['serviceStaff'],
        given: undefined,
        outlets,
        current: null,
      });
      expect(resolved).toMatchObject({ refusal: { code: 'StaffOutletRequired' } });
      expect('refusal' in resolved && resolved.refusal.message).toContain('body.staff.outletCode');
    }
  });

  it('WO-4: a change replaces only the fields given and keeps the outlet the technician has', () => {
    expect(
      resolveStaffProfile({ roles: ['serviceStaff'], given: { active: false }, outlets: [], current: xidan }),
    ).toEqual({ profile: { ...xidan, active: false } });
    expect(
      resolveStaffProfile({ roles: ['serviceStaff'], given: { skills: [] }, outlets: [], current: xidan }),
    ).toEqual({ profile: { ...xidan, skills: [] } });
  });

  it('WO-4: only an operator with role serviceStaff has a profile; without the role a stored one is left alone', () => {
    expect(
      resolveStaffProfile({ roles: ['frontline'], given: { skills: ['fiber'] }, outlets: [], current: null }),
    ).toMatchObject({ refusal: { code: 'StaffRoleRequired' } });
    expect(
      resolveStaffProfile({ roles: ['frontline'], given: undefined, outlets: [], current: xidan }),
    ).toEqual({
      profile: null,
    });
  });
});
