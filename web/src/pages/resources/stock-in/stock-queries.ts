import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api-client/client';
import { unwrapPage } from '../../../api-client/paging';
import type { paths } from '../../../api-client/schema';

/** The stock-in screens' requests (REQ: RES-1), each declared once beside its hook. */

export type StockBatch =
  paths['/api/v1/stock-batches/{id}']['get']['responses'][200]['content']['application/json'];
export type StockRow =
  paths['/api/v1/stock-batches/{id}/rows']['get']['responses'][200]['content']['application/json']['items'][number];
export type ResourceType = StockBatch['resourceType'];
export type RowResult = StockRow['result'];

const running = (b: StockBatch) => b.finishedAt === null && b.status !== 'failed';

/** The batches, newest first, one page; read again every few seconds while one of them is still running. */
export function useStockBatches(offset: number, limit: number) {
  return useQuery({
    queryKey: ['stock-batches', { offset, limit }],
    queryFn: () => unwrapPage(api.GET('/api/v1/stock-batches', { params: { query: { offset, limit } } })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(running) ? 2_000 : false),
  });
}

/** One batch and its progress, polled every second until every row has its result. */
export function useStockBatch(id: string) {
  return useQuery({
    queryKey: ['stock-batch', id],
    queryFn: () => unwrap(api.GET('/api/v1/stock-batches/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data && !running(query.state.data) ? false : 1_000),
  });
}

/**
 * A page of the batch's per-row results, optionally of one result; read again whenever the batch's progress
 * moves (`processedRows`), so the last rows' results show once the batch has finished.
 */
export function useStockRows(
  id: string,
  filter: { result?: RowResult; offset: number; limit: number },
  processedRows: number,
) {
  return useQuery({
    queryKey: ['stock-batch-rows', id, filter, processedRows],
    queryFn: () =>
      unwrapPage(api.GET('/api/v1/stock-batches/{id}/rows', { params: { path: { id }, query: filter } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * Uploads a CSV file as it is (text/csv, streamed by the browser from the file, never read into the page):
 * the API answers the batch, new (202) or the same file uploaded before (200, `replayed`).
 */
export function useUploadStock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { resourceType: ResourceType; holderCode?: string; file: File }) =>
      unwrap(
        api.POST('/api/v1/stock-batches', {
          params: {
            query: {
              resourceType: input.resourceType,
              holderCode: input.holderCode,
              fileName: input.file.name,
            },
          },
          body: '',
          bodySerializer: () => input.file,
          headers: { 'content-type': 'text/csv' },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['stock-batches'] }),
  });
}

/** The cities stock may come in at (besides central stock), from the organisation tree. */
export function useCities() {
  return useQuery({
    queryKey: ['org-units'],
    queryFn: () => unwrap(api.GET('/api/v1/org-units')),
    select: (tree) => tree.cities.map((c) => ({ code: c.code, name: c.name })),
    staleTime: 30_000,
  });
}
