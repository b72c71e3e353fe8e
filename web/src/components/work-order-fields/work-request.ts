/** What the work-order forms (new work order, green channel) ask alike: the work's words and the customer. */
export interface WorkFormTexts {
  title?: string;
  description?: string;
  customer: { msisdn?: string; name?: string; address?: string };
}

/** A text the API takes only when given: trimmed, or left out when empty. */
export const optionalText = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

/** The title, description and customer as the API takes them: trimmed, the address left out when empty. */
export function workTextsOf(values: WorkFormTexts) {
  return {
    title: (values.title ?? '').trim(),
    description: (values.description ?? '').trim(),
    customer: {
      msisdn: (values.customer.msisdn ?? '').trim(),
      name: (values.customer.name ?? '').trim(),
      address: optionalText(values.customer.address),
    },
  };
}
