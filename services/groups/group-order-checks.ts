import type { Db } from '../../db/client';
import { findOperator } from '../../db/queries/access';
import {
  findGroup,
  findGroupProduct,
  findGroupTariff,
  hasProductPermission,
  listGroupTariffs,
  type GroupProductRecord,
} from '../../db/queries/group-catalogue';
import type { Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type {
  GroupChangeRequest,
  GroupOpenRequest,
  GroupOrderRequest,
  TariffChoice,
} from '../../domain/groups';
import { validateAttributes, type AttributeIssue } from '../../domain/product-spec';

type Group = NonNullable<Awaited<ReturnType<typeof findGroup>>>;

/**
 * REQ: GRP-1, GRP-3 — what a group order is checked for before its workflow starts, answered at once as a
 * 4xx naming the field and the rule: the group exists, the signed-in operator holds the product permission,
 * the contract, paying account, operators and tariff belong where they should, and every attribute and tariff
 * parameter keeps the product specification. Whether the product is live, or the number a member, is state
 * that may change until the order runs: the workflows check that.
 */
export async function checkGroupOrder(
  db: Db,
  principal: Principal,
  request: GroupOrderRequest,
  now: Date = new Date(),
): Promise<void> {
  const { group, product } = await requireProductAccess(
    db,
    principal,
    request.groupCode,
    request.productCode,
  );
  switch (request.type) {
    case 'groupOpen':
      return checkOpen(db, group, product, request, now);
    case 'groupChange':
      return checkChange(db, product, request);
    case 'groupCancel':
      return checkOperators(db, request);
    case 'groupMemberAdd':
      return refuseIssues(validateAttributes(product.memberSpec, request.attributes, { path: 'attributes' }));
    case 'groupMemberChange':
      return refuseIssues(
        validateAttributes(product.memberSpec, request.attributes, { path: 'attributes', partial: true }),
      );
    case 'groupMemberDelete':
      return;
  }
}

/**
 * REQ: GRP-1 — the group exists, the product is in the catalogue and the operator holds its permission: what
 * every group order and every read of a group's product needs.
 */
export async function requireProductAccess(
  db: Db,
  principal: Principal,
  groupCode: string,
  productCode: string,
): Promise<{ group: Group; product: GroupProductRecord }> {
  const group = await findGroup(db, groupCode);
  if (!group) throw new AppError('GroupNotFound', `groupCode: no group customer ${groupCode}`);
  const product = await findGroupProduct(db, productCode);
  if (!product) {
    throw new AppError('GroupProductNotFound', `productCode: no active group product ${productCode}`);
  }
  if (!(await hasProductPermission(db, principal.operatorId, product.code))) {
    throw new AppError(
      'ProductPermissionRequired',
      `Operator ${principal.operatorId} has no permission for product ${product.code}; ask an administrator to grant it`,
    );
  }
  return { group, product };
}

/** REQ: GRP-1, GRP-3 — an opening names the group's own live contract and account, and complete terms. */
async function checkOpen(
  db: Db,
  group: Group,
  product: GroupProductRecord,
  request: GroupOpenRequest,
  now: Date,
): Promise<void> {
  const contract = group.contracts.find((c) => c.id === request.contractId);
  if (!contract) {
    throw new AppError(
      'ContractNotFound',
      `contractId: ${request.contractId} is not a contract of group ${group.groupCode}`,
    );
  }
  if (contract.endsAt.getTime() < now.getTime()) {
    throw new AppError(
      'ContractExpired',
      `contractId: contract ${contract.id} ended at ${contract.endsAt.toISOString()}; renew it before ordering`,
    );
  }
  if (!group.accounts.some((a) => a.id === request.payingAccountId)) {
    throw new AppError(
      'PayingAccountNotFound',
      `payingAccountId: ${request.payingAccountId} is not a paying account of group ${group.groupCode}`,
    );
  }
  await checkOperators(db, request);
  const tariffIssues = await checkTariff(db, product.code, request.tariff);
  refuseIssues([
    ...validateAttributes(product.spec, request.attributes, { path: 'attributes' }),
    ...tariffIssues,
  ]);
}

/** REQ: GRP-5 — a change names only what changes; a new tariff comes with all of its parameters. */
async function checkChange(db: Db, product: GroupProductRecord, request: GroupChangeRequest): Promise<void> {
  await checkOperators(db, request);
  const tariffIssues = request.tariff ? await checkTariff(db, product.code, request.tariff) : [];
  refuseIssues([
    ...validateAttributes(product.spec, request.attributes ?? {}, { path: 'attributes', partial: true }),
    ...tariffIssues,
  ]);
}

/** REQ: GRP-3 — the customer manager and the submitter are active operators; the manager holds that role. */
async function checkOperators(
  db: Db,
  request: { customerManagerId: string; submitterId: string },
): Promise<void> {
  const manager = await findOperator(db, request.customerManagerId);
  if (!manager?.active) {
    throw new AppError(
      'OperatorNotFound',
      `customerManagerId: no active operator ${request.customerManagerId}`,
    );
  }
  if (!manager.roles.includes('customerManager')) {
    throw new AppError(
      'OperatorNotFound',
      `customerManagerId: operator ${manager.id} is not a customer manager (role customerManager)`,
    );
  }
  const submitter = await findOperator(db, request.submitterId);
  if (!submitter?.active) {
    throw new AppError('OperatorNotFound', `submitterId: no active operator ${request.submitterId}`);
  }
}

/** The tariff must be one of the product's; its parameters are returned as issues to report with the rest. */
async function checkTariff(db: Db, productCode: string, choice: TariffChoice): Promise<AttributeIssue[]> {
  const tariff = await findGroupTariff(db, productCode, choice.code);
  if (!tariff) {
    const known = (await listGroupTariffs(db, productCode)).map((t) => t.code);
    throw new AppError(
      'TariffNotFound',
      `tariff.code: ${choice.code} is not a tariff of product ${productCode}; known: ${known.join(', ')}`,
    );
  }
  return validateAttributes(tariff.paramSpec, choice.params, { path: 'tariff.params' });
}

/** Every broken rule at once, so the form can be corrected in one go. */
function refuseIssues(issues: AttributeIssue[]): void {
  if (issues.length === 0) return;
  throw new AppError(
    'InvalidProductAttributes',
    issues.map((i) => `${i.path}: ${i.rule}`).join('; '),
    issues,
  );
}
