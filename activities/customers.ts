import type { Db } from '../db/client';
import { preEnterCustomer, setCustomerState } from '../db/queries/customers';
import type { Customer } from '../domain/open-account';
import { stableRef } from './keys';

/** Customer records: pre-entered before payment, committed after it (REQ: OPEN-3). */
export function createCustomerActivities({ db }: { db: Db }) {
  return {
    async preEnterCustomer(input: { orderId: string; customer: Customer }): Promise<{ customerId: string }> {
      const c = input.customer;
      const customerId = stableRef('CUST', input.orderId);
      await preEnterCustomer(db, {
        id: customerId,
        orderId: input.orderId,
        kind: c.kind,
        name: c.name,
        idType: c.kind === 'individual' ? c.idType : 'unitCertificate',
        idNumber: c.kind === 'individual' ? c.idNumber : c.unitCertificateNo,
        address: c.address,
        contactPhone: c.contactPhone,
        details:
          c.kind === 'enterprise'
            ? { businessLicenceNo: c.businessLicenceNo, agent: c.agent }
            : { agent: c.agent },
      });
      return { customerId };
    },

    async commitCustomer(input: { orderId: string }): Promise<void> {
      await setCustomerState(db, input.orderId, 'preEntered', 'committed');
    },

    /** Undo of pre-entry (and of commit): the record stays for audit, marked discarded. */
    async discardCustomer(input: { orderId: string }): Promise<void> {
      await setCustomerState(db, input.orderId, 'preEntered', 'discarded');
      await setCustomerState(db, input.orderId, 'committed', 'discarded');
    },
  };
}
