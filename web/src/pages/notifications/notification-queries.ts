import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api-client/client';
import { unwrapPage } from '../../api-client/paging';
import type { paths } from '../../api-client/schema';

/** The notices' requests (WO-6), each declared once beside its hook; every key starts with `notifications`. */

export type Notice =
  paths['/api/v1/notifications']['get']['responses'][200]['content']['application/json']['items'][number];
export type NoticeQuery = NonNullable<paths['/api/v1/notifications']['get']['parameters']['query']>;

/** The badge asks every 10 s (and when the window regains focus): a breach shows within seconds. */
const UNREAD_REFRESH_MS = 10_000;
/** The notices page asks as often, so a new notice joins the list while it is open. */
const LIST_REFRESH_MS = 10_000;

const noticesKey = ['notifications'] as const;

/** How many notices are unread: one item asked for, the count read from X-Total-Count. */
export function useUnreadNoticeCount(enabled: boolean) {
  return useQuery({
    queryKey: [...noticesKey, 'unread-count'],
    queryFn: async () =>
      (
        await unwrapPage(
          api.GET('/api/v1/notifications', { params: { query: { unread: 'true', limit: 1 } } }),
        )
      ).total,
    enabled,
    refetchInterval: UNREAD_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** One page of notices, newest first, with the total the API counted. */
export function useNotices(query: NoticeQuery) {
  return useQuery({
    queryKey: [...noticesKey, 'list', query],
    queryFn: () => unwrapPage(api.GET('/api/v1/notifications', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: LIST_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** Marks a notice read; the badge and every list of notices are read again at once. */
export function useMarkNoticeRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKey }),
  });
}
