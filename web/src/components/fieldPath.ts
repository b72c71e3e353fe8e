/** `customer.idNumber`, `/customer/idNumber` or `documentUploads[0]` as an antd name path. */
export function namePathOf(path: string): (string | number)[] {
  return path
    .split(/[./[\]]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
