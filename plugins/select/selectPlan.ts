/**
 * Select's plan: which input fields go out, in which order, under which name and type. Fields the
 * config lists come first, in the config's order; fields of the input the config does not list
 * ("new fields", e.g. added upstream after the tool was configured) follow in input order when
 * `newFields` is "keep", and are dropped when it is "drop" (Alteryx's *Unknown).
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';
import { isFieldTypeName, isStringType } from '../common/transformTypes.js';

export interface SelectFieldConfig {
  field: string;
  selected?: boolean;
  rename?: string;
  type?: Field['type'];
  size?: number;
  scale?: number;
  description?: string;
}

export interface SelectConfig {
  fields: SelectFieldConfig[];
  newFields: 'keep' | 'drop';
}

export function readSelectConfig(raw: Record<string, unknown>): SelectConfig {
  return {
    fields: Array.isArray(raw.fields) ? (raw.fields as SelectFieldConfig[]) : [],
    newFields: raw.newFields === 'drop' ? 'drop' : 'keep',
  };
}

export interface SelectedField {
  input: Field;
  output: Field;
  /** true when values must be converted (the type changed) */
  convert: boolean;
  /** true when values must be fitted to the output's size or scale (text cut, fixeddecimal written) */
  fit: boolean;
}

export interface SelectPlan {
  metadata: Metadata;
  fields: SelectedField[];
  warnings: string[];
}

export function planSelect(config: SelectConfig, input: Metadata): SelectPlan | { errors: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const listed = new Set<string>();
  const fields: SelectedField[] = [];
  config.fields.forEach((entry, i) => {
    const field = findField(input, entry.field ?? '');
    if (!field) {
      if (entry.selected !== false) warnings.push(`field "${entry.field}" is no longer in the input`);
      return;
    }
    const key = field.name.toLowerCase();
    if (listed.has(key)) { errors.push(`field ${i + 1}: "${field.name}" is listed twice`); return; }
    listed.add(key);
    if (entry.selected === false) return;
    if (entry.type !== undefined && !isFieldTypeName(entry.type)) { errors.push(`field "${field.name}": unknown type "${entry.type}"`); return; }
    const output: Field = { ...field, name: entry.rename?.trim() ? entry.rename.trim() : field.name };
    const convert = entry.type !== undefined && entry.type !== field.type;
    if (entry.type) output.type = entry.type;
    if (convert) { delete output.size; delete output.scale; }
    if (entry.size !== undefined) output.size = entry.size;
    if (entry.scale !== undefined) output.scale = entry.scale;
    // as the Formula tool (and Alteryx's default), a fixeddecimal without a size is 19.2
    if (convert && output.type === 'fixeddecimal' && output.size === undefined) { output.size = 19; output.scale ??= 2; }
    if (entry.description !== undefined) output.description = entry.description;
    const resized = output.size !== field.size || output.scale !== field.scale;
    const fit = (convert || resized) && (isStringType(output.type) || output.type === 'fixeddecimal');
    fields.push({ input: field, output, convert, fit });
  });
  if (config.newFields === 'keep') {
    for (const field of input.fields) {
      if (!listed.has(field.name.toLowerCase())) fields.push({ input: field, output: { ...field }, convert: false, fit: false });
    }
  }
  const names = new Set<string>();
  for (const f of fields) {
    const key = f.output.name.toLowerCase();
    if (names.has(key)) errors.push(`output field "${f.output.name}" appears twice: rename one`);
    names.add(key);
  }
  return errors.length > 0 ? { errors } : { metadata: { fields: fields.map((f) => f.output) }, fields, warnings };
}
