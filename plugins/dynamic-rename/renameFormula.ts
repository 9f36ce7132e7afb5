/**
 * New field names from a formula evaluated once per field, with [_CurrentField_] (and
 * [_CurrentFieldName_]) holding the field's name and [_CurrentFieldType_] its type. The names
 * depend only on the metadata, so they are exact in update-only.
 */
import { Table } from 'apache-arrow';
import type { Field, Metadata, RecordValue } from '../../shared/sdk/index.js';
import { batchFromColumns } from '../common/ioValues.js';
import { compileFormula } from '../formula-language/formula.js';
import { outputValues, packetBatch } from '../formula-language/packetColumns.js';

const NAME_FIELDS: Field[] = [
  { name: '_CurrentField_', type: 'v_wstring' }, { name: '_CurrentFieldName_', type: 'v_wstring' }, { name: '_CurrentFieldType_', type: 'v_wstring' },
];
const RESULT: Field = { name: 'name', type: 'v_wstring' };

/** old name → new name for `fields`, or the formula's error */
export function namesByFormula(expression: string, fields: readonly Field[]): Map<string, string> | { error: string } {
  const metadata: Metadata = { fields: NAME_FIELDS };
  const compiled = compileFormula(expression, metadata);
  if (!compiled.ok) return { error: `formula: ${compiled.error.message}` };
  const names = fields.map((f) => f.name);
  const batch = batchFromColumns(NAME_FIELDS, [names, names, fields.map((f) => f.type)], fields.length);
  const warnings: string[] = [];
  const column = compiled.formula.evaluate(packetBatch(new Table([batch]), metadata));
  const values: ArrayLike<RecordValue> = outputValues(column, RESULT, (m) => warnings.push(m));
  const renames = new Map<string, string>();
  for (let i = 0; i < fields.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) return { error: `the formula gives no name (null) for field "${fields[i].name}"` };
    renames.set(fields[i].name, String(value));
  }
  return renames;
}
