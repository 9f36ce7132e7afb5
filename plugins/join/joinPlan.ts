/**
 * Join's key pairs and output metadata. The Join output holds every left field, then every right
 * field; a right field whose name clashes (ignoring case) with a field already there is renamed
 * `Right_<name>` (then `Right_<name>_2`, … if that clashes too), as Alteryx does.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';
import { isNumericType, isStringType } from '../common/transformTypes.js';

export interface JoinKeyConfig { left: string; right: string }

export interface JoinKeys { left: string[]; right: string[] }

export function readJoinKeys(raw: Record<string, unknown>): JoinKeyConfig[] {
  return Array.isArray(raw.keys) ? (raw.keys as JoinKeyConfig[]) : [];
}

function keyFamily(field: Field): string {
  if (isNumericType(field.type) && field.type !== 'fixeddecimal') return 'number';
  if (isStringType(field.type)) return 'string';
  return field.type;
}

/** resolves key names on one side; both sides' metadata are optional (checked as they arrive) */
export function resolveJoinKeys(keys: JoinKeyConfig[], left: Metadata | null, right: Metadata | null): JoinKeys | { errors: string[] } {
  const errors: string[] = [];
  const out: JoinKeys = { left: [], right: [] };
  if (keys.length === 0) errors.push('choose at least one pair of key fields');
  keys.forEach((key, i) => {
    const l = left ? findField(left, key.left ?? '') : undefined;
    const r = right ? findField(right, key.right ?? '') : undefined;
    if (left && !l) errors.push(`key ${i + 1}: left field "${key.left}" is not in the Left input`);
    if (right && !r) errors.push(`key ${i + 1}: right field "${key.right}" is not in the Right input`);
    if (l && r && keyFamily(l) !== keyFamily(r)) errors.push(`key ${i + 1}: "${l.name}" (${l.type}) and "${r.name}" (${r.type}) cannot be compared`);
    out.left.push(l?.name ?? key.left);
    out.right.push(r?.name ?? key.right);
  });
  return errors.length > 0 ? { errors } : out;
}

export interface JoinOutput {
  metadata: Metadata;
  /** output name of each right field, in right metadata order */
  rightNames: string[];
}

export function planJoinOutput(left: Metadata, right: Metadata): JoinOutput {
  const taken = new Set(left.fields.map((f) => f.name.toLowerCase()));
  const fields: Field[] = left.fields.map((f) => ({ ...f }));
  const rightNames: string[] = [];
  for (const f of right.fields) {
    let name = f.name;
    if (taken.has(name.toLowerCase())) {
      name = `Right_${f.name}`;
      for (let k = 2; taken.has(name.toLowerCase()) || right.fields.some((o) => o !== f && o.name.toLowerCase() === name.toLowerCase()); k++) {
        name = `Right_${f.name}_${k}`;
      }
    }
    taken.add(name.toLowerCase());
    rightNames.push(name);
    fields.push({ ...f, name });
  }
  return { metadata: { fields }, rightNames };
}
