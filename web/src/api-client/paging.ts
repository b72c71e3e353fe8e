import { unwrap } from './client';

/** One page of a list the API pages on the server, and how many items match in all (X-Total-Count). */
export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * The items of a paged list answer and its total from the X-Total-Count header (UI-1: server-side paging).
 * Falls back to the page's own length when the header is missing.
 */
export async function unwrapPage<T>(
  call: Promise<{ data?: { items: T[] }; error?: unknown; response: Response }>,
): Promise<Page<T>> {
  const answer = await call;
  const { items } = await unwrap(Promise.resolve(answer));
  const header = answer.response.headers.get('x-total-count');
  return { items, total: header === null ? items.length : Number(header) };
}
