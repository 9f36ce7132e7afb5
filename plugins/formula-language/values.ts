/**
 * The value types of the formula language and the columns an expression is evaluated over.
 * A column holds one packet's worth of values of one type, typed arrays where the type allows.
 */
import type { Field } from '../../shared/sdk/index.js';

type FieldType = Field['type'];

export type ValueType = 'bool' | 'int' | 'double' | 'string' | 'date' | 'time' | 'datetime' | 'blob' | 'null';

/** One value of a row as functions see it; `int` values are numbers when safe, else bigint. */
export type Scalar = boolean | number | bigint | string | Uint8Array | null;

/** 1 marks a null row; `null` when the column has no nulls. */
export type Nulls = Uint8Array | null;

export type Column =
  | { type: 'bool'; length: number; values: Uint8Array; nulls: Nulls }
  | { type: 'double'; length: number; values: Float64Array; nulls: Nulls }
  /** Float64Array only while every value is a safe integer (|v| <= 2^53 - 1), else BigInt64Array. */
  | { type: 'int'; length: number; values: Float64Array | BigInt64Array; nulls: Nulls }
  | { type: 'string' | 'date' | 'time' | 'datetime'; length: number; values: string[]; nulls: Nulls }
  | { type: 'blob'; length: number; values: Uint8Array[]; nulls: Nulls }
  | { type: 'null'; length: number; values: null; nulls: null };

export const STRING_LIKE: ReadonlySet<ValueType> = new Set(['string', 'date', 'time', 'datetime']);

export function isNumeric(type: ValueType): boolean {
  return type === 'int' || type === 'double';
}

/** The language type a field of this Alteryx type reads as. */
export function valueTypeOfField(type: FieldType): ValueType {
  switch (type) {
    case 'bool': return 'bool';
    case 'byte': case 'int16': case 'int32': case 'int64': return 'int';
    case 'float': case 'double': case 'fixeddecimal': return 'double';
    case 'date': return 'date';
    case 'time': return 'time';
    case 'datetime': return 'datetime';
    case 'blob': return 'blob';
    default: return 'string';
  }
}

/** The Alteryx field type a formula result of this type is written as when none is given. */
export function fieldTypeOfValue(type: ValueType): FieldType {
  switch (type) {
    case 'bool': return 'bool';
    case 'int': return 'int64';
    case 'double': return 'double';
    case 'date': return 'date';
    case 'time': return 'time';
    case 'datetime': return 'datetime';
    case 'blob': return 'blob';
    default: return 'v_wstring';
  }
}

/** How types are named in messages: the Alteryx-facing names. */
export function typeLabel(type: ValueType): string {
  switch (type) {
    case 'int': return 'integer';
    case 'double': return 'number';
    default: return type;
  }
}
