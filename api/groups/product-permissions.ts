import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import type { Db } from '../../db/client';
import { findOperator } from '../../db/queries/access';
import { findGroupProduct } from '../../db/queries/group-catalogue';
import {
  grantProductPermission,
  listProductPermissions,
  revokeProductPermission,
} from '../../db/queries/product-permissions';
import { adminDesk } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { groupProductCodeSchema } from '../../domain/groups';
import { principalOf } from '../plugins/auth';
import { bearerSecurity, errorResponses } from '../schemas';

const tags = ['group business'];

const permissionSchema = z.object({
  operatorId: z.string(),
  productCode: z.string(),
  productName: z.string(),
  grantedBy: z.string().describe('The administrator who granted it'),
  grantedAt: z.string().describe('ISO 8601 time'),
});

const operatorParams = z.object({ operatorId: nonBlankText(64) });
const permissionParams = operatorParams.extend({ productCode: groupProductCodeSchema });

/**
 * REQ: GRP-1 — "ask an administrator": administrators grant and revoke operators' group product permissions
 * (产品权限); an operator sees and orders only the products they hold it for.
 */
export function productPermissionRoutes(deps: { db: Db }) {
  const { db } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/operators/:operatorId/product-permissions',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: "An operator's group product permissions (产品权限)",
          description: 'The group products the operator may see and order (GRP-1). Administrators only.',
          security: bearerSecurity,
          params: operatorParams,
          response: {
            200: z.object({ operatorId: z.string(), items: z.array(permissionSchema) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { operatorId } = request.params;
        await requireOperator(db, operatorId);
        return { operatorId, items: await listProductPermissions(db, operatorId) };
      },
    );

    r.put(
      '/operators/:operatorId/product-permissions/:productCode',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Grant a group product permission (授予产品权限)',
          description:
            'Lets the operator see and order the product (GRP-1), recording the administrator who granted ' +
            'it. 201 when granted now; granting it again changes nothing and answers 200.',
          security: bearerSecurity,
          params: permissionParams,
          response: { 200: permissionSchema, 201: permissionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { operatorId, productCode } = request.params;
        await requireOperator(db, operatorId);
        const product = await findGroupProduct(db, productCode);
        if (!product) {
          throw new AppError('GroupProductNotFound', `productCode: no active group product ${productCode}`);
        }
        const { permission, created } = await grantProductPermission(db, {
          operatorId,
          productCode,
          productName: product.name,
          grantedBy: principalOf(request).operatorId,
        });
        return reply.code(created ? 201 : 200).send(permission);
      },
    );

    r.delete(
      '/operators/:operatorId/product-permissions/:productCode',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Revoke a group product permission (收回产品权限)',
          description:
            'The operator no longer sees the product nor may order it (GRP-1); orders already accepted run on. ' +
            'Revoking a permission not held is no error.',
          security: bearerSecurity,
          params: permissionParams,
          response: { 204: z.null().describe('Revoked'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { operatorId, productCode } = request.params;
        await requireOperator(db, operatorId);
        await revokeProductPermission(db, operatorId, productCode);
        return reply.code(204).send(null);
      },
    );
  };
}

async function requireOperator(db: Db, operatorId: string): Promise<void> {
  if (!(await findOperator(db, operatorId))) {
    throw new AppError('NotFound', `operatorId: no operator ${operatorId}`);
  }
}
