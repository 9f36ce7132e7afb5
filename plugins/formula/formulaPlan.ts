/**
 * Plans the Formula tool's output in update-only: checks each formula against the fields it can
 * see (the input plus the fields written by earlier formulas) and decides each output field.
 */
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { checkFormula } from '../formula-language/formula.js';
import { formatFormulaError } from '../formula-language/formulaError.js';
import { canConvert } from '../formula-language/packetColumns.js';
import { fieldTypeOfValue, isFieldTypeName, typeLabel } from './formulaTypes.js';

export interface FormulaConfigEntry {
  field: string;
  type?: Field['type'];
  size?: number;
  scale?: number;
  expression: string;
}

export interface PlannedFormula {
  /** the output field this formula writes */
  field: Field;
  expression: string;
  /** the metadata the formula is compiled against (input + earlier results) */
  sees: Metadata;
}

export type FormulaPlan = { ok: true; formulas: PlannedFormula[]; metadata: Metadata } | { ok: false; error: string };

export function readFormulaConfig(raw: Record<string, unknown>): FormulaConfigEntry[] | string {
  const list = raw.formulas;
  if (!Array.isArray(list)) return 'formulas must be a list of { field, expression }';
  const out: FormulaConfigEntry[] = [];
  for (const [index, item] of list.entries()) {
    const entry = item as Record<string, unknown>;
    const field = typeof entry?.field === 'string' ? entry.field.trim() : '';
    if (field === '') return `formula ${index + 1}: give the output field a name`;
    if (entry.type !== undefined && !isFieldTypeName(entry.type)) return `formula ${index + 1} (${field}): unknown type ${JSON.stringify(entry.type)}`;
    out.push({
      field,
      type: entry.type as Field['type'] | undefined,
      size: typeof entry.size === 'number' ? entry.size : undefined,
      scale: typeof entry.scale === 'number' ? entry.scale : undefined,
      expression: typeof entry.expression === 'string' ? entry.expression : '',
    });
  }
  if (out.length === 0) return 'add at least one formula';
  return out;
}

function fieldIndex(fields: Field[], name: string): number {
  const lower = name.toLowerCase();
  return fields.findIndex((f) => f.name.toLowerCase() === lower);
}

export function planFormulas(entries: FormulaConfigEntry[], input: Metadata): FormulaPlan {
  let fields = input.fields.map((f) => ({ ...f }));
  const formulas: PlannedFormula[] = [];
  for (const [index, entry] of entries.entries()) {
    const where = `formula ${index + 1} ([${entry.field}])`;
    const sees: Metadata = { fields };
    if (entry.expression.trim() === '') return { ok: false, error: `${where}: the formula is empty` };
    const checked = checkFormula(entry.expression, sees);
    if (!checked.ok) return { ok: false, error: `${where}: ${formatFormulaError(checked.error)}` };
    const existing = fieldIndex(fields, entry.field);
    let field: Field;
    if (entry.type !== undefined) {
      field = { name: existing >= 0 ? fields[existing].name : entry.field, type: entry.type };
      if (entry.size !== undefined) field.size = entry.size;
      if (entry.scale !== undefined) field.scale = entry.scale;
      if (entry.type === 'fixeddecimal' && field.size === undefined) { field.size = 19; field.scale ??= 2; }
    } else if (existing >= 0) {
      field = { ...fields[existing] };
    } else if (checked.plan.op === 'field') {
      // a plain copy of a field keeps that field's exact type, size and scale
      const source = fields[fieldIndex(fields, checked.plan.name)];
      field = { name: entry.field, type: source.type, ...(source.size !== undefined ? { size: source.size } : {}), ...(source.scale !== undefined ? { scale: source.scale } : {}) };
    } else {
      field = { name: entry.field, type: fieldTypeOfValue(checked.type) };
    }
    field.source = `Formula: ${entry.expression.length > 200 ? `${entry.expression.slice(0, 200)}…` : entry.expression}`;
    if (!canConvert(checked.type, field.type)) {
      return { ok: false, error: `${where}: line 1, column 1: the formula gives ${typeLabel(checked.type)}, which cannot be written to a ${field.type} field` };
    }
    fields = existing >= 0 ? fields.map((f, i) => (i === existing ? field : f)) : [...fields, field];
    formulas.push({ field, expression: entry.expression, sees });
  }
  return { ok: true, formulas, metadata: { fields } };
}
