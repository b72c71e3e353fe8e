/**
 * A refused field's path as the API names it (`body.customer.idNumber`, `documentUploads[0]`) as an antd name
 * path within the form: the request part (`body`, `query`, `params`) is not part of the form.
 */
export function namePathOf(path: string): (string | number)[] {
  const parts = path
    .split(/[./[\]]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return ['body', 'query', 'params'].includes(String(parts[0])) ? parts.slice(1) : parts;
}
