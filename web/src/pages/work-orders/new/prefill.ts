/**
 * What another screen may fill in on the new-work-order form through its address
 * (`/work-orders/new?from=greenChannel&category=complaintFollowUp&msisdn=…`), e.g. the green channel's offer
 * to escalate a refused promise to the complaint process (GC-3). Never a password: an address is kept in the
 * browser's history.
 */
export interface WorkOrderPrefill {
  from?: 'greenChannel';
  category?: string;
  priority?: string;
  title?: string;
  description?: string;
  msisdn?: string;
  name?: string;
  address?: string;
}

const keys = ['from', 'category', 'priority', 'title', 'description', 'msisdn', 'name', 'address'] as const;

/** The address of the new-work-order form filled in with `prefill`. */
export function newWorkOrderHref(prefill: WorkOrderPrefill): string {
  const search = new URLSearchParams();
  for (const key of keys) {
    const value = prefill[key];
    if (value) search.set(key, value);
  }
  return `/work-orders/new?${search.toString()}`;
}

/** What the address fills in (unknown keys ignored). */
export function prefillOf(search: URLSearchParams): WorkOrderPrefill {
  const get = (key: (typeof keys)[number]) => search.get(key) ?? undefined;
  return {
    from: get('from') === 'greenChannel' ? 'greenChannel' : undefined,
    category: get('category'),
    priority: get('priority'),
    title: get('title'),
    description: get('description'),
    msisdn: get('msisdn'),
    name: get('name'),
    address: get('address'),
  };
}
