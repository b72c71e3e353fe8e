import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import type { Db } from '../../db/client';
import {
  findClerkUnitOf,
  findOrgUnit,
  heldCounts,
  heldCountsOf,
  insertOrgUnit,
  listOrgUnits,
  operatorExists,
  updateOrgUnit,
  type HeldCounts,
  type OrgUnitRecord,
} from '../../db/queries/org-units';
import { adminDesk } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { orgUnitCodeSchema, parentProblem } from '../../domain/org-tree';
import { orgUnitKindLabels, orgUnitKindSchema } from '../../domain/resources';
import { principalOf } from '../plugins/auth';
import { bearerSecurity, errorResponses, labelSchema } from '../schemas';
import { API_PREFIX } from '../prefix';

const tags = ['resources'];

const heldSchema = z.object({
  numbers: z.number().int().describe('Numbers this unit holds, in any state'),
  sims: z.number().int().describe('SIM cards this unit holds, in any state'),
});

const unitViewSchema = z.object({
  code: z.string(),
  kind: orgUnitKindSchema,
  kindLabel: labelSchema,
  name: z.string(),
  parentCode: z.string().nullable().describe('null for a city'),
  operatorId: z.string().nullable().describe("A clerk's operator (工号); null for other kinds"),
  active: z.boolean(),
  held: heldSchema,
  createdBy: z.string(),
  createdAt: z.string().describe('ISO 8601 time'),
});
type UnitView = z.infer<typeof unitViewSchema>;

// The tree has exactly four levels, so it is spelled out rather than recursive (clearer in OpenAPI).
const outletNodeSchema = unitViewSchema.extend({ children: z.array(unitViewSchema).describe('Clerks') });
const areaNodeSchema = unitViewSchema.extend({ children: z.array(outletNodeSchema).describe('Outlets') });
const cityNodeSchema = unitViewSchema.extend({ children: z.array(areaNodeSchema).describe('Areas') });
const treeSchema = z.object({
  central: heldSchema.describe('Central stock: stocked in, not issued to any city'),
  cities: z.array(cityNodeSchema),
});

const unitDetailSchema = unitViewSchema.extend({ children: z.array(unitViewSchema) });

const codeParams = z.object({ code: nonBlankText(64) });

const createBodySchema = z
  .object({
    code: orgUnitCodeSchema,
    kind: orgUnitKindSchema,
    name: nonBlankText(64),
    parentCode: orgUnitCodeSchema.nullable().optional().describe('Required except for a city'),
    operatorId: nonBlankText(64).optional().describe('Required for a clerk, else absent'),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'clerk' && !body.operatorId)
      ctx.addIssue({ code: 'custom', path: ['operatorId'], message: 'required for a clerk' });
    if (body.kind !== 'clerk' && body.operatorId)
      ctx.addIssue({ code: 'custom', path: ['operatorId'], message: 'only a clerk names an operator' });
  });

const changeBodySchema = z
  .object({ name: nonBlankText(64).optional(), active: z.boolean().optional() })
  .strict();

/**
 * REQ: RES-2 — the organisation tree (组织机构) stock flows through: city (市公司) → area (营业区) → outlet
 * (营业点) → clerk (营业员, one operator). Units are never deleted; a unit holding no stock may be deactivated.
 */
export function orgUnitRoutes(deps: { db: Db }) {
  const { db } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/org-units',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'The organisation tree (组织机构树)',
          description:
            'Cities → areas → outlets → clerks, nested, each with the numbers and SIM cards it holds; `central` ' +
            'counts the stock not yet issued to any city. Administrators only.',
          security: bearerSecurity,
          response: { 200: treeSchema, ...errorResponses },
        },
      },
      async () => {
        const [units, counts] = await Promise.all([listOrgUnits(db), heldCounts(db)]);
        const view = (u: OrgUnitRecord) => unitView(u, counts.get(u.code));
        const childrenOf = (code: string) => units.filter((u) => u.parentCode === code);
        return {
          central: counts.get(null) ?? { numbers: 0, sims: 0 },
          cities: units
            .filter((u) => u.kind === 'city')
            .map((city) => ({
              ...view(city),
              children: childrenOf(city.code).map((area) => ({
                ...view(area),
                children: childrenOf(area.code).map((outlet) => ({
                  ...view(outlet),
                  children: childrenOf(outlet.code).map(view),
                })),
              })),
            })),
        };
      },
    );

    r.get(
      '/org-units/:code',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'One organisation unit (组织单元)',
          description: 'The unit, what it holds and its direct children. 404 OrgUnitNotFound.',
          security: bearerSecurity,
          params: codeParams,
          response: { 200: unitDetailSchema, ...errorResponses },
        },
      },
      async (request) => detail(db, await requireUnit(db, request.params.code)),
    );

    r.post(
      '/org-units',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Add an organisation unit (新增组织单元)',
          description:
            'code: 2–32 of A–Z, 0–9, -. kind city | area | outlet | clerk. parentCode: none for a city, else an ' +
            'existing unit of the kind one level up (area → city, outlet → area, clerk → outlet), otherwise 422 ' +
            'IllegalOrgUnitParent naming both kinds. operatorId: a clerk only — an existing operator (422 ' +
            'OperatorNotFound) who is not already a clerk (409 OrgUnitExists). A code in use: 409 OrgUnitExists.',
          security: bearerSecurity,
          body: createBodySchema,
          response: { 201: unitDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { code, kind, name, operatorId } = request.body;
        const parentCode = request.body.parentCode ?? null;
        const parent = parentCode ? await findOrgUnit(db, parentCode) : null;
        const problem = parentProblem(kind, parentCode, parent);
        if (problem) throw new AppError('IllegalOrgUnitParent', problem);
        if (operatorId) await checkClerkOperator(db, operatorId);
        const created = await insertOrgUnit(db, {
          code,
          kind,
          name,
          parentCode,
          operatorId: operatorId ?? null,
          createdBy: principalOf(request).operatorId,
        });
        if (!created) {
          if (await findOrgUnit(db, code))
            throw new AppError('OrgUnitExists', `code: an organisation unit ${code} already exists`);
          if (operatorId) await checkClerkOperator(db, operatorId);
          throw new AppError('OrgUnitExists', `code: ${code} could not be added; try again`);
        }
        const href = `${API_PREFIX}/org-units/${encodeURIComponent(code)}`;
        return reply
          .code(201)
          .header('location', href)
          .send(await detail(db, created));
      },
    );

    r.patch(
      '/org-units/:code',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Rename, deactivate or reactivate an organisation unit (修改组织单元)',
          description:
            'name and/or active. A unit still holding numbers or SIM cards cannot be deactivated: 409 ' +
            'OrgUnitHoldsStock with the counts — recycle them to the parent first. 404 OrgUnitNotFound.',
          security: bearerSecurity,
          params: codeParams,
          body: changeBodySchema,
          response: { 200: unitDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { code } = request.params;
        await requireUnit(db, code);
        if (request.body.active === false) {
          const held = await heldCountsOf(db, code);
          if (held.numbers > 0 || held.sims > 0)
            throw new AppError(
              'OrgUnitHoldsStock',
              `active: ${code} still holds ${held.numbers} numbers and ${held.sims} SIM cards; recycle them first`,
              held,
            );
        }
        const changed = await updateOrgUnit(db, code, request.body);
        if (!changed) throw notFound(code);
        return detail(db, changed);
      },
    );
  };
}

function unitView(unit: OrgUnitRecord, held: HeldCounts | undefined): UnitView {
  return { ...unit, kindLabel: orgUnitKindLabels[unit.kind], held: held ?? { numbers: 0, sims: 0 } };
}

async function detail(db: Db, unit: OrgUnitRecord): Promise<z.infer<typeof unitDetailSchema>> {
  const [units, counts] = await Promise.all([listOrgUnits(db), heldCounts(db)]);
  const children = units
    .filter((u) => u.parentCode === unit.code)
    .map((u) => unitView(u, counts.get(u.code)));
  return { ...unitView(unit, counts.get(unit.code)), children };
}

async function requireUnit(db: Db, code: string): Promise<OrgUnitRecord> {
  const unit = await findOrgUnit(db, code);
  if (!unit) throw notFound(code);
  return unit;
}

const notFound = (code: string) => new AppError('OrgUnitNotFound', `code: no organisation unit ${code}`);

/** A clerk is one existing operator, and an operator is at most one clerk. */
async function checkClerkOperator(db: Db, operatorId: string): Promise<void> {
  if (!(await operatorExists(db, operatorId)))
    throw new AppError('OperatorNotFound', `operatorId: no operator ${operatorId}`);
  const clerk = await findClerkUnitOf(db, operatorId);
  if (clerk)
    throw new AppError(
      'OrgUnitExists',
      `operatorId: operator ${operatorId} is already clerk unit ${clerk.code}`,
    );
}
