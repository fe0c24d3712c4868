// The --json contract: one key casing (camelCase) everywhere. Keys that would be data (a field
// name, an email, a survey) are not keys: the result lists them as objects in an array.
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;

/** Every key of the value that is not camelCase, as a path (`result.pairs[0].student_email`). */
export function nonCamelKeys(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => nonCamelKeys(v, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [...(CAMEL.test(k) ? [] : [`${at}.${k}`]), ...nonCamelKeys(v, `${at}.${k}`)]);
}

/** How many keys the value has, so a check of casing also checks that it looked at something. */
export function keyCount(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + keyCount(v), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.entries(value).reduce((n, [, v]) => n + 1 + keyCount(v), 0);
}
