/**
 * A JSON text as name/value leaves, the way Alteryx's JSON Parse names them: object keys and array
 * positions joined by dots (`a.b.0.c`). Numbers keep their exact text (lossless-json), so an id
 * past 2^53 is not rounded. An empty object or array is one leaf without a value.
 */
import { isLosslessNumber, parse, type LosslessNumber } from 'lossless-json';

export type LeafValue =
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string; integer: boolean }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  /** an array kept whole ("flatten arrays"): its JSON text */
  | { kind: 'json'; text: string };

export interface Leaf {
  name: string;
  value: LeafValue;
}

const INTEGER = /^-?\d+$/;

function stringify(value: unknown): string {
  if (isLosslessNumber(value)) return (value as LosslessNumber).value;
  if (Array.isArray(value)) return `[${value.map(stringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${stringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function walk(value: unknown, name: string, flattenArrays: boolean, out: Leaf[]): void {
  const child = (key: string) => (name === '' ? key : `${name}.${key}`);
  if (isLosslessNumber(value)) {
    const text = (value as LosslessNumber).value;
    out.push({ name, value: { kind: 'number', text, integer: INTEGER.test(text) } });
  } else if (typeof value === 'string') out.push({ name, value: { kind: 'string', text: value } });
  else if (typeof value === 'boolean') out.push({ name, value: { kind: 'bool', value } });
  else if (value === null) out.push({ name, value: { kind: 'null' } });
  else if (Array.isArray(value)) {
    if (flattenArrays) out.push({ name, value: { kind: 'json', text: stringify(value) } });
    else if (value.length === 0) out.push({ name, value: { kind: 'null' } });
    else value.forEach((item, i) => walk(item, child(String(i)), flattenArrays, out));
  } else {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) out.push({ name, value: { kind: 'null' } });
    for (const [key, item] of entries) walk(item, child(key), flattenArrays, out);
  }
}

/** the leaves of `text`, or an error message when it is not JSON */
export function jsonLeaves(text: string, flattenArrays: boolean): Leaf[] | { error: string } {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const out: Leaf[] = [];
  walk(value, '', flattenArrays, out);
  return out;
}

/** a leaf's value as text (numbers as written, booleans true/false), null for null */
export function leafText(value: LeafValue): string | null {
  switch (value.kind) {
    case 'string': case 'number': case 'json': return value.text;
    case 'bool': return value.value ? 'true' : 'false';
    case 'null': return null;
  }
}
