import type { HlrAdapter } from './adapters/hlr';
import { transientFailure } from './failures';

/** Back-office provisioning (后台施工) on the HLR/HSS. */
export function createProvisioningActivities({ hlr }: { hlr: HlrAdapter }) {
  return {
    async provisionSubscriber(input: {
      orderId: string;
      msisdn: string;
      imsi: string;
      services: string[];
    }): Promise<{ hlrRef: string }> {
      try {
        return await hlr.provision({ requestId: `${input.orderId}:provision`, ...input });
      } catch (err) {
        throw transientFailure('ProvisioningFailed', `HLR provisioning failed: ${(err as Error).message}`);
      }
    },

    /** Undo of provisionSubscriber. */
    async deprovisionSubscriber(input: { orderId: string; msisdn: string }): Promise<void> {
      try {
        await hlr.deprovision({ requestId: `${input.orderId}:deprovision`, msisdn: input.msisdn });
      } catch (err) {
        throw transientFailure('ProvisioningFailed', `HLR de-provisioning failed: ${(err as Error).message}`);
      }
    },
  };
}
