/** JSON Parse's configuration and plan. */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';
import { isStringType } from '../common/transformTypes.js';

export interface JsonParseConfig {
  field: string;
  output: 'rows' | 'columns';
  valueFields: 'single' | 'typed';
  includeJsonField: boolean;
  flattenArrays: boolean;
  columnNames: string[];
}

export function readJsonParseConfig(raw: Record<string, unknown>): JsonParseConfig {
  return {
    field: typeof raw.field === 'string' ? raw.field : '',
    output: raw.output === 'columns' ? 'columns' : 'rows',
    valueFields: raw.valueFields === 'typed' ? 'typed' : 'single',
    includeJsonField: raw.includeJsonField === true,
    flattenArrays: raw.flattenArrays === true,
    columnNames: Array.isArray(raw.columnNames) ? raw.columnNames.filter((n): n is string => typeof n === 'string' && n !== '') : [],
  };
}

export interface JsonParsePlan {
  config: JsonParseConfig;
  source: Field;
  /** the input fields that go out */
  kept: Field[];
  /** the fields this tool adds; for columns from the data, known only after the last row */
  added: Field[] | null;
}

const text = (name: string): Field => ({ name, type: 'v_wstring' });

/** the fields of rows output: JSON_Name and JSON_ValueString, or the typed value fields */
export function rowFields(valueFields: JsonParseConfig['valueFields']): Field[] {
  if (valueFields === 'single') return [text('JSON_Name'), text('JSON_ValueString')];
  return [text('JSON_Name'), text('JSON_ValueString'), { name: 'JSON_ValueInt', type: 'int64' }, { name: 'JSON_ValueFloat', type: 'double' }, { name: 'JSON_ValueBool', type: 'bool' }];
}

/** output metadata: the kept input fields and `added`, or an error naming a clash */
export function outputOf(kept: Field[], added: Field[]): Metadata | { errors: string[] } {
  const taken = new Set(kept.map((f) => f.name.toLowerCase()));
  const errors: string[] = [];
  for (const f of added) {
    if (taken.has(f.name.toLowerCase())) errors.push(`output field "${f.name}" is already in the input: rename it first`);
    taken.add(f.name.toLowerCase());
  }
  return errors.length > 0 ? { errors } : { fields: [...kept, ...added] };
}

export function planJsonParse(config: JsonParseConfig, input: Metadata): JsonParsePlan | { errors: string[] } {
  if (config.field === '') return { errors: ['choose the JSON field'] };
  const source = findField(input, config.field);
  if (!source) return { errors: [`field "${config.field}" is not in the input`] };
  if (!isStringType(source.type)) return { errors: [`field "${source.name}" is ${source.type}: JSON Parse reads a text field`] };
  const kept = config.includeJsonField ? input.fields : input.fields.filter((f) => f !== source);
  let added: Field[] | null;
  if (config.output === 'rows') added = rowFields(config.valueFields);
  else added = config.columnNames.length > 0 ? config.columnNames.map(text) : null;
  if (added) {
    const metadata = outputOf(kept, added);
    if ('errors' in metadata) return metadata;
  }
  return { config, source, kept, added };
}
