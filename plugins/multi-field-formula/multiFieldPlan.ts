/**
 * Plans the Multi-Field Formula tool in update-only: which fields the expression is applied to,
 * the field each one writes (in place, or a copy with a prefix or suffix; its own type or the
 * chosen one), and the expression checked once per field with [_CurrentField_] standing for it.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';
import { isNumericType, isStringType, isTemporalType } from '../common/transformTypes.js';
import { checkFormula } from '../formula-language/formula.js';
import { formatFormulaError } from '../formula-language/formulaError.js';
import { canConvert } from '../formula-language/packetColumns.js';
import { isFieldTypeName, typeLabel } from '../formula/formulaTypes.js';

export type FieldKind = 'all' | 'text' | 'numeric' | 'dateTime' | 'bool';
const KINDS: readonly FieldKind[] = ['all', 'text', 'numeric', 'dateTime', 'bool'];

export const CURRENT_FIELD = '_CurrentField_';
export const CURRENT_NAME = '_CurrentFieldName_';
export const CURRENT_TYPE = '_CurrentFieldType_';

export interface MultiFieldConfig {
  fieldType: FieldKind;
  fields: string[];
  allOfType: boolean;
  /** also every field of the type named in neither `fields` nor `unselectedFields` (Alteryx's *Unknown) */
  includeUnknown: boolean;
  unselectedFields: string[];
  expression: string;
  copyOutput: boolean;
  addOn: string;
  addOnPosition: 'prefix' | 'suffix';
  changeFieldType: boolean;
  outputType: Field['type'];
  outputSize?: number;
  outputScale?: number;
}

export interface PlannedField {
  /** the input field [_CurrentField_] stands for */
  input: Field;
  /** the field written: the input field itself, or its copy */
  output: Field;
  /** what the expression is compiled against for this field */
  sees: Metadata;
}

export interface MultiFieldPlan {
  fields: PlannedField[];
  metadata: Metadata;
}

/** Alteryx's name of a field type, as [_CurrentFieldType_] gives it */
export const ALTERYX_TYPE_NAMES: Record<Field['type'], string> = {
  bool: 'Bool', byte: 'Byte', int16: 'Int16', int32: 'Int32', int64: 'Int64', float: 'Float', double: 'Double',
  fixeddecimal: 'FixedDecimal', string: 'String', v_string: 'V_String', wstring: 'WString', v_wstring: 'V_WString',
  date: 'Date', time: 'Time', datetime: 'DateTime', blob: 'Blob', spatialobj: 'SpatialObj',
};

export function readMultiFieldConfig(raw: Record<string, unknown>): MultiFieldConfig | string {
  const fieldType = (raw.fieldType ?? 'all') as FieldKind;
  if (!KINDS.includes(fieldType)) return `fieldType must be one of ${KINDS.join(', ')}, not ${JSON.stringify(raw.fieldType)}`;
  if (raw.outputType !== undefined && !isFieldTypeName(raw.outputType)) return `unknown output type ${JSON.stringify(raw.outputType)}`;
  return {
    fieldType,
    fields: Array.isArray(raw.fields) ? raw.fields.filter((f): f is string => typeof f === 'string' && f !== '') : [],
    allOfType: raw.allOfType === true,
    includeUnknown: raw.includeUnknown === true,
    unselectedFields: Array.isArray(raw.unselectedFields) ? raw.unselectedFields.filter((f): f is string => typeof f === 'string') : [],
    expression: typeof raw.expression === 'string' ? raw.expression : '',
    copyOutput: raw.copyOutput === true,
    addOn: typeof raw.addOn === 'string' ? raw.addOn : 'New_',
    addOnPosition: raw.addOnPosition === 'suffix' ? 'suffix' : 'prefix',
    changeFieldType: raw.changeFieldType === true,
    outputType: (raw.outputType as Field['type'] | undefined) ?? 'v_wstring',
    outputSize: typeof raw.outputSize === 'number' ? raw.outputSize : undefined,
    outputScale: typeof raw.outputScale === 'number' ? raw.outputScale : undefined,
  };
}

export function ofKind(field: Field, kind: FieldKind): boolean {
  switch (kind) {
    case 'all': return true;
    case 'text': return isStringType(field.type);
    case 'numeric': return isNumericType(field.type);
    case 'dateTime': return isTemporalType(field.type);
    case 'bool': return field.type === 'bool';
  }
}

function selectedFields(config: MultiFieldConfig, input: Metadata): Field[] | string {
  if (config.allOfType) return input.fields.filter((f) => ofKind(f, config.fieldType));
  const picked: Field[] = [];
  for (const name of config.fields) {
    const field = findField(input, name);
    if (!field) return `field "${name}" is not in the input`;
    if (!ofKind(field, config.fieldType)) return `field "${field.name}" is ${field.type}, not of the chosen type (${config.fieldType})`;
    picked.push(field);
  }
  if (config.includeUnknown) {
    const known = new Set([...config.fields, ...config.unselectedFields].map((name) => name.toLowerCase()));
    picked.push(...input.fields.filter((f) => ofKind(f, config.fieldType) && !known.has(f.name.toLowerCase())));
  }
  // input order, as Alteryx applies the expression
  return input.fields.filter((f) => picked.includes(f));
}

function outputField(config: MultiFieldConfig, input: Field): Field {
  const name = config.copyOutput ? (config.addOnPosition === 'prefix' ? `${config.addOn}${input.name}` : `${input.name}${config.addOn}`) : input.name;
  if (!config.changeFieldType) {
    const { source: _source, description: _description, ...kept } = input;
    return { ...kept, name };
  }
  const field: Field = { name, type: config.outputType };
  if (config.outputSize !== undefined) field.size = config.outputSize;
  if (config.outputScale !== undefined) field.scale = config.outputScale;
  if (field.type === 'fixeddecimal' && field.size === undefined) { field.size = 19; field.scale ??= 2; }
  if (/string$/.test(field.type) && field.size === undefined) field.size = 254;
  return field;
}

export function planMultiField(config: MultiFieldConfig, input: Metadata): MultiFieldPlan | string {
  if (config.expression.trim() === '') return 'the expression is empty';
  if (config.copyOutput && config.addOn === '') return 'give the prefix or suffix for the copied fields';
  const selected = selectedFields(config, input);
  if (typeof selected === 'string') return selected;
  if (selected.length === 0) return config.allOfType ? `the input has no ${config.fieldType} fields` : 'choose at least one field';
  let fields = [...input.fields];
  const planned: PlannedField[] = [];
  for (const field of selected) {
    const output: Field = { ...outputField(config, field), source: `MultiFieldFormula: ${config.expression.slice(0, 200)}` };
    if (config.copyOutput && findField({ fields }, output.name)) return `the copy of "${field.name}", "${output.name}", is already a field: choose another prefix or suffix`;
    const sees: Metadata = {
      fields: [...fields, { ...field, name: CURRENT_FIELD }, { name: CURRENT_NAME, type: 'v_wstring' }, { name: CURRENT_TYPE, type: 'v_wstring' }],
    };
    const checked = checkFormula(config.expression, sees);
    if (!checked.ok) return `field "${field.name}": ${formatFormulaError(checked.error)}`;
    if (!canConvert(checked.type, output.type)) {
      return `field "${field.name}": the expression gives ${typeLabel(checked.type)}, which cannot be written to a ${output.type} field (change the output type?)`;
    }
    fields = config.copyOutput ? [...fields, output] : fields.map((f) => (f === field ? output : f));
    planned.push({ input: field, output, sees });
  }
  return { fields: planned, metadata: { fields } };
}
