/**
 * Union's output metadata from its inputs' metadata. By name: output fields in order of first
 * appearance (inputs taken in stacking order), matched ignoring case. By position: the i-th
 * field of every input goes to output field i, named as in the first input that has it. Manual:
 * each output field names, per connection, the input field that feeds it. Types widen
 * (int32+int64 → int64, integer+double → double, date+datetime → datetime, anything mixed with a
 * string → string); an input lacking a field gives nulls. "Fields in every input only" keeps, by
 * name, the fields every input has and, by position, the first fields up to the narrowest input.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { widenField } from '../common/transformTypes.js';
import { compareConnectionNames } from '../common/transformConnectionOrder.js';

export type UnionMode = 'name' | 'position' | 'manual';

/** one output field of a manual union: its name, and the field of each connection that feeds it */
export interface ManualField {
  name: string;
  /** connection name (`#1`, …) → input field name; a connection left out gives nulls */
  sources: Record<string, string>;
}

export interface UnionOptions {
  mode: UnionMode;
  /** by name and by position: output only the fields that every input has */
  commonFieldsOnly: boolean;
  manualFields: ManualField[];
  /** connection names in stacking order; connections not listed follow in #1, #2, … order */
  inputOrder: string[];
}

export interface UnionPlan {
  metadata: Metadata;
  /** per input (in stacking order), for each output field, the input field feeding it or null */
  sources: (Field | null)[][];
}

export function readUnionOptions(raw: Record<string, unknown>): UnionOptions {
  const mode = raw.mode === 'position' || raw.mode === 'manual' ? raw.mode : 'name';
  return {
    mode,
    commonFieldsOnly: raw.commonFieldsOnly === true,
    manualFields: Array.isArray(raw.manualFields) ? (raw.manualFields as ManualField[]) : [],
    inputOrder: Array.isArray(raw.inputOrder) ? (raw.inputOrder as string[]) : [],
  };
}

/** the connections in stacking order: those of `inputOrder` first, the others by name */
export function stackingOrder(connections: readonly string[], inputOrder: readonly string[]): string[] {
  const listed = inputOrder.filter((name, i) => connections.includes(name) && inputOrder.indexOf(name) === i);
  return [...listed, ...connections.filter((name) => !listed.includes(name)).sort(compareConnectionNames)];
}

function widened(out: Field | null, f: Field): Field {
  return out ? { ...widenField(out, f), name: out.name } : { ...f };
}

function byPosition(inputs: readonly Metadata[], commonOnly: boolean): UnionPlan {
  const fields: Field[] = [];
  const sources: (Field | null)[][] = inputs.map(() => []);
  const widths = inputs.map((m) => m.fields.length);
  const width = commonOnly ? Math.min(...widths) : Math.max(0, ...widths);
  for (let i = 0; i < width; i++) {
    let out: Field | null = null;
    inputs.forEach((m, k) => {
      const f = m.fields[i] ?? null;
      sources[k].push(f);
      if (f) out = widened(out, f);
    });
    fields.push(out!);
  }
  return { metadata: { fields }, sources };
}

function byName(inputs: readonly Metadata[], commonOnly: boolean): UnionPlan {
  let fields: Field[] = [];
  const byKey = new Map<string, number>();
  for (const m of inputs) {
    for (const f of m.fields) {
      const key = f.name.toLowerCase();
      const at = byKey.get(key);
      if (at === undefined) { byKey.set(key, fields.length); fields.push({ ...f }); }
      else fields[at] = { ...widenField(fields[at], f), name: fields[at].name };
    }
  }
  const named = inputs.map((m) => new Map(m.fields.map((f) => [f.name.toLowerCase(), f])));
  if (commonOnly) fields = fields.filter((f) => named.every((mine) => mine.has(f.name.toLowerCase())));
  const sources = named.map((mine) => fields.map((f) => mine.get(f.name.toLowerCase()) ?? null));
  return { metadata: { fields }, sources };
}

function manual(inputs: readonly Metadata[], connections: readonly string[], manualFields: readonly ManualField[]): UnionPlan | { errors: string[] } {
  const errors: string[] = [];
  const fields: Field[] = [];
  const sources: (Field | null)[][] = inputs.map(() => []);
  manualFields.forEach((spec, i) => {
    let out: Field | null = null;
    inputs.forEach((m, k) => {
      const wanted = Object.hasOwn(spec.sources, connections[k]) ? spec.sources[connections[k]] : undefined;
      const f = wanted === undefined || wanted === '' ? null : (m.fields.find((x) => x.name.toLowerCase() === wanted.toLowerCase()) ?? null);
      if (wanted && !f) errors.push(`output field ${i + 1} ("${spec.name}"): field "${wanted}" is not in connection ${connections[k]}`);
      sources[k].push(f);
      if (f) out = widened(out, f);
    });
    if (!out) errors.push(`output field ${i + 1} ("${spec.name}") has no input field`);
    else fields.push({ ...(out as Field), name: spec.name });
  });
  if (manualFields.length === 0) errors.push('manual mode: list the output fields');
  return errors.length > 0 ? { errors } : { metadata: { fields }, sources };
}

/** `connections` are the inputs' connection names, in the same (stacking) order as `inputs` */
export function planUnion(inputs: readonly Metadata[], options: Pick<UnionOptions, 'mode' | 'commonFieldsOnly' | 'manualFields'>, connections: readonly string[] = []): UnionPlan | { errors: string[] } {
  if (options.mode === 'manual') return manual(inputs, connections, options.manualFields);
  return options.mode === 'position' ? byPosition(inputs, options.commonFieldsOnly) : byName(inputs, options.commonFieldsOnly);
}
