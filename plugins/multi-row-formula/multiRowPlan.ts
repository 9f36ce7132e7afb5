/**
 * Plans the Multi-Row Formula tool in update-only: reads the config, finds the `[Row-1:Field]`
 * references of the expression, checks the expression against the input fields plus one
 * synthetic field per reference, and decides the output metadata.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { findField, missingFields } from '../common/transformColumns.js';
import { checkFormula } from '../formula-language/formula.js';
import { formatFormulaError } from '../formula-language/formulaError.js';
import { canConvert } from '../formula-language/packetColumns.js';
import type { Plan } from '../formula-language/plan.js';
import { isFieldTypeName, typeLabel } from '../formula/formulaTypes.js';

export type MissingRows = 'null' | 'empty' | 'nearest';

export interface MultiRowConfig {
  updateExisting: boolean;
  field: string;
  type?: Field['type'];
  size?: number;
  scale?: number;
  expression: string;
  missingRows: MissingRows;
  groupBy: string[];
}

/** a field read at a row offset: `[Row-2:Amount]` is { name: "Row-2:Amount", offset: -2, field: Amount } */
export interface RowReference {
  /** the name as written between the brackets, the synthetic field the formula reads */
  name: string;
  offset: number;
  /** the input field read (or the computed field, when `target`) */
  field: Field;
  /** reads the field this tool computes */
  target: boolean;
}

export interface MultiRowPlan {
  config: MultiRowConfig;
  /** the computed field as written to the output */
  target: Field;
  /** whether the target replaces an input field */
  replaces: boolean;
  /** the metadata the expression is compiled against (input, the new target, the references) */
  sees: Metadata;
  /** the references the expression reads (offset 0 references included) */
  references: RowReference[];
  /** rows before and after the current one that the expression reads */
  lag: number;
  lead: number;
  /** reads the computed field of an earlier row: evaluated row by row */
  recursive: boolean;
  groupFields: Field[];
  metadata: Metadata;
}

const MISSING: readonly MissingRows[] = ['null', 'empty', 'nearest'];

export function readMultiRowConfig(raw: Record<string, unknown>): MultiRowConfig | string {
  const field = typeof raw.field === 'string' ? raw.field.trim() : '';
  if (field === '') return 'choose the field to update or name the field to create';
  if (raw.type !== undefined && !isFieldTypeName(raw.type)) return `unknown type ${JSON.stringify(raw.type)} for field "${field}"`;
  const missing = raw.missingRows ?? 'empty';
  if (!MISSING.includes(missing as MissingRows)) return `missingRows must be one of ${MISSING.join(', ')}, not ${JSON.stringify(missing)}`;
  const groupBy = Array.isArray(raw.groupBy) ? raw.groupBy.filter((g): g is string => typeof g === 'string' && g !== '') : [];
  return {
    updateExisting: raw.updateExisting !== false,
    field,
    type: raw.type as Field['type'] | undefined,
    size: typeof raw.size === 'number' ? raw.size : undefined,
    scale: typeof raw.scale === 'number' ? raw.scale : undefined,
    expression: typeof raw.expression === 'string' ? raw.expression : '',
    missingRows: missing as MissingRows,
    groupBy,
  };
}

/** `[Row-1:Field]`, `[Row+2:Field]`, `[Row+0:Field]` (spaces allowed around the sign and colon) */
const REFERENCE = /\[(\s*Row\s*([+-])\s*(\d+)\s*:\s*([^\]]+?)\s*)\]/gi;

function targetField(config: MultiRowConfig, input: Metadata): { field: Field; replaces: boolean } | string {
  const existing = findField(input, config.field);
  if (config.updateExisting) {
    if (!existing) return `the field to update, "${config.field}", is not in the input`;
    return { field: { ...existing }, replaces: true };
  }
  if (existing) return `the input already has a field "${existing.name}": choose "update existing field" or another name`;
  const type = config.type ?? 'double';
  const field: Field = { name: config.field, type };
  if (config.size !== undefined) field.size = config.size;
  if (config.scale !== undefined) field.scale = config.scale;
  if (type === 'fixeddecimal' && field.size === undefined) { field.size = 19; field.scale ??= 2; }
  if ((type === 'string' || type === 'wstring' || type === 'v_string' || type === 'v_wstring') && field.size === undefined) field.size = 254;
  return { field, replaces: false };
}

function fieldsRead(plan: Plan, out: Set<string>): void {
  switch (plan.op) {
    case 'field': out.add(plan.name); return;
    case 'const': return;
    case 'cast': case 'negate': case 'not': fieldsRead(plan.operand, out); return;
    case 'arith': case 'concat': case 'compare': case 'and': case 'or': fieldsRead(plan.left, out); fieldsRead(plan.right, out); return;
    case 'in': fieldsRead(plan.value, out); plan.items.forEach((p) => fieldsRead(p, out)); return;
    case 'if':
      plan.branches.forEach((b) => { fieldsRead(b.condition, out); fieldsRead(b.value, out); });
      if (plan.otherwise) fieldsRead(plan.otherwise, out);
      return;
    case 'call': plan.args.forEach((p) => fieldsRead(p, out));
  }
}

export function planMultiRow(config: MultiRowConfig, input: Metadata): MultiRowPlan | string {
  const missingGroups = missingFields(input, config.groupBy);
  if (missingGroups.length > 0) return `group-by field${missingGroups.length > 1 ? 's' : ''} ${missingGroups.map((g) => `"${g}"`).join(', ')} not in the input`;
  const made = targetField(config, input);
  if (typeof made === 'string') return made;
  const { field: target, replaces } = made;
  if (config.expression.trim() === '') return `[${target.name}]: the expression is empty`;
  const own = replaces ? input.fields : [...input.fields, target];
  const candidates: RowReference[] = [];
  for (const match of config.expression.matchAll(REFERENCE)) {
    const name = match[1];
    if (findField({ fields: own }, name) || candidates.some((c) => c.name.toLowerCase() === name.toLowerCase())) continue;
    const field = findField({ fields: own }, match[4]);
    if (!field) continue; // the checker reports the unknown [Row-1:Name] with its position
    const offset = (match[2] === '-' ? -1 : 1) * Number(match[3]);
    const isTarget = field.name === target.name;
    candidates.push({ name, offset, field: isTarget ? target : field, target: isTarget });
  }
  const sees: Metadata = { fields: [...own, ...candidates.map((c) => ({ ...c.field, name: c.name }))] };
  const checked = checkFormula(config.expression, sees);
  if (!checked.ok) return `[${target.name}]: ${formatFormulaError(checked.error)}`;
  if (!canConvert(checked.type, target.type)) {
    return `[${target.name}]: the expression gives ${typeLabel(checked.type)}, which cannot be written to a ${target.type} field`;
  }
  const read = new Set<string>();
  fieldsRead(checked.plan, read);
  const references = candidates.filter((c) => read.has(c.name));
  const lag = Math.max(0, ...references.map((r) => -r.offset));
  const lead = Math.max(0, ...references.map((r) => r.offset));
  const recursive = references.some((r) => r.target && r.offset < 0);
  const source = `MultiRowFormula: ${config.expression.length > 200 ? `${config.expression.slice(0, 200)}…` : config.expression}`;
  const written: Field = { ...target, source };
  const fields = replaces ? input.fields.map((f) => (f.name === target.name ? written : f)) : [...input.fields, written];
  const groupFields = config.groupBy.map((g) => findField(input, g)!);
  return { config, target: written, replaces, sees, references, lag, lead, recursive, groupFields, metadata: { fields } };
}
