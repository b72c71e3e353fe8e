import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, unwrap } from '../../api-client/client';
import type { Bilingual } from '../../i18n/messages';
import { useLanguage } from '../../i18n/language';
import { centralStock } from './labels';

const anyUnit: Bilingual = { zh: '全部', en: 'All' };

/** The holding units to filter a list by: any, central stock, or a unit of the organisation tree. */
export function UnitSelect(props: { id: string; value?: string; onChange: (code: string) => void }) {
  const { t } = useLanguage();
  const units = useQuery({
    queryKey: ['org-units'],
    queryFn: () => unwrap(api.GET('/api/v1/org-units')),
    select: (tree) =>
      tree.cities.flatMap((city) => [
        city,
        ...city.children.flatMap((area) => [
          area,
          ...area.children.flatMap((outlet) => [outlet, ...outlet.children]),
        ]),
      ]),
    staleTime: 30_000,
  });
  return (
    <Select
      id={props.id}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 220 }}
      loading={units.isPending}
      value={props.value ?? ''}
      options={[
        { value: '', label: t(anyUnit) },
        { value: 'central', label: t(centralStock) },
        ...(units.data ?? []).map((u) => ({ value: u.code, label: `${u.name} ${u.code}` })),
      ]}
      onChange={props.onChange}
    />
  );
}

/** A holding unit in a list: its name and code, or central stock. */
export function unitCell(t: (text: Bilingual) => string, row: { unitCode: string; unitName: string | null }) {
  if (row.unitCode === 'central') return t(centralStock);
  return (
    <span>
      {row.unitName ?? ''} <code>{row.unitCode}</code>
    </span>
  );
}
