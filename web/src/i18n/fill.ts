/** A message with its `{name}` places filled in: `fill('锁定至 {until}', { until: '10:30' })`. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
}
