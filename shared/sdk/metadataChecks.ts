/** Checks the engine makes on the metadata a plugin supplies or writes with. */
import { isFieldType, type Metadata } from '../metadata.js';

/** Same field names (exact) and Alteryx types, in the same order. */
export function sameFieldShape(a: Metadata, b: Metadata): boolean {
  if (a.fields.length !== b.fields.length) return false;
  return a.fields.every((field, i) => field.name === b.fields[i].name && field.type === b.fields[i].type);
}

/** Checks a metadata supplied by a plugin; returns the problem or null. */
export function metadataProblem(metadata: unknown): string | null {
  if (typeof metadata !== 'object' || metadata === null || !Array.isArray((metadata as Metadata).fields)) {
    return 'metadata must be an object { fields: Field[] }';
  }
  const seen = new Set<string>();
  for (const [i, field] of (metadata as Metadata).fields.entries()) {
    if (typeof field !== 'object' || field === null || typeof field.name !== 'string' || field.name === '') {
      return `fields[${i}] needs a non-empty name`;
    }
    if (!isFieldType(field.type)) return `field '${field.name}' has unknown type '${String(field.type)}'`;
    const key = field.name.toLowerCase();
    if (seen.has(key)) return `field name '${field.name}' appears twice (names are case-insensitive)`;
    seen.add(key);
  }
  return null;
}
