/** Alteryx field types and sizes as Weft's (docs/import.md lists the mapping). */
import type { FieldType } from '../../../shared/metadata.js';

const TYPES: Record<string, FieldType> = {
  bool: 'bool',
  byte: 'byte',
  int16: 'int16',
  int32: 'int32',
  int64: 'int64',
  fixeddecimal: 'fixeddecimal',
  float: 'float',
  double: 'double',
  string: 'string',
  wstring: 'wstring',
  v_string: 'v_string',
  v_wstring: 'v_wstring',
  date: 'date',
  time: 'time',
  datetime: 'datetime',
  blob: 'blob',
  spatialobj: 'spatialobj',
};

/** the Weft type of an Alteryx type name (`V_WString`, `FixedDecimal`, …); undefined when unknown */
export function weftType(alteryxType: string | undefined): FieldType | undefined {
  if (alteryxType === undefined) return undefined;
  return TYPES[alteryxType.trim().toLowerCase()];
}

export interface SizeAndScale {
  size?: number;
  scale?: number;
}

/**
 * a size as Alteryx writes it: characters for text, `19.6` (precision.scale) for FixedDecimal,
 * bytes for the fixed-width types (meaningless in Weft, so dropped)
 */
export function sizeOf(type: FieldType, size: string | undefined): SizeAndScale {
  if (size === undefined || size.trim() === '') return {};
  if (type === 'fixeddecimal') {
    const [whole, fraction] = size.split('.');
    const precision = Number(whole);
    const scale = fraction === undefined ? 0 : Number(fraction);
    return Number.isInteger(precision) && precision > 0 && Number.isInteger(scale) && scale >= 0 ? { size: precision, scale } : {};
  }
  if (type === 'string' || type === 'wstring' || type === 'v_string' || type === 'v_wstring') {
    const characters = Number(size);
    return Number.isInteger(characters) && characters > 0 ? { size: characters } : {};
  }
  return {};
}

/** `True`/`False` as Alteryx writes booleans (also `value="True"` attributes) */
export function isTrue(text: string | undefined): boolean {
  return text !== undefined && text.trim().toLowerCase() === 'true';
}
