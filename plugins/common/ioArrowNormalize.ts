/**
 * Foreign Arrow data (from Parquet or an Arrow file) to Weft's storage types: columns already in
 * Weft storage are kept as they are (no copy); others (timestamps, decimals, unsigned ints,
 * nested…) are converted value by value; a user type override converts too.
 */
import { Data, DataType, Field as ArrowField, RecordBatch, Schema, Type, makeVector } from 'apache-arrow';
import type { Field } from '../../shared/sdk/index.js';
import type { FieldType } from '../../shared/metadata.js';
import { ownValue } from '../../shared/ownValue.js';
import { arrowTypeOf, ayxMetadataOf, fieldOfArrow, fieldTypeOfArrow } from '../../shared/sdk/arrowTypes.js';
import { batchOf, columnFromValues, isoDate, isoDatetime } from './ioValues.js';
import type { ConversionFailure } from './ioValues.js';

export interface ForeignField {
  field: Field;
  /** the Arrow field as stored in the source */
  arrow: ArrowField;
}

/** Weft fields for a foreign schema (columns of types Weft cannot carry are read as text) */
export function weftFieldsOf(schema: Schema, overrides: Record<string, FieldType>): ForeignField[] {
  return schema.fields.map((arrow) => {
    const base = fieldOfArrow(arrow) ?? { name: arrow.name, type: 'v_wstring' as FieldType };
    const type = ownValue(overrides, arrow.name) ?? base.type;
    return { arrow, field: { ...base, type } };
  });
}

function keepsStorage(type: DataType, fieldType: FieldType): boolean {
  const want = arrowTypeOf(fieldType);
  if (type.typeId === Type.Dictionary) {
    const dict = (type as unknown as { dictionary: DataType }).dictionary;
    return want.typeId === Type.Utf8 && dict.typeId === Type.Utf8 && fieldTypeOfArrow(type) === 'v_wstring' && !isTemporalText(fieldType);
  }
  if (type.typeId !== want.typeId) return false;
  if (type.typeId === Type.Int || type.typeId === Type.Float) return String(type) === String(want);
  // Utf8 carries strings as is; dates/times/decimals kept only when they were Weft's own text already
  if (type.typeId === Type.Utf8) return !isTemporalText(fieldType) && fieldType !== 'fixeddecimal';
  return true;
}

function isTemporalText(type: FieldType): boolean {
  return type === 'date' || type === 'time' || type === 'datetime';
}

/** a JS value of a foreign Arrow column cell, with temporal types as Weft ISO text */
function plainValue(type: DataType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case Type.Date: return isoDate(new Date(Number(value instanceof Date ? value.getTime() : value)));
    case Type.Timestamp: return isoDatetime(new Date(Number(value instanceof Date ? value.getTime() : value)));
    case Type.Time: {
      const unit = (type as unknown as { unit: number }).unit; // 0 s, 1 ms, 2 µs, 3 ns
      const ms = unit === 0 ? Number(value) * 1000 : unit === 1 ? Number(value) : unit === 2 ? Number(value) / 1000 : Number(value) / 1e6;
      return isoDatetime(new Date(ms)).slice(11);
    }
    case Type.Decimal: return String(value);
    case Type.List: case Type.LargeList: case Type.FixedSizeList: case Type.Struct: case Type.Map: {
      const json = (value as { toJSON?: () => unknown }).toJSON ? (value as { toJSON: () => unknown }).toJSON() : value;
      return JSON.stringify(json, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    }
    default: return value;
  }
}

/** one foreign batch as a Weft batch of `fields` (the same columns, in order) */
export function normalizeBatch(batch: RecordBatch, fields: ForeignField[], failures?: ConversionFailure[]): RecordBatch {
  const children: Data[] = [];
  const arrowFields: ArrowField[] = [];
  fields.forEach(({ field, arrow }, i) => {
    const vector = batch.getChildAt(i) ?? makeVector(new Array(batch.numRows).fill(null));
    let data: Data;
    if (keepsStorage(arrow.type, field.type) && vector.data.length === 1) data = vector.data[0];
    else {
      const values = new Array<unknown>(vector.length);
      for (let r = 0; r < vector.length; r++) values[r] = plainValue(arrow.type, vector.get(r));
      data = columnFromValues(field, values, failures);
    }
    children.push(data);
    arrowFields.push(new ArrowField(field.name, data.type, true, ayxMetadataOf(field)));
  });
  return batchOf(new Schema(arrowFields), children, batch.numRows);
}
