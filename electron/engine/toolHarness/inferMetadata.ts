/** The metadata of rows given as plain objects: each field's type from its first non-null value. */
import type { Field, FieldType, Metadata } from '../../../shared/metadata.js';
import type { RecordRow, RecordValue } from '../../../shared/sdk/plugin.js';

function typeOfValue(value: RecordValue): FieldType {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'bigint') return 'int64';
  if (value instanceof Uint8Array) return 'blob';
  return 'v_wstring';
}

export function inferMetadata(rows: RecordRow[], anchor: string): Metadata {
  if (rows.length === 0) throw new Error(`runTool: input "${anchor}" has no rows to infer its fields from; give { metadata, rows }`);
  const fields = new Map<string, Field>();
  const undecided = new Set<string>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      const missing = value === null || value === undefined;
      if (!fields.has(name)) {
        fields.set(name, { name, type: missing ? 'v_wstring' : typeOfValue(value) });
        if (missing) undecided.add(name);
      } else if (!missing && undecided.delete(name)) fields.get(name)!.type = typeOfValue(value);
    }
  }
  return { fields: [...fields.values()] };
}
