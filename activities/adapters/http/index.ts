import type { BankAdapter } from '../bank';
import type { BbossAdapter } from '../bboss';
import type { ClearingSystemAdapter } from '../clearing';
import type { HlrAdapter } from '../hlr';
import type { SmsGateway } from '../sms';
import { requestJson } from './request';

/** The outside systems the activities call, each reached over HTTP. */
export interface OutsideSystems {
  hlr: HlrAdapter;
  bank: BankAdapter;
  clearing: ClearingSystemAdapter;
  bboss: BbossAdapter;
  sms: SmsGateway;
}

/**
 * The adapters of the outside systems served at `baseUrl` (the simulators process, SIMULATORS_URL): each
 * method is one POST of its request as JSON, answered with its result as JSON.
 */
export function httpAdapters(baseUrl: string): OutsideSystems {
  const base = baseUrl.replace(/\/$/, '');
  const call =
    <Req, Res>(path: string) =>
    (req: Req): Promise<Res> =>
      requestJson<Res>('POST', `${base}${path}`, req);
  const done =
    <Req>(path: string) =>
    async (req: Req): Promise<void> => {
      await requestJson<unknown>('POST', `${base}${path}`, req);
    };
  type Hlr = HlrAdapter;
  type Bank = BankAdapter;
  type Clearing = ClearingSystemAdapter;
  type Bboss = BbossAdapter;
  return {
    hlr: {
      provision: call<Parameters<Hlr['provision']>[0], Awaited<ReturnType<Hlr['provision']>>>(
        '/hlr/provision',
      ),
      deprovision: done<Parameters<Hlr['deprovision']>[0]>('/hlr/deprovision'),
      setBarring: done<Parameters<Hlr['setBarring']>[0]>('/hlr/barring'),
      updateSubscriber: done<Parameters<Hlr['updateSubscriber']>[0]>('/hlr/update'),
    },
    bank: {
      charge: call<Parameters<Bank['charge']>[0], Awaited<ReturnType<Bank['charge']>>>('/bank/charge'),
      refund: call<Parameters<Bank['refund']>[0], Awaited<ReturnType<Bank['refund']>>>('/bank/refund'),
      verifyAccount: call<Parameters<Bank['verifyAccount']>[0], Awaited<ReturnType<Bank['verifyAccount']>>>(
        '/bank/verify',
      ),
    },
    sms: {
      send: call<Parameters<SmsGateway['send']>[0], Awaited<ReturnType<SmsGateway['send']>>>('/sms/send'),
    },
    clearing: {
      submitPortIn: call<
        Parameters<Clearing['submitPortIn']>[0],
        Awaited<ReturnType<Clearing['submitPortIn']>>
      >('/clearing/port-ins'),
      answerPortOut: done<Parameters<Clearing['answerPortOut']>[0]>('/clearing/port-out-answers'),
      cancelPortIn: done<Parameters<Clearing['cancelPortIn']>[0]>('/clearing/cancellations'),
    },
    bboss: {
      submitOrder: call<Parameters<Bboss['submitOrder']>[0], Awaited<ReturnType<Bboss['submitOrder']>>>(
        '/bboss/orders',
      ),
      queryOrder: call<Parameters<Bboss['queryOrder']>[0], Awaited<ReturnType<Bboss['queryOrder']>>>(
        '/bboss/orders/query',
      ),
      syncMembers: call<Parameters<Bboss['syncMembers']>[0], Awaited<ReturnType<Bboss['syncMembers']>>>(
        '/bboss/member-syncs',
      ),
    },
  };
}
