import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api-client/client';
import type { paths } from '../../../api-client/schema';

/** The issue-and-recycle screen's requests (REQ: RES-2), each declared once beside its hook. */

type Tree = paths['/api/v1/org-units']['get']['responses'][200]['content']['application/json'];
export type MovementBody = NonNullable<
  paths['/api/v1/resource-movements']['post']['requestBody']
>['content']['application/json'];
export type Movement =
  paths['/api/v1/resource-movements']['get']['responses'][200]['content']['application/json']['items'][number];

/** One unit of the tree as the screen uses it; `code` null is central stock (not in the tree). */
export interface Unit {
  code: string | null;
  kind: string | null;
  name: string;
  parentCode: string | null;
  held: { numbers: number; sims: number };
  children: Unit[];
}

/** The tree flattened into units that know their children, central stock at the root. */
export function unitsOf(tree: Tree): Unit {
  type Node = { code: string; kind: string; name: string; parentCode: string | null; held: Unit['held'] };
  const unit = (n: Node, children: Unit[]): Unit => ({
    code: n.code,
    kind: n.kind,
    name: n.name,
    parentCode: n.parentCode,
    held: n.held,
    children,
  });
  return {
    code: null,
    kind: null,
    name: '',
    parentCode: null,
    held: tree.central,
    children: tree.cities.map((city) =>
      unit(
        city,
        city.children.map((area) =>
          unit(
            area,
            area.children.map((outlet) =>
              unit(
                outlet,
                outlet.children.map((clerk) => unit(clerk, [])),
              ),
            ),
          ),
        ),
      ),
    ),
  };
}

/** Every unit of the tree by code ('' = central stock). */
export function unitIndex(root: Unit): Map<string, Unit> {
  const index = new Map<string, Unit>();
  const walk = (u: Unit) => {
    index.set(u.code ?? '', u);
    u.children.forEach(walk);
  };
  walk(root);
  return index;
}

/** The organisation tree with what each unit holds now (live, counted on every read). */
export function useOrgTree() {
  return useQuery({
    queryKey: ['org-units'],
    queryFn: () => unwrap(api.GET('/api/v1/org-units')),
    select: unitsOf,
  });
}

/** The issue and recycle history of one unit (or all), one page, oldest first. */
export function useMovements(filter: { unitCode?: string; item?: string; offset: number; limit: number }) {
  return useQuery({
    queryKey: ['resource-movements', filter],
    queryFn: () => unwrap(api.GET('/api/v1/resource-movements', { params: { query: filter } })),
    placeholderData: keepPreviousData,
  });
}

/** One movement and a page of the items it moved. */
export function useMovement(id: string | null, offset: number, limit: number) {
  return useQuery({
    queryKey: ['resource-movement', id, offset, limit],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/resource-movements/{id}', {
          params: { path: { id: id ?? '' }, query: { offset, limit } },
        }),
      ),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

/** Issues or recycles; the tree's counts and the history are read again after it. */
export function useMoveStock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MovementBody) => unwrap(api.POST('/api/v1/resource-movements', { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['org-units'] });
      void queryClient.invalidateQueries({ queryKey: ['resource-movements'] });
      void queryClient.invalidateQueries({ queryKey: ['stock-levels'] });
    },
  });
}
