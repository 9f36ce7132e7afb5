/**
 * Reading a plain object by a name that came from data (a field name, a config key): `obj[name]`
 * finds Object.prototype's members for names such as "constructor", "toString" or "__proto__".
 */

/** the object's own value for `key`, or undefined (never an inherited member) */
export function ownValue<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** a fresh object without a prototype, safe to fill with keys that came from data */
export function dataRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
