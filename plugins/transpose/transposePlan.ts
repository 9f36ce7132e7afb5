/**
 * Transpose's config and output metadata. The output holds the key fields, then `Name` (the data
 * field's name) and `Value`. Value's type is the one type every data field fits: their own when
 * they share it, the wider integer or double for mixed numbers, datetime for date and datetime,
 * and a string otherwise (v_wstring when a data field is a wide string, else v_string).
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';
import { isNumericType, isStringType, widenType } from '../common/transformTypes.js';

export type MissingFieldAction = 'warn' | 'error' | 'ignore';

export interface TransposeConfig {
  keyFields: string[];
  dataFields: string[];
  /** also transpose every input field the config does not name (Alteryx's *Unknown) */
  unknownFields: boolean;
  /** fields left out of the data on purpose, so they never count as unknown */
  excludedFields: string[];
  /** what a named key or data field that is not in the input does */
  missingFields: MissingFieldAction;
}

export function readConfig(raw: Record<string, unknown>): TransposeConfig {
  const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);
  return {
    keyFields: list(raw.keyFields),
    dataFields: list(raw.dataFields),
    unknownFields: raw.unknownFields !== false,
    excludedFields: list(raw.excludedFields),
    missingFields: raw.missingFields === 'error' || raw.missingFields === 'ignore' ? raw.missingFields : 'warn',
  };
}

export interface TransposePlan {
  keys: Field[];
  data: Field[];
  value: Field;
  metadata: Metadata;
  warnings: string[];
}

const NAME_SIZE = 255;

export function valueField(data: readonly Field[]): Field {
  let type = data[0].type;
  for (const f of data) {
    if (f.type === type) continue;
    const numeric = (t: Field['type']): boolean => isNumericType(t) || t === 'bool';
    const temporal = (t: Field['type']): boolean => t === 'date' || t === 'datetime';
    if ((numeric(type) && numeric(f.type)) || (temporal(type) && temporal(f.type))) type = widenType(type, f.type);
    else type = data.some((d) => d.type === 'wstring' || d.type === 'v_wstring') ? 'v_wstring' : 'v_string';
  }
  const out: Field = { name: 'Value', type, source: 'Transpose: Value' };
  const sizes = data.filter((f) => f.size !== undefined && (f.type === type || isStringType(f.type))).map((f) => f.size!);
  if (sizes.length > 0 && (isStringType(type) || type === 'fixeddecimal')) out.size = Math.max(...sizes);
  if (type === 'fixeddecimal') out.scale = Math.max(...data.map((f) => f.scale ?? 0));
  return out;
}

export function planTranspose(config: TransposeConfig, input: Metadata): TransposePlan | { errors: string[] } {
  const errors: string[] = [];
  const missing: string[] = [];
  const resolve = (names: string[], what: string): Field[] => names.flatMap((name) => {
    const field = findField(input, name);
    if (!field) missing.push(`${what} field "${name}" is not in the input`);
    return field ? [field] : [];
  });
  const keys = resolve(config.keyFields, 'key');
  const named = resolve(config.dataFields, 'data');
  const keyNames = new Set(keys.map((f) => f.name));
  const data = named.filter((f) => !keyNames.has(f.name));
  const overlap = named.filter((f) => keyNames.has(f.name));
  if (overlap.length > 0) errors.push(`field "${overlap[0].name}" is both a key field and a data field`);
  if (config.unknownFields) {
    const listed = new Set([...config.keyFields, ...config.dataFields, ...config.excludedFields].map((n) => n.toLowerCase()));
    for (const f of input.fields) if (!listed.has(f.name.toLowerCase())) data.push(f);
  }
  if (missing.length > 0 && config.missingFields === 'error') errors.push(...missing);
  if (data.length === 0) errors.push('no data fields to transpose: choose data fields, or transpose the fields not named');
  for (const f of keys) {
    if (f.name.toLowerCase() === 'name' || f.name.toLowerCase() === 'value') errors.push(`key field "${f.name}" has the name of an output field of Transpose: rename it first`);
  }
  if (errors.length > 0) return { errors };
  const value = valueField(data);
  const fields: Field[] = [...keys.map((f) => ({ ...f })), { name: 'Name', type: 'v_wstring', size: NAME_SIZE, source: 'Transpose: Name' }, value];
  return { keys, data, value, metadata: { fields }, warnings: config.missingFields === 'warn' ? missing : [] };
}
