/**
 * How the CSV parser treats each field: a small integer kind per field (switched on per value,
 * so a number rather than the type name) and the column builder that kind fills.
 */
import type { Dictionary, Int32, Utf8 } from 'apache-arrow';
import type { Field } from '../../../shared/sdk/index.js';
import { BoolColumn, DictionaryColumn, Int64Column, NumberColumn, TextColumn } from './csvColumns.js';

export const K_INT = 0, K_FLOAT = 1, K_INT64 = 2, K_BOOL = 3, K_TEXT = 4, K_DICT = 5, K_DATE = 6, K_TIME = 7, K_DATETIME = 8, K_DECIMAL = 9, K_BLOB = 10;

export type ColumnBuilder = NumberColumn | Int64Column | BoolColumn | TextColumn | DictionaryColumn;

export function kindOf(type: Field['type'], dictionary: boolean): number {
  switch (type) {
    case 'byte': case 'int16': case 'int32': return K_INT;
    case 'float': case 'double': return K_FLOAT;
    case 'int64': return K_INT64;
    case 'bool': return K_BOOL;
    case 'date': return K_DATE;
    case 'time': return K_TIME;
    case 'datetime': return K_DATETIME;
    case 'fixeddecimal': return K_DECIMAL;
    case 'blob': return K_BLOB;
    default: return dictionary ? K_DICT : K_TEXT;
  }
}

/** an empty builder of `rows` rows for a field of `kind` (`bytesHint`: text bytes to reserve) */
export function newColumnBuilder(field: Field, kind: number, rows: number, dictionaryType: Dictionary<Utf8, Int32>, bytesHint: number): ColumnBuilder {
  switch (kind) {
    case K_INT: return new NumberColumn(field.type === 'byte' ? 'byte' : field.type === 'int16' ? 'int16' : 'int32', rows);
    case K_FLOAT: return new NumberColumn(field.type === 'float' ? 'float' : 'double', rows);
    case K_INT64: return new Int64Column(rows);
    case K_BOOL: return new BoolColumn(rows);
    case K_DICT: return new DictionaryColumn(rows, dictionaryType);
    default: return new TextColumn(rows, bytesHint, kind === K_BLOB);
  }
}
