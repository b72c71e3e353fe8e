import type { Db } from '../../db/client';
import { stockScopeOf } from '../../db/queries/org-units';
import { findActiveProduct } from '../../db/queries/products';
import { listAvailableNumbers } from '../../db/queries/resources';
import { AppError } from '../../domain/errors';
import {
  openingPayer,
  quoteOpenAccount,
  type OpenAccountRequest,
  type Quote,
} from '../../domain/open-account';
import type { Principal } from '../../domain/access';

/** What an opening would cost, asked before it is submitted, and the number it would take. */
export interface OpeningQuote extends Quote {
  /** The number chosen; null when none was chosen (the order takes the cheapest free one as it runs). */
  msisdn: string | null;
  selectionFeeFen: number;
}

/**
 * REQ: OPEN-4 — the price of an opening before it is submitted, by the same `quoteOpenAccount` the workflow
 * charges with, from the same facts: the active product, the selection fee (选号费) of the number the order
 * would pre-empt (the chosen one, or the cheapest free one in the operator's stock as a claim takes it) and
 * the configured roaming deposit. Nothing is held: the number may be gone by the time the order runs.
 */
export async function quoteOpening(
  db: Db,
  principal: Principal,
  request: OpenAccountRequest,
  roamingDepositFen: number,
): Promise<OpeningQuote> {
  const product = await findActiveProduct(db, request.productCode);
  if (!product) {
    throw new AppError(
      'ProductNotFound',
      `productCode: ${request.productCode} does not exist or is withdrawn`,
      {
        productCode: request.productCode,
      },
    );
  }
  const scope = await stockScopeOf(db, principal.operatorId);
  const [number] = await listAvailableNumbers(
    db,
    request.msisdn ? { like: request.msisdn, limit: 1 } : { limit: 1, cheapestFirst: true },
    scope,
  );
  if (!number) {
    throw request.msisdn
      ? new AppError(
          'NumberUnavailable',
          `msisdn: ${request.msisdn} is not free in the stock this operator sells`,
          {
            msisdn: request.msisdn,
          },
        )
      : new AppError('NoNumberAvailable', 'No free number is left in the stock this operator sells');
  }
  const quote = quoteOpenAccount({
    product,
    selectionFeeFen: number.selectionFeeFen,
    internationalRoaming: request.internationalRoaming,
    payer: openingPayer(request),
    roamingDepositFen,
  });
  return { ...quote, msisdn: request.msisdn ?? null, selectionFeeFen: number.selectionFeeFen };
}
