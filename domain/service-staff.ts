import { z } from 'zod';
import { nonBlankText } from './text-fields';
import type { ErrorCode } from './errors';

/**
 * REQ: WO-4 — the service-staff profile (服务人员资料) of an operator with role `serviceStaff`: the outlet (网点) it
 * works from — its grab pool and the outlet dispatch rules pick from — the skills skill rules match, and
 * whether it takes work now. Territory rules name an outlet, not a person, so a profile has no territory.
 */
export interface StaffProfile {
  outletCode: string;
  skills: string[];
  active: boolean;
}

/** What an administrator writes about a profile; on a change, each field given replaces the stored one. */
export const staffProfileInputSchema = z.strictObject({
  outletCode: nonBlankText(40)
    .optional()
    .describe(
      'The outlet (网点) it works from: its grab pool and the staff outlet rules pick from. ' +
        'Omitted on creation: the one outlet in `outlets`',
    ),
  skills: z
    .array(nonBlankText(50, 1, 'a skill is not blank'))
    .max(20)
    .optional()
    .describe('Replaces the set; skill dispatch rules match these (e.g. terminal, broadband)'),
  active: z
    .boolean()
    .optional()
    .describe('false: no dispatch and no grab (signing in is `active` of the operator)'),
});
export type StaffProfileInput = z.infer<typeof staffProfileInputSchema>;

export type StaffProfileResolution =
  | { profile: StaffProfile | null }
  | { refusal: { code: Extract<ErrorCode, 'StaffOutletRequired' | 'StaffRoleRequired'>; message: string } };

/**
 * REQ: WO-4 — the profile an operator has after it is created or changed: `null` when it is not service staff
 * (a stored profile stays, unused, until the role comes back). A service staff member works from exactly one
 * outlet: the one given, else the one it has, else the only outlet it is bound to; with none, it is refused.
 */
export function resolveStaffProfile(input: {
  roles: readonly string[];
  given: StaffProfileInput | undefined;
  outlets: readonly string[];
  current: StaffProfile | null;
}): StaffProfileResolution {
  const { roles, given, outlets, current } = input;
  if (!roles.includes('serviceStaff')) {
    if (given === undefined) return { profile: null };
    return {
      refusal: {
        code: 'StaffRoleRequired',
        message:
          'body.staff: only an operator with role serviceStaff has a service-staff profile (服务人员资料)',
      },
    };
  }
  const outletCode =
    given?.outletCode ?? current?.outletCode ?? (outlets.length === 1 ? outlets[0] : undefined);
  if (outletCode === undefined) {
    const choice = outlets.length > 1 ? ` (one of ${outlets.join(', ')})` : '';
    return {
      refusal: {
        code: 'StaffOutletRequired',
        message: `body.staff.outletCode: a service staff member (服务人员) works from one outlet (网点); give it${choice}`,
      },
    };
  }
  return {
    profile: {
      outletCode,
      skills: [...new Set(given?.skills ?? current?.skills ?? [])],
      active: given?.active ?? current?.active ?? true,
    },
  };
}
