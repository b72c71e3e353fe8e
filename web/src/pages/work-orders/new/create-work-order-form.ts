import { categoryLabels, priorityLabels } from '../messages';
import type { CreateWorkOrderRequest } from './create-work-order-queries';
import type { WorkOrderPrefill } from './prefill';

/** The new-work-order form (WO-1) apart from its screen: its values, where they start, the request they make. */

type Priority = CreateWorkOrderRequest['priority'];
type Category = CreateWorkOrderRequest['category'];

/** The new-work-order form's values, as antd hands them over (blank fields included). */
export interface CreateWorkOrderForm {
  category?: Category;
  priority: Priority;
  title?: string;
  description?: string;
  customer: { msisdn?: string; name?: string; address?: string };
  territory?: string;
  requiredSkill?: string;
}

/** The form's starting values: P3 unless the address says otherwise, and whatever else it carries. */
export function startingValues(prefill: WorkOrderPrefill): CreateWorkOrderForm {
  const { category, priority } = prefill;
  return {
    category: category && category in categoryLabels ? (category as Category) : undefined,
    priority: priority && priority in priorityLabels ? (priority as Priority) : 'P3',
    title: prefill.title,
    description: prefill.description,
    customer: { msisdn: prefill.msisdn, name: prefill.name, address: prefill.address },
  };
}

/** The request as the API takes it: texts trimmed, optional ones left out when empty. */
export function workOrderRequestOf(values: CreateWorkOrderForm): CreateWorkOrderRequest {
  const optional = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);
  return {
    category: values.category as Category,
    priority: values.priority,
    title: (values.title ?? '').trim(),
    description: (values.description ?? '').trim(),
    customer: {
      msisdn: (values.customer.msisdn ?? '').trim(),
      name: (values.customer.name ?? '').trim(),
      address: optional(values.customer.address),
    },
    territory: optional(values.territory),
    requiredSkill: optional(values.requiredSkill),
  };
}
