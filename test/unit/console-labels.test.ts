import { describe, expect, it } from 'vitest';
import { roles } from '../../domain/access';
import { idTypes } from '../../domain/open-account';
import { orderStatusLabels, orderTypes } from '../../domain/orders';
import { serviceChangeTypes } from '../../domain/service-changes';
import {
  commitmentSchema,
  greenChannelTypeLabels,
  workOrderCategories,
  workOrderPriorities,
  workOrderStatusLabels,
} from '../../domain/work-orders';
import { idTypeLabels } from '../../web/src/components/order-fields/messages';
import { roleLabels } from '../../web/src/i18n/roles';
import { serviceChangeLabels } from '../../web/src/pages/lines/messages';
import {
  orderStatusLabels as consoleOrderStatusLabels,
  orderTypeLabels,
} from '../../web/src/pages/orders/messages';
import {
  commitmentKindLabels,
  greenChannelTypeLabels as consoleGreenChannelTypeLabels,
} from '../../web/src/pages/green-channel/messages';
import { categoryLabels, priorityLabels, statusOptions } from '../../web/src/pages/work-orders/messages';

/**
 * The console cannot import server code (it is a browser bundle reaching the server through the API), so the
 * label tables its filters need before any answer are kept beside its screens. These keep them the API's: the
 * same codes, and the same words where the API labels the code itself.
 */
describe('the console speaks the API’s codes', () => {
  it('UI-1 ORD-2: order statuses carry the labels the API gives them', () => {
    expect(consoleOrderStatusLabels).toEqual(orderStatusLabels);
  });

  it('UI-1 WO-1: the work-order status filter offers every status, labelled as the API labels it', () => {
    expect(Object.fromEntries(statusOptions.map((o) => [o.value, o.label]))).toEqual(workOrderStatusLabels);
  });

  it('UI-1 GC-2: the four green-channel request types carry the labels the API gives them', () => {
    expect(consoleGreenChannelTypeLabels).toEqual(greenChannelTypeLabels);
  });

  it('UI-1 WO-1 GC-3: every work-order category, priority and kind of commitment has a label in both languages', () => {
    const labelled = (table: Record<string, { zh: string; en: string }>, codes: readonly string[]) =>
      codes.filter((code) => !table[code]?.zh || !table[code]?.en);
    const commitmentKinds = commitmentSchema.options.map((o) => o.shape.kind.value);
    expect(labelled(categoryLabels, workOrderCategories)).toEqual([]);
    expect(labelled(priorityLabels, workOrderPriorities)).toEqual([]);
    expect(labelled(commitmentKindLabels, commitmentKinds)).toEqual([]);
    expect(Object.keys(commitmentKindLabels).sort()).toEqual([...commitmentKinds].sort());
  });

  it('UI-1: every order type, service change, role and identity document has a label in both languages', () => {
    const labelled = (table: Record<string, { zh: string; en: string }>, codes: readonly string[]) =>
      codes.filter((code) => !table[code]?.zh || !table[code]?.en);
    expect(labelled(orderTypeLabels, orderTypes)).toEqual([]);
    expect(labelled(serviceChangeLabels, serviceChangeTypes)).toEqual([]);
    expect(labelled(roleLabels, roles)).toEqual([]);
    expect(labelled(idTypeLabels, idTypes)).toEqual([]);
  });
});
