import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api-client/client';
import type { paths } from '../../api-client/schema';

/**
 * A line as the order desk sees it (`GET /api/v1/lines/:msisdn`): owner masked as the API masks it, state,
 * product, features, balance, open orders, the pre-cancellation grace, and the service changes offered.
 */
export type LineSummary =
  paths['/api/v1/lines/{msisdn}']['get']['responses'][200]['content']['application/json'];

export function useLineSummary(msisdn: string) {
  return useQuery({
    queryKey: ['line', msisdn],
    queryFn: () => unwrap(api.GET('/api/v1/lines/{msisdn}', { params: { path: { msisdn } } })),
    retry: false,
  });
}
