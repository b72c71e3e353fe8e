import bcrypt from 'bcryptjs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rule } from '../../domain/bilingual-messages';
import { lettersAndDigitsPattern, nonBlankText } from '../../domain/text-fields';
import { revokeOperatorSessions } from '../../db/queries/access';
import type { Db, DbOrTx } from '../../db/client';
import {
  findOperatorView,
  insertOperator,
  lockOperator,
  pageOfOperators,
  replaceBindings,
  unknownChannels,
  unknownOutlets,
  updateOperatorColumns,
  type OperatorColumns,
} from '../../db/queries/operators';
import { saveStaffProfile } from '../../db/queries/staff-profiles';
import { findActiveOutlet } from '../../db/queries/work-order-detail';
import { adminDesk, roleSchema, type Principal, type Role } from '../../domain/access';
import { businessHoursSchema } from '../../domain/channels';
import { AppError } from '../../domain/errors';
import { resolveStaffProfile, staffProfileInputSchema, type StaffProfile } from '../../domain/service-staff';
import { principalOf } from '../plugins/auth';
import { booleanQuery, errorResponses, queryInteger, routeDoc } from '../schemas';

const tags = ['channels and operators'];
const access = { access: adminDesk };
/** bcrypt cost, as the seed uses. */
const HASH_ROUNDS = 10;

const operatorIdSchema = z
  .string()
  .regex(
    /^[a-z0-9_.-]{3,32}$/,
    rule('an operator ID is 3–32 of a-z 0-9 _ . -', '工号为 3–32 位小写字母、数字或 _ . -'),
  )
  .describe('Operator ID (工号)');
const passwordSchema = z
  .string()
  .min(8, rule('a password has at least 8 characters', '密码至少 8 位'))
  .max(128)
  .regex(lettersAndDigitsPattern, rule('a password has both letters and digits', '密码须同时包含字母和数字'))
  .describe('Never returned, logged or audited; stored as a bcrypt hash');
const rolesSchema = z.array(roleSchema).min(1, rule('at least one role', '至少选择一个角色')).max(7);
const codesSchema = z.array(nonBlankText(64)).max(50);

const newOperatorBody = z.strictObject({
  id: operatorIdSchema,
  name: nonBlankText(100),
  password: passwordSchema,
  roles: rolesSchema,
  channels: codesSchema
    .min(1, rule('at least one channel', '至少选择一个渠道'))
    .describe('Channel codes it may sign in through'),
  outlets: codesSchema.optional().describe('Outlet codes (网点) it may sign in at'),
  businessHours: businessHoursSchema.optional(),
  staff: staffProfileInputSchema
    .optional()
    .describe(
      'REQ: WO-4 — role serviceStaff: the outlet it works from (default: its one outlet), skills, active',
    ),
});

const operatorChangeBody = z.strictObject({
  name: nonBlankText(100).optional(),
  roles: rolesSchema.optional(),
  channels: codesSchema
    .min(1, rule('at least one channel', '至少选择一个渠道'))
    .optional()
    .describe('Replaces the set'),
  outlets: codesSchema.optional().describe('Replaces the set; [] = no particular outlet'),
  businessHours: businessHoursSchema.nullable().optional().describe('null = any time'),
  active: z.boolean().optional().describe('false: sign-in and every live token stop'),
  password: passwordSchema.optional().describe('Resets the password'),
  unlock: z.literal(true).optional().describe('Clears failed sign-ins and a lockout'),
  staff: staffProfileInputSchema
    .optional()
    .describe('REQ: WO-4 — changes the service-staff profile: each field given replaces the stored one'),
});
type OperatorChange = z.infer<typeof operatorChangeBody>;

const operatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  channels: z.array(z.string()),
  outlets: z.array(z.string()),
  businessHours: z.string().nullable(),
  active: z.boolean(),
  failedLogins: z.number().int(),
  lockedUntil: z.string().nullable().describe('Locked out of signing in until then'),
  createdAt: z.string(),
  staff: z
    .object({ outletCode: z.string(), skills: z.array(z.string()), active: z.boolean() })
    .nullable()
    .describe('REQ: WO-4 — the service-staff profile (服务人员资料); null when it has none'),
});

const idParams = z.object({ id: operatorIdSchema });
const listQuery = z.object({
  role: roleSchema.optional(),
  channel: nonBlankText(64).optional(),
  active: booleanQuery.optional(),
  offset: queryInteger(0).default(0),
  limit: queryInteger(1, 200).default(50),
});

/**
 * REQ: CH-2, CH-4 — administrators create operators (工号), bind them to the channels and
 * outlets they may work through, set their roles and business hours, reset passwords, lift lockouts and
 * deactivate them; service staff get the profile dispatch and grabs read (REQ: WO-4). Each write is one transaction; the principal is read per request, so a change applies
 * to the operator's next request.
 */
export function operatorRoutes(deps: { db: Db }) {
  const { db } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const doc = routeDoc(tags);

    r.post(
      '/operators',
      {
        config: access,
        schema: {
          ...doc(
            'Create an operator (新建工号)',
            'With its initial password, roles, the channels it may sign in through and optionally outlets ' +
              'and business hours. 409 OperatorExists when the ID is taken. Role serviceStaff (WO-4) gets a ' +
              'service-staff profile and can grab and be dispatched at once: `staff.outletCode` (default: the ' +
              'one outlet in `outlets`; none → 422 StaffOutletRequired; not an active outlet → 422 ' +
              'OutletNotFound), `staff.skills`, `staff.active`. `staff` without the role: 422 StaffRoleRequired.',
          ),
          body: newOperatorBody,
          response: { 201: operatorSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { password, channels, outlets, staff, ...operator } = request.body;
        const profile = staffProfileOrRefuse({
          roles: operator.roles,
          given: staff,
          outlets: outlets ?? [],
          current: null,
        });
        const passwordHash = await bcrypt.hash(password, HASH_ROUNDS);
        await db.transaction(async (tx) => {
          await assertBindingsExist(tx, { channels, outlets });
          const created = await insertOperator(tx, {
            ...operator,
            roles: dedupe(operator.roles),
            businessHours: operator.businessHours ?? null,
            passwordHash,
          });
          if (!created) throw new AppError('OperatorExists', `body.id: operator ${operator.id} exists`);
          await replaceBindings(tx, operator.id, { channels, outlets: outlets ?? [] });
          if (profile) await saveProfile(tx, operator.id, profile, null);
        });
        return reply.code(201).send(await viewOf(db, operator.id));
      },
    );

    r.get(
      '/operators',
      {
        config: access,
        schema: {
          ...doc(
            'Operators (工号列表)',
            'Every operator, by ID; filter by role, channel, active. One page at a time (`offset`, `limit`, ' +
              'default 50); the total is in the X-Total-Count header.',
          ),
          querystring: listQuery,
          response: { 200: z.object({ items: z.array(operatorSchema) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { offset, limit, ...filter } = request.query;
        const { total, items } = await pageOfOperators(db, filter, { offset, limit });
        void reply.header('x-total-count', String(total));
        return { items };
      },
    );

    r.get(
      '/operators/:id',
      {
        config: access,
        schema: {
          ...doc('One operator', 'Roles, channels, outlets, business hours, state and lockout.'),
          params: idParams,
          response: { 200: operatorSchema, ...errorResponses },
        },
      },
      async (request) => viewOf(db, request.params.id),
    );

    r.patch(
      '/operators/:id',
      {
        config: access,
        schema: {
          ...doc(
            'Change an operator',
            'Name, roles, channels and outlets (each replaces the set), business hours (null = any time), ' +
              'active, a password reset, unlock=true to lift a lockout. Takes effect on its next request; a password ' +
              'reset or a change of channels or outlets also signs the operator out everywhere (its tokens answer 401). ' +
              'An administrator may not deactivate itself or drop its own admin role (409 OwnAdminAccessKept). ' +
              '`staff` changes the service-staff profile (WO-4: outlet, skills, active — each field given replaces ' +
              'the stored one; dispatch and grabs follow at once); giving role serviceStaff to an operator without ' +
              'a profile needs its outlet (422 StaffOutletRequired).',
          ),
          params: idParams,
          body: operatorChangeBody,
          response: { 200: operatorSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { id } = request.params;
        assertKeepsOwnAccess(principalOf(request), id, request.body);
        const columns = await columnsOf(request.body);
        await db.transaction(async (tx) => {
          const before = (await lockOperator(tx, id)) && (await findOperatorView(tx, id));
          if (!before) throw notFound(id);
          await assertBindingsExist(tx, request.body);
          const profile = staffProfileOrRefuse({
            roles: request.body.roles ?? before.roles,
            given: request.body.staff,
            outlets: request.body.outlets ?? before.outlets,
            current: before.staff,
          });
          await updateOperatorColumns(tx, id, columns);
          await replaceBindings(tx, id, request.body);
          if (profile) await saveProfile(tx, id, profile, before.staff);
          // A token must not outlive the password or the channel or outlet it was obtained with.
          const { password, channels, outlets } = request.body;
          if (password !== undefined || channels !== undefined || outlets !== undefined) {
            await revokeOperatorSessions(tx, id);
          }
        });
        return viewOf(db, id);
      },
    );
  };
}

/** An administrator cannot lock itself out: no self-deactivation, no dropping its own admin role. */
function assertKeepsOwnAccess(principal: Principal, id: string, change: OperatorChange): void {
  if (principal.operatorId !== id) return;
  if (change.active === false) {
    throw new AppError('OwnAdminAccessKept', `body.active: operator ${id} may not deactivate itself`);
  }
  if (change.roles && principal.roles.includes('admin') && !change.roles.includes('admin')) {
    throw new AppError('OwnAdminAccessKept', `body.roles: operator ${id} may not drop its own admin role`);
  }
}

/** Unknown channel or outlet codes are a business refusal: 422 naming the field and the codes. */
async function assertBindingsExist(
  db: DbOrTx,
  bindings: { channels?: readonly string[]; outlets?: readonly string[] },
): Promise<void> {
  const missingChannels = await unknownChannels(db, bindings.channels ?? []);
  if (missingChannels.length > 0) {
    throw new AppError('BusinessRuleViolated', `body.channels: no channel ${missingChannels.join(', ')}`, {
      field: 'body.channels',
      unknown: missingChannels,
    });
  }
  const missingOutlets = await unknownOutlets(db, bindings.outlets ?? []);
  if (missingOutlets.length > 0) {
    throw new AppError('BusinessRuleViolated', `body.outlets: no outlet ${missingOutlets.join(', ')}`, {
      field: 'body.outlets',
      unknown: missingOutlets,
    });
  }
}

/** REQ: WO-4 — the service-staff profile the operator will have (null: none to write), or a 422 refusal. */
function staffProfileOrRefuse(input: Parameters<typeof resolveStaffProfile>[0]): StaffProfile | null {
  const resolved = resolveStaffProfile(input);
  if ('refusal' in resolved) throw new AppError(resolved.refusal.code, resolved.refusal.message);
  return resolved.profile;
}

/** Writes the profile when it differs from the stored one; a new outlet must be an active one (422). */
async function saveProfile(
  tx: DbOrTx,
  id: string,
  profile: StaffProfile,
  current: StaffProfile | null,
): Promise<void> {
  if (current && JSON.stringify(current) === JSON.stringify(profile)) return;
  if (profile.outletCode !== current?.outletCode && !(await findActiveOutlet(tx, profile.outletCode))) {
    throw new AppError(
      'OutletNotFound',
      `body.staff.outletCode: ${profile.outletCode} is not an active outlet (网点)`,
    );
  }
  await saveStaffProfile(tx, id, profile);
}

async function columnsOf(change: OperatorChange): Promise<OperatorColumns> {
  const columns: OperatorColumns = {};
  if (change.name !== undefined) columns.name = change.name;
  if (change.roles !== undefined) columns.roles = dedupe(change.roles);
  if (change.businessHours !== undefined) columns.businessHours = change.businessHours;
  if (change.active !== undefined) columns.active = change.active;
  if (change.password !== undefined) columns.passwordHash = await bcrypt.hash(change.password, HASH_ROUNDS);
  if (change.unlock) {
    columns.failedLogins = 0;
    columns.lockedUntil = null;
  }
  return columns;
}

async function viewOf(db: Db, id: string) {
  const view = await findOperatorView(db, id);
  if (!view) throw notFound(id);
  return view;
}

const dedupe = (roles: Role[]): Role[] => [...new Set(roles)];

function notFound(id: string): AppError {
  return new AppError('NoSuchOperator', `params.id: no operator ${id}`);
}
