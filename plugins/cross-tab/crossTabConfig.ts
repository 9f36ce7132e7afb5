/**
 * Cross Tab's config and what can be planned from the input metadata alone: the group fields, the
 * header and value fields, the methods and the type each method's new columns get. The new
 * columns' names come from the header values, so they are known only after the data.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';
import { isNumericType } from '../common/transformTypes.js';

export const METHODS = [
  'sum', 'avg', 'countNonNull', 'countWithNulls', 'percentRow', 'percentColumn', 'min', 'max', 'first', 'last', 'concat',
] as const;
export type Method = (typeof METHODS)[number];

export interface CrossTabConfig {
  groupFields: string[];
  headerField: string;
  valueField: string;
  methods: Method[];
  /** concat only: between the values, default "," */
  separator: string;
  /** concat only: the longest text kept (longer is truncated with a warning), default 2048 */
  fieldSize: number;
}

/** the prefix of a method's new columns when it is prefixed (`Avg_North`) */
export const METHOD_PREFIX: Record<Method, string> = {
  sum: 'Sum', avg: 'Avg', countNonNull: 'Count', countWithNulls: 'CountWithNulls', percentRow: 'PercentRow',
  percentColumn: 'PercentColumn', min: 'Min', max: 'Max', first: 'First', last: 'Last', concat: 'Concat',
};

const NEEDS_NUMBER: readonly Method[] = ['sum', 'avg', 'percentRow', 'percentColumn'];
/** alone, these name their columns by the header value only; any other method, or several, prefix */
const UNPREFIXED_ALONE: readonly Method[] = ['sum', 'first', 'last', 'concat'];

export function readConfig(raw: Record<string, unknown>): CrossTabConfig {
  const size = Number(raw.fieldSize);
  return {
    groupFields: Array.isArray(raw.groupFields) ? (raw.groupFields as string[]) : [],
    headerField: typeof raw.headerField === 'string' ? raw.headerField : '',
    valueField: typeof raw.valueField === 'string' ? raw.valueField : '',
    methods: Array.isArray(raw.methods) ? (raw.methods as Method[]) : [],
    separator: typeof raw.separator === 'string' ? raw.separator : ',',
    fieldSize: Number.isInteger(size) && size > 0 ? size : 2048,
  };
}

export interface CrossTabPlan {
  groupFields: Field[];
  header: Field;
  value: Field;
  methods: Method[];
  /** whether new column names carry the method's prefix */
  prefixed: boolean;
  /** the type of each method's new columns (name left empty) */
  columnTypes: Field[];
}

function columnType(method: Method, value: Field, fieldSize: number): Field {
  const source = `Cross Tab: ${method}`;
  switch (method) {
    case 'sum': case 'avg': case 'percentRow': case 'percentColumn':
      return { name: '', type: 'double', source };
    case 'countNonNull': case 'countWithNulls':
      return { name: '', type: 'int64', source };
    case 'concat':
      return { name: '', type: 'v_wstring', size: fieldSize, source };
    default: {
      const { description: _d, source: _s, ...kept } = value;
      return { ...kept, name: '', source };
    }
  }
}

export function planCrossTab(config: CrossTabConfig, input: Metadata): CrossTabPlan | { errors: string[] } {
  const errors: string[] = [];
  const groupFields: Field[] = [];
  for (const name of config.groupFields) {
    const field = findField(input, name);
    if (!field) errors.push(`group field "${name}" is not in the input`);
    else groupFields.push(field);
  }
  const header = config.headerField ? findField(input, config.headerField) : undefined;
  if (!config.headerField) errors.push('choose the field whose values become the new column headers');
  else if (!header) errors.push(`header field "${config.headerField}" is not in the input`);
  const value = config.valueField ? findField(input, config.valueField) : undefined;
  if (!config.valueField) errors.push('choose the field whose values fill the new columns');
  else if (!value) errors.push(`value field "${config.valueField}" is not in the input`);
  for (const [field, role] of [[header, 'header'], [value, 'value']] as const) {
    if (field && groupFields.some((g) => g.name === field.name)) errors.push(`the ${role} field "${field.name}" is also a group field`);
  }
  if (config.methods.length === 0) errors.push('choose at least one method');
  const methods: Method[] = [];
  for (const method of config.methods) {
    if (!(METHODS as readonly string[]).includes(method)) { errors.push(`unknown method "${method}"`); continue; }
    if (methods.includes(method)) continue;
    if (value && NEEDS_NUMBER.includes(method) && !isNumericType(value.type)) {
      errors.push(`method ${method}: value field "${value.name}" is ${value.type}, not a number`);
    }
    if (value && (method === 'min' || method === 'max') && (value.type === 'blob' || value.type === 'spatialobj')) {
      errors.push(`method ${method}: value field "${value.name}" (${value.type}) has no order`);
    }
    methods.push(method);
  }
  if (errors.length > 0 || !header || !value) return { errors };
  const prefixed = methods.length > 1 || !UNPREFIXED_ALONE.includes(methods[0]);
  return { groupFields, header, value, methods, prefixed, columnTypes: methods.map((m) => columnType(m, value, config.fieldSize)) };
}
