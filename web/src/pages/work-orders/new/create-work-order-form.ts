import {
  optionalText,
  workTextsOf,
  type WorkFormTexts,
} from '../../../components/work-order-fields/work-request';
import { categoryLabels, priorityLabels } from '../messages';
import type { CreateWorkOrderRequest } from './create-work-order-queries';
import type { WorkOrderPrefill } from './prefill';

/** The new-work-order form (WO-1) apart from its screen: its values, where they start, the request they make. */

type Priority = CreateWorkOrderRequest['priority'];
type Category = CreateWorkOrderRequest['category'];

/** The new-work-order form's values, as antd hands them over (blank fields included). */
export interface CreateWorkOrderForm extends WorkFormTexts {
  category?: Category;
  priority: Priority;
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
  return {
    category: values.category as Category,
    priority: values.priority,
    ...workTextsOf(values),
    territory: optionalText(values.territory),
    requiredSkill: optionalText(values.requiredSkill),
  };
}
