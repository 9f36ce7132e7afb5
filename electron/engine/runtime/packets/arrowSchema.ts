/**
 * Alteryx field types ↔ Arrow types. The exact Alteryx type and the attributes Arrow lacks travel
 * in Arrow field metadata (`ayx.type`, `ayx.size`, `ayx.scale`, `ayx.source`, `ayx.description`).
 */
import {
  Binary, Bool, DataType, Dictionary, Field as ArrowField, Float32, Float64, Int16, Int32, Int64, Schema, Type, Uint8, Utf8,
} from 'apache-arrow';
import { isFieldType, type Field, type FieldType, type Metadata } from '../../../../shared/metadata.js';

/** how a field's values are stored, by Alteryx type */
export type StorageKind = 'bool' | 'uint8' | 'int16' | 'int32' | 'int64' | 'float32' | 'float64' | 'utf8' | 'binary';

const STORAGE: Record<FieldType, StorageKind> = {
  bool: 'bool', byte: 'uint8', int16: 'int16', int32: 'int32', int64: 'int64', float: 'float32', double: 'float64',
  fixeddecimal: 'utf8', string: 'utf8', v_string: 'utf8', wstring: 'utf8', v_wstring: 'utf8',
  date: 'utf8', time: 'utf8', datetime: 'utf8', blob: 'binary', spatialobj: 'utf8',
};

export function storageOf(type: FieldType): StorageKind {
  return STORAGE[type];
}

export function arrowTypeOf(kind: StorageKind): DataType {
  switch (kind) {
    case 'bool': return new Bool();
    case 'uint8': return new Uint8();
    case 'int16': return new Int16();
    case 'int32': return new Int32();
    case 'int64': return new Int64();
    case 'float32': return new Float32();
    case 'float64': return new Float64();
    case 'utf8': return new Utf8();
    case 'binary': return new Binary();
  }
}

/** true when an Arrow type is a valid storage of `kind` (strings may be dictionary-encoded) */
export function arrowTypeMatches(type: DataType, kind: StorageKind): boolean {
  if (kind === 'utf8' && type.typeId === Type.Dictionary) {
    return (type as Dictionary).dictionary.typeId === Type.Utf8;
  }
  const want = arrowTypeOf(kind);
  if (type.typeId !== want.typeId) return false;
  if (type.typeId === Type.Int) {
    const a = type as Int32, b = want as Int32;
    return a.bitWidth === b.bitWidth && a.isSigned === b.isSigned;
  }
  if (type.typeId === Type.Float) return (type as Float32).precision === (want as Float32).precision;
  return true;
}

export function fieldMetadataMap(field: Field): Map<string, string> {
  const map = new Map<string, string>([['ayx.type', field.type]]);
  if (field.size !== undefined) map.set('ayx.size', String(field.size));
  if (field.scale !== undefined) map.set('ayx.scale', String(field.scale));
  if (field.source !== undefined) map.set('ayx.source', field.source);
  if (field.description !== undefined) map.set('ayx.description', field.description);
  return map;
}

export function arrowFieldOf(field: Field, type: DataType = arrowTypeOf(storageOf(field.type))): ArrowField {
  return new ArrowField(field.name, type, true, fieldMetadataMap(field));
}

export function schemaOf(metadata: Metadata, types?: DataType[]): Schema {
  return new Schema(metadata.fields.map((field, i) => arrowFieldOf(field, types?.[i])));
}

/** The Alteryx type an Arrow type stands for when a field carries no `ayx.type`. */
function fieldTypeOfArrow(type: DataType): FieldType {
  switch (type.typeId) {
    case Type.Bool: return 'bool';
    case Type.Int: {
      const { bitWidth, isSigned } = type as unknown as { bitWidth: number; isSigned: boolean };
      if (bitWidth === 8 && !isSigned) return 'byte';
      if (bitWidth <= 16) return 'int16';
      if (bitWidth === 32) return 'int32';
      return 'int64';
    }
    case Type.Float: return (type as Float32).precision === 1 ? 'float' : 'double';
    case Type.Binary: case Type.LargeBinary: return 'blob';
    default: return 'v_wstring';
  }
}

export function metadataOfSchema(schema: Schema): Metadata {
  return {
    fields: schema.fields.map((arrowField) => {
      const meta = arrowField.metadata;
      const declared = meta.get('ayx.type');
      const field: Field = { name: arrowField.name, type: isFieldType(declared) ? declared : fieldTypeOfArrow(arrowField.type) };
      const size = meta.get('ayx.size');
      const scale = meta.get('ayx.scale');
      if (size !== undefined && size !== '') field.size = Number(size);
      if (scale !== undefined && scale !== '') field.scale = Number(scale);
      const source = meta.get('ayx.source');
      const description = meta.get('ayx.description');
      if (source !== undefined) field.source = source;
      if (description !== undefined) field.description = description;
      return field;
    }),
  };
}

/** Same field names (exact) and Alteryx types, in the same order. */
export function sameFieldShape(a: Metadata, b: Metadata): boolean {
  if (a.fields.length !== b.fields.length) return false;
  return a.fields.every((field, i) => field.name === b.fields[i].name && field.type === b.fields[i].type);
}

/** Checks a metadata supplied by a plugin; returns the problem or null. */
export function metadataProblem(metadata: unknown): string | null {
  if (typeof metadata !== 'object' || metadata === null || !Array.isArray((metadata as Metadata).fields)) {
    return 'metadata must be an object { fields: Field[] }';
  }
  const seen = new Set<string>();
  for (const [i, field] of (metadata as Metadata).fields.entries()) {
    if (typeof field !== 'object' || field === null || typeof field.name !== 'string' || field.name === '') {
      return `fields[${i}] needs a non-empty name`;
    }
    if (!isFieldType(field.type)) return `field '${field.name}' has unknown type '${String(field.type)}'`;
    const key = field.name.toLowerCase();
    if (seen.has(key)) return `field name '${field.name}' appears twice (names are case-insensitive)`;
    seen.add(key);
  }
  return null;
}
