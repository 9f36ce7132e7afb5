/**
 * Plans the Generate Rows tool in update-only: the field it writes (new or existing), and the
 * initialization, condition and loop expressions checked against the fields they see.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField } from '../common/transformColumns.js';
import { checkFormula } from '../formula-language/formula.js';
import { formatFormulaError } from '../formula-language/formulaError.js';
import { canConvert } from '../formula-language/packetColumns.js';
import { isFieldTypeName, typeLabel } from '../formula/formulaTypes.js';

export const DEFAULT_MAX_ROWS = 1_000_000;

export interface GenerateRowsConfig {
  updateExisting: boolean;
  field: string;
  type: Field['type'];
  size?: number;
  scale?: number;
  init: string;
  condition: string;
  loop: string;
  maxRows: number;
}

export interface GenerateRowsPlan {
  config: GenerateRowsConfig;
  /** the generated field as written */
  field: Field;
  replaces: boolean;
  /** what init sees (the input); what condition and loop see (the input with the field) */
  initSees: Metadata;
  loopSees: Metadata;
  metadata: Metadata;
}

export function readGenerateRowsConfig(raw: Record<string, unknown>): GenerateRowsConfig | string {
  const field = typeof raw.field === 'string' ? raw.field.trim() : '';
  if (field === '') return 'name the field to create, or choose the field to update';
  if (raw.type !== undefined && !isFieldTypeName(raw.type)) return `unknown type ${JSON.stringify(raw.type)} for field "${field}"`;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    updateExisting: raw.updateExisting === true,
    field,
    type: (raw.type as Field['type'] | undefined) ?? 'int32',
    size: typeof raw.size === 'number' ? raw.size : undefined,
    scale: typeof raw.scale === 'number' ? raw.scale : undefined,
    init: text(raw.init),
    condition: text(raw.condition),
    loop: text(raw.loop),
    maxRows: typeof raw.maxRows === 'number' ? raw.maxRows : DEFAULT_MAX_ROWS,
  };
}

function generatedField(config: GenerateRowsConfig, input: Metadata): { field: Field; replaces: boolean } | string {
  const existing = findField(input, config.field);
  if (config.updateExisting) {
    if (!existing) return `the field to update, "${config.field}", is not in the input`;
    return { field: { ...existing }, replaces: true };
  }
  if (existing) return `the input already has a field "${existing.name}": choose "update existing field" or another name`;
  const field: Field = { name: config.field, type: config.type };
  if (config.size !== undefined) field.size = config.size;
  if (config.scale !== undefined) field.scale = config.scale;
  if (field.type === 'fixeddecimal' && field.size === undefined) { field.size = 19; field.scale ??= 2; }
  if (/string$/.test(field.type) && field.size === undefined) field.size = 254;
  return { field, replaces: false };
}

export function planGenerateRows(config: GenerateRowsConfig, input: Metadata): GenerateRowsPlan | string {
  const made = generatedField(config, input);
  if (typeof made === 'string') return made;
  const { field, replaces } = made;
  const loopSees: Metadata = replaces ? input : { fields: [...input.fields, field] };
  const checks: [string, string, Metadata][] = [['initialization', config.init, input], ['condition', config.condition, loopSees], ['loop', config.loop, loopSees]];
  for (const [what, expression, sees] of checks) {
    if (expression.trim() === '') return `the ${what} expression is empty`;
    const checked = checkFormula(expression, sees);
    if (!checked.ok) return `${what} expression: ${formatFormulaError(checked.error)}`;
    if (what === 'condition' && checked.type !== 'bool') return `condition expression: gives ${typeLabel(checked.type)}, not true/false`;
    if (what !== 'condition' && !canConvert(checked.type, field.type)) {
      return `${what} expression: gives ${typeLabel(checked.type)}, which cannot be written to the ${field.type} field "${field.name}"`;
    }
  }
  const written: Field = { ...field, source: `GenerateRows: ${config.init} / ${config.condition} / ${config.loop}`.slice(0, 240) };
  const fields = replaces ? input.fields.map((f) => (f.name === field.name ? written : f)) : [...input.fields, written];
  return { config, field: written, replaces, initSees: input, loopSees, metadata: { fields } };
}
