/** Small helpers of the workflow file checks: what a JSON value is, and how a check reports. */
export type Json = Record<string, unknown>;

/** reports a problem at a path inside the file, optionally on a tool */
export type ShapeReport = (path: string, message: string, tool?: string) => void;

export const isJsonObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** a short description of a value for an error message: `the string "abc"`, `an array`, `number 3` */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
