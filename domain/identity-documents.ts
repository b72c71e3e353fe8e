/**
 * Whether an identity document shown matches a line's owner: the one comparison that queries, port-out
 * (MNP-1), pre-cancellation (PC-3, PC-5, PC-6) and service changes (CHG-1, CHG-2) make. Each business keeps
 * its own refusal codes and messages; what counts as "the same document" is decided here only.
 */

/** The owner's document as the customer record holds it; null when the line has no registered owner. */
export interface OwnerDocument {
  idType: string | null;
  idNumber: string | null;
}

/** A document number as written on it, case and spaces aside (`11010119900303345x` = `110101 19900303345X`). */
function normalisedIdNumber(idNumber: string): string {
  return idNumber.replace(/\s+/g, '').toUpperCase();
}

/**
 * The number shown is the owner's number. For rules that compare the number only, because the owner's
 * document type may differ from the one shown (an enterprise's unit certificate).
 */
export function idNumberMatches(shown: string, ownerIdNumber: string | null): boolean {
  return ownerIdNumber !== null && normalisedIdNumber(shown) === normalisedIdNumber(ownerIdNumber);
}

/** The document shown is the owner's: same type and same number. A line without an owner matches nothing. */
export function identityMatches(
  shown: { idType: string; idNumber: string },
  owner: OwnerDocument | null | undefined,
): boolean {
  return (
    !!owner &&
    owner.idType !== null &&
    shown.idType === owner.idType &&
    idNumberMatches(shown.idNumber, owner.idNumber)
  );
}
