import bcrypt from 'bcryptjs';
import type { DbOrTx } from '../../db/client';
import { parkSecret } from '../../db/queries/parked-secrets';
import { createSecretBox } from '../../infra/secret-box';
import type { AnyOrderRequest, AnyWorkflowRequest } from '../../domain/order-requests';

/** bcrypt cost of a parked service password, as the line's own hash (`activities/line-changes.ts`). */
const BCRYPT_COST = 10;

/**
 * REQ: OPEN-6, Q-1, MNP-5 — secrets of a submitted order (a service password, a port-in's authorization
 * code) never enter a workflow input or history: before the workflow starts each is parked in PostgreSQL (a
 * bcrypt hash, or sealed when it must be passed on in clear to an outside system) and the workflow gets only
 * its reference. The activity that needs the secret reads it by that reference and marks it used.
 */
export function createOrderSecrets(deps: { db: DbOrTx; secretsKey: string }) {
  const { db } = deps;
  const box = createSecretBox(deps.secretsKey);

  async function parkServicePassword(orderId: string, password: string): Promise<string> {
    return parkSecret(db, {
      orderId,
      kind: 'servicePassword',
      hash: await bcrypt.hash(password, BCRYPT_COST),
    });
  }

  return {
    /** The request the workflow gets: `request` with every secret replaced by its parked reference. */
    async park(orderId: string, request: AnyOrderRequest): Promise<AnyWorkflowRequest> {
      switch (request.type) {
        case 'openAccount':
        case 'changeCustomerData': {
          const { servicePassword, ...rest } = request;
          if (servicePassword === undefined) return rest;
          return { ...rest, servicePasswordRef: await parkServicePassword(orderId, servicePassword) };
        }
        case 'portIn': {
          // REQ: MNP-5 — the donor's code must reach the clearing system in clear: sealed, not hashed.
          const { authorizationCode, ...rest } = request;
          const authorizationCodeRef = await parkSecret(db, {
            orderId,
            kind: 'authorizationCode',
            sealed: box.seal(authorizationCode),
          });
          return { ...rest, authorizationCodeRef };
        }
        default:
          return request;
      }
    },
  };
}

export type OrderSecrets = ReturnType<typeof createOrderSecrets>;
