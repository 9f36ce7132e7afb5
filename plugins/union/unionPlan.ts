/**
 * Union's output metadata from its inputs' metadata. By name: output fields in order of first
 * appearance (inputs taken in connection order), matched ignoring case. By position: the i-th
 * field of every input goes to output field i, named as in the first input that has it. Types
 * widen (int32+int64 → int64, integer+double → double, date+datetime → datetime, anything mixed
 * with a string → string); an input lacking a field gives nulls.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { widenField } from '../common/transformTypes.js';

export type UnionMode = 'name' | 'position';

export interface UnionPlan {
  metadata: Metadata;
  /** per input (in connection order), for each output field, the input field feeding it or null */
  sources: (Field | null)[][];
}

export function planUnion(inputs: readonly Metadata[], mode: UnionMode): UnionPlan {
  const fields: Field[] = [];
  const sources: (Field | null)[][] = inputs.map(() => []);
  if (mode === 'position') {
    const width = Math.max(0, ...inputs.map((m) => m.fields.length));
    for (let i = 0; i < width; i++) {
      let out: Field | null = null;
      inputs.forEach((m, k) => {
        const f = m.fields[i] ?? null;
        sources[k].push(f);
        if (f) out = out ? { ...widenField(out, f), name: out.name } : { ...f };
      });
      fields.push(out!);
    }
    return { metadata: { fields }, sources };
  }
  const byName = new Map<string, number>();
  for (const m of inputs) {
    for (const f of m.fields) {
      const key = f.name.toLowerCase();
      const at = byName.get(key);
      if (at === undefined) { byName.set(key, fields.length); fields.push({ ...f }); }
      else fields[at] = { ...widenField(fields[at], f), name: fields[at].name };
    }
  }
  inputs.forEach((m, k) => {
    const mine = new Map(m.fields.map((f) => [f.name.toLowerCase(), f]));
    sources[k] = fields.map((f) => mine.get(f.name.toLowerCase()) ?? null);
  });
  return { metadata: { fields }, sources };
}
