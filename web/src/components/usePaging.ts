import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { fill } from '../i18n/fill';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

/**
 * The page and page size of a server-paged list, kept in the URL (`?page=2&pageSize=20`) beside its filters, so
 * a reload or a shared link shows the same page. `setFilter` changes one filter and goes back to page 1.
 */
export function usePaging(defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();
  const positive = (raw: string | null, fallback: number) => {
    const n = Number(raw);
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  const page = positive(params.get('page'), 1);
  const pageSize = positive(params.get('pageSize'), defaultPageSize);

  const setPage = useCallback(
    (nextPage: number, nextSize: number) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.set('page', String(nextSize === pageSize ? nextPage : 1));
        next.set('pageSize', String(nextSize));
        return next;
      }),
    [setParams, pageSize],
  );

  const setFilter = useCallback(
    (name: string, value: string | undefined) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value === undefined || value === '') next.delete(name);
        else next.set(name, value);
        next.delete('page');
        return next;
      }),
    [setParams],
  );

  return {
    params,
    page,
    pageSize,
    offset: (page - 1) * pageSize,
    setPage,
    setFilter,
    /**
     * antd Table's `pagination` for this list, given the total the API answered; with `totalText` (a message
     * with a `{total}` place, e.g. '共 {total} 条') the total is shown beside the pages.
     */
    pagination: (total: number, totalText?: string) => ({
      current: page,
      pageSize,
      total,
      showSizeChanger: true,
      pageSizeOptions: PAGE_SIZES.map(String),
      onChange: setPage,
      ...(totalText === undefined ? {} : { showTotal: (n: number) => fill(totalText, { total: String(n) }) }),
    }),
  };
}
