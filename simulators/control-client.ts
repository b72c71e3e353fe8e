import { requestJson } from '../activities/adapters/http/request';
import type { Behaviours, SimulatedSystem, SimulatorsControl } from './control';

const query = (filter: Record<string, string | undefined> = {}): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
};

/** The simulators process at `url`, steered and inspected over its control routes (`/control/…`). */
export function connectSimulators(url: string): SimulatorsControl {
  const base = url.replace(/\/$/, '');
  const c = `${base}/control`;
  const get = <T>(path: string) => requestJson<T>('GET', `${c}${path}`);
  const enc = encodeURIComponent;
  return {
    url: base,
    behaviour: <S extends SimulatedSystem>(system: S) => get<Behaviours[S]>(`/behaviour/${system}`),
    setBehaviour: <S extends SimulatedSystem>(system: S, patch: Partial<Behaviours[S]>) =>
      requestJson<Behaviours[S]>('PATCH', `${c}/behaviour/${system}`, patch),
    hlr: {
      subscriber: async (msisdn) =>
        (
          await get<{ subscriber: Awaited<ReturnType<SimulatorsControl['hlr']['subscriber']>> }>(
            `/hlr/subscribers/${enc(msisdn)}`,
          )
        ).subscriber,
    },
    bank: {
      openAccount: async (accountNo, account) => {
        await requestJson('PUT', `${c}/bank/accounts/${enc(accountNo)}`, account);
      },
      decline: async (accountNo) => {
        await requestJson('PUT', `${c}/bank/declined/${enc(accountNo)}`, {});
      },
      charges: (filter) => get(`/bank/charges${query(filter)}`),
      refunds: (filter) => get(`/bank/refunds${query(filter)}`),
    },
    sms: { inbox: (msisdn) => get(`/sms/inbox/${enc(msisdn)}`) },
    clearing: {
      portIns: (filter) => get(`/clearing/port-ins${query(filter)}`),
      cancellations: () => get('/clearing/cancellations'),
      requestPortOut: (req) => requestJson('POST', `${c}/clearing/port-out-requests`, req),
      portOutRequests: (filter) => get(`/clearing/port-out-requests${query(filter)}`),
      portOutAnswers: () => get('/clearing/port-out-answers'),
    },
    bboss: {
      appliedMemberChanges: (filter) => get(`/bboss/member-changes${query(filter)}`),
      orders: () => get('/bboss/orders'),
    },
    telephony: {
      placeCall: (req) => requestJson('POST', `${c}/telephony/calls`, req),
      hangUp: async (callId) => {
        await requestJson('POST', `${c}/telephony/calls/${enc(callId)}/hang-up`, {});
      },
    },
  };
}
