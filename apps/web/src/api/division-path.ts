/**
 * The cascader path of a code: GB/T 2260 province XX0000 → city XXXX00 → county XXXXXX, and the
 * 9-digit township code under its county.
 */
export function divisionPath(code: string): string[] {
  if (code.length === 9) return [...divisionPath(code.slice(0, 6)), code];
  const province = code.slice(0, 2) + '0000';
  const city = code.slice(0, 4) + '00';
  if (code === province) return [province];
  if (code === city) return [province, city];
  return [province, city, code];
}
