/** Field types use Alteryx's names so that tools port across (the SDK contract (docs/sdk.md)). */
export const FIELD_TYPES = [
  'bool', 'byte', 'int16', 'int32', 'int64', 'float', 'double', 'fixeddecimal',
  'string', 'v_string', 'wstring', 'v_wstring', 'date', 'time', 'datetime', 'blob', 'spatialobj',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

export interface Field {
  name: string;
  type: FieldType;
  size?: number;
  scale?: number;
  source?: string;
  description?: string;
}

export interface Metadata {
  fields: Field[];
}

export function isFieldType(value: unknown): value is FieldType {
  return typeof value === 'string' && (FIELD_TYPES as readonly string[]).includes(value);
}
