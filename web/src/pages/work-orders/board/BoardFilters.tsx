import { Form, Select } from 'antd';
import { useLanguage } from '../../../i18n/language';
import { useOutlets } from '../desk/desk-queries';
import { boardMessages as m } from '../desk/messages';
import { categoryLabels, priorityLabels, statusOptions } from '../messages';
import { ALL, boardFilters } from './board-query';

/** The board's filters and order (UI-1), kept in the URL: changing one goes back to the first page. */
export function BoardFilters(props: {
  params: URLSearchParams;
  setFilter: (name: string, value: string | undefined) => void;
}) {
  const { t } = useLanguage();
  const { params, setFilter } = props;
  const outlets = useOutlets();
  const { statuses, sort } = boardFilters(params);
  const anyOption = { value: '', label: t(m.any) };
  const multi = (name: string) => {
    const v = params.get(name);
    return v ? v.split(',') : [];
  };
  return (
    <Form layout="inline" role="search" aria-label={t(m.filters)} style={{ rowGap: 8 }}>
      <Form.Item label={t(m.status)} htmlFor="wo-status">
        <Select
          id="wo-status"
          mode="multiple"
          allowClear
          style={{ minWidth: 240 }}
          value={statuses}
          options={statusOptions.map((o) => ({ value: o.value, label: t(o.label) }))}
          onChange={(v: string[]) => setFilter('status', v.length ? v.join(',') : ALL)}
        />
      </Form.Item>
      <Form.Item label={t(m.priority)} htmlFor="wo-priority">
        <Select
          id="wo-priority"
          mode="multiple"
          allowClear
          style={{ minWidth: 150 }}
          value={multi('priority')}
          options={Object.entries(priorityLabels).map(([value, label]) => ({
            value,
            label: `${value} ${t(label)}`,
          }))}
          onChange={(v: string[]) => setFilter('priority', v.join(','))}
        />
      </Form.Item>
      <Form.Item label={t(m.category)} htmlFor="wo-category">
        <Select
          id="wo-category"
          mode="multiple"
          allowClear
          style={{ minWidth: 170 }}
          value={multi('category')}
          options={Object.entries(categoryLabels).map(([value, label]) => ({ value, label: t(label) }))}
          onChange={(v: string[]) => setFilter('category', v.join(','))}
        />
      </Form.Item>
      <Form.Item label={t(m.outlet)} htmlFor="wo-outlet">
        <Select
          id="wo-outlet"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 170 }}
          loading={outlets.isPending}
          value={params.get('outletCode') ?? undefined}
          options={(outlets.data?.items ?? []).map((o) => ({
            value: o.code,
            label: `${o.code} ${o.name}`,
          }))}
          onChange={(v: string | undefined) => setFilter('outletCode', v)}
        />
      </Form.Item>
      <Form.Item label={t(m.lateness)} htmlFor="wo-overdue">
        <Select
          id="wo-overdue"
          style={{ minWidth: 110 }}
          value={params.get('overdue') ?? ''}
          options={[
            anyOption,
            { value: 'true', label: t(m.lateOnly) },
            { value: 'false', label: t(m.onTimeOnly) },
          ]}
          onChange={(v: string) => setFilter('overdue', v)}
        />
      </Form.Item>
      <Form.Item label={t(m.vip)} htmlFor="wo-vip">
        <Select
          id="wo-vip"
          style={{ minWidth: 100 }}
          value={params.get('vip') ?? ''}
          options={[
            anyOption,
            { value: 'true', label: t(m.vipOnly) },
            { value: 'false', label: t(m.notVip) },
          ]}
          onChange={(v: string) => setFilter('vip', v)}
        />
      </Form.Item>
      <Form.Item label={t(m.kind)} htmlFor="wo-kind">
        <Select
          id="wo-kind"
          style={{ minWidth: 130 }}
          value={params.get('kind') ?? ''}
          options={[
            anyOption,
            { value: 'greenChannel', label: t(m.greenOnly) },
            { value: 'standard', label: t(m.standardOnly) },
          ]}
          onChange={(v: string) => setFilter('kind', v)}
        />
      </Form.Item>
      <Form.Item label={t(m.sort)} htmlFor="wo-sort">
        <Select
          id="wo-sort"
          style={{ minWidth: 140 }}
          value={sort}
          options={[
            { value: 'priority', label: t(m.sortPriority) },
            { value: 'sla', label: t(m.sortSla) },
            { value: 'newest', label: t(m.sortNewest) },
          ]}
          onChange={(v: string) => setFilter('sort', v === 'priority' ? undefined : v)}
        />
      </Form.Item>
    </Form>
  );
}
