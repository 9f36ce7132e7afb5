/**
 * Arrow columns from a page of PostgreSQL rows (values as PostgreSQL's text, bytea as bytes). A
 * column whose field keeps the type mapped from its PostgreSQL type takes a direct path (numbers
 * parsed once, text as is: PostgreSQL's own text is already valid for the Weft type); a field the
 * user retyped in `fieldTypes` goes through the general conversion, with failures reported.
 */
import { Schema, type Data, type RecordBatch } from 'apache-arrow';
import type { Field, RecordValue } from '../../../shared/sdk/index.js';
import { arrowFieldOf } from '../../../shared/sdk/arrowTypes.js';
import { buildColumn } from '../../../shared/sdk/columnBuilder.js';
import { fieldOfPostgres, postgresTextToWeft } from '../../common/dbPostgres.js';
import type { PostgresColumn } from '../../common/dbPostgresFields.js';
import { batchOf, columnFromValues, type ConversionFailure } from '../../common/ioValues.js';

/** a value, or undefined when PostgreSQL's text has no Weft equivalent (infinity, a BC date, NaN as a decimal) */
type Parse = (text: string) => RecordValue | undefined;

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2}(?:\.\d+)?)?$/;
const TIME_TEXT = /^\d{2}:\d{2}:\d{2}(?:\.\d+)?$/;
const DECIMAL_TEXT = /^-?\d+(?:\.\d+)?$/;

function directParser(column: PostgresColumn, field: Field): Parse | null {
  const natural = fieldOfPostgres(column.name, column.oid, column.typmod);
  if (natural.type !== field.type) return null;
  switch (field.type) {
    case 'int16': case 'int32': case 'float': case 'double': return Number;
    case 'int64': return BigInt;
    case 'bool': return (text) => text === 't';
    case 'blob': return null;
    case 'date': case 'datetime': return (text) => {
      const value = postgresTextToWeft(column.oid, text);
      return DATE_TEXT.test(value) ? value : undefined;
    };
    case 'time': return (text) => (TIME_TEXT.test(text) ? text : undefined);
    case 'fixeddecimal': return (text) => (DECIMAL_TEXT.test(text) ? text : undefined);
    default: return (text) => text;
  }
}

export function batchFromPostgresRows(
  fields: Field[], columns: PostgresColumn[], rows: unknown[][], failures: ConversionFailure[],
): RecordBatch {
  const length = rows.length;
  const children: Data[] = fields.map((field, c) => {
    const parse = directParser(columns[c], field);
    if (!parse) {
      const values = rows.map((r) => (typeof r[c] === 'string' ? postgresTextToWeft(columns[c].oid, r[c] as string) : r[c]));
      return columnFromValues(field, values, failures);
    }
    const values = new Array<RecordValue>(length);
    for (let i = 0; i < length; i++) {
      const text = rows[i][c];
      if (text === null || text === undefined) {
        values[i] = null;
        continue;
      }
      const value = parse(text as string);
      if (value === undefined) failures.push({ row: i, field: field.name, value: text });
      values[i] = value ?? null;
    }
    return buildColumn(field, values, length);
  });
  return batchOf(new Schema(fields.map((f) => arrowFieldOf(f))), children, length);
}
