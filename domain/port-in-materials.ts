import type { PortInRequest } from './port-in';

/**
 * REQ: MNP-2, MNP-4 — what is missing from the porting materials (empty when complete). The schema already
 * refuses most of it at the door (`port-in.ts`); the workflow checks again so an order never runs on
 * incomplete materials, and imports this module, not the schema's, to keep zod out of its bundle.
 */
export function missingPortingMaterials(
  request: Pick<PortInRequest, 'customer' | 'agreementSigned' | 'channel' | 'documentUploads'>,
): string[] {
  const missing: string[] = [];
  const c = request.customer;
  if (c.kind === 'individual' && c.idNumber.trim() === '') missing.push('idNumber');
  if (c.kind === 'enterprise' && c.unitCertificateNo.trim() === '') missing.push('unitCertificateNo');
  if (!request.agreementSigned) missing.push('agreementSigned');
  if (request.channel === 'online' && (request.documentUploads?.length ?? 0) === 0)
    missing.push('documentUploads');
  return missing;
}
