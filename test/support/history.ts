import type { Client } from '@temporalio/client';

/** Every string and byte payload in `value`, bytes read as UTF-8, joined: what a history holds in clear. */
function decoded(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (Array.isArray(value)) return value.map(decoded).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(decoded).join('\n');
  return typeof value === 'string' ? value : '';
}

/**
 * Everything Temporal keeps of a workflow (input, activity arguments and results, signals, updates), as
 * text with the payloads decoded: a secret that is not in it never travelled in clear through the workflow.
 */
export async function workflowHistoryText(client: Client, workflowId: string): Promise<string> {
  const text = decoded(await client.workflow.getHandle(workflowId).fetchHistory());
  // The payloads were read (the order's ID is in its input), so a missing secret means something.
  if (!text.includes(workflowId)) throw new Error(`the history of ${workflowId} was not decoded`);
  return text;
}

/**
 * Whether `text` holds `secret` as a value of its own — not as six characters inside a longer run of letters and
 * digits: a hex hash or run ID holds any six digits now and then.
 */
export function holdsSecret(text: string, secret: string): boolean {
  return new RegExp(`(?<![0-9A-Za-z])${secret}(?![0-9A-Za-z])`).test(text);
}
