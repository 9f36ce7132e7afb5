/**
 * The one Alteryx field type ↔ Arrow type map, used by the engine and by the tools alike. The exact
 * Alteryx type and the attributes Arrow lacks travel in Arrow field metadata (`ayx.type`,
 * `ayx.size`, `ayx.scale`, `ayx.source`, `ayx.description`), as Alteryx's own SDK does.
 */
import {
  Binary, Bool, DataType, Dictionary, Field as ArrowField, Float32, Float64, Int16, Int32, Int64, Schema, Type, Uint8, Utf8,
} from 'apache-arrow';
import { isFieldType, type Field, type FieldType, type Metadata } from '../metadata.js';

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

/** the Arrow type of a storage kind */
export function storageArrowType(kind: StorageKind): DataType {
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

/** the Arrow type a field of this Alteryx type is carried in (strings may also be Dictionary<Utf8>) */
export function arrowTypeOf(type: FieldType): DataType {
  return storageArrowType(storageOf(type));
}

/** true when an Arrow type is a valid storage of `kind` (strings may be dictionary-encoded) */
export function arrowTypeMatches(type: DataType, kind: StorageKind): boolean {
  if (kind === 'utf8' && type.typeId === Type.Dictionary) {
    return (type as Dictionary).dictionary.typeId === Type.Utf8;
  }
  const want = storageArrowType(kind);
  if (type.typeId !== want.typeId) return false;
  if (type.typeId === Type.Int) {
    const a = type as Int32, b = want as Int32;
    return a.bitWidth === b.bitWidth && a.isSigned === b.isSigned;
  }
  if (type.typeId === Type.Float) return (type as Float32).precision === (want as Float32).precision;
  return true;
}

/** field types whose values travel as Utf8 text */
export function isTextType(type: FieldType): boolean {
  return storageOf(type) === 'utf8';
}

export function isStringType(type: FieldType): boolean {
  return type === 'string' || type === 'v_string' || type === 'wstring' || type === 'v_wstring';
}

/** the `ayx.*` Arrow field metadata of a field */
export function ayxMetadataOf(field: Field): Map<string, string> {
  const meta = new Map<string, string>([['ayx.type', field.type]]);
  if (field.size !== undefined) meta.set('ayx.size', String(field.size));
  if (field.scale !== undefined) meta.set('ayx.scale', String(field.scale));
  if (field.source !== undefined) meta.set('ayx.source', field.source);
  if (field.description !== undefined) meta.set('ayx.description', field.description);
  return meta;
}

/** the Arrow field for a Weft field, in its storage type unless `type` says otherwise */
export function arrowFieldOf(field: Field, type: DataType = arrowTypeOf(field.type)): ArrowField {
  return new ArrowField(field.name, type, true, ayxMetadataOf(field));
}

/** the Arrow schema of a metadata; `types[i]` overrides field i's Arrow type (e.g. a dictionary) */
export function arrowSchemaOf(metadata: Metadata, types?: ReadonlyArray<DataType | undefined>): Schema {
  return new Schema(metadata.fields.map((field, i) => arrowFieldOf(field, types?.[i])));
}

/** the Weft field an Arrow field stands for: `ayx.*` metadata when present, else from the Arrow type */
export function fieldOfArrow(field: ArrowField): Field | null {
  const meta = field.metadata;
  const stored = meta.get('ayx.type');
  const type = isFieldType(stored) ? stored : fieldTypeOfArrow(field.type);
  if (!type) return null;
  const out: Field = { name: field.name, type };
  const size = meta.get('ayx.size');
  const scale = meta.get('ayx.scale');
  if (size !== undefined && size !== '' && Number.isFinite(Number(size))) out.size = Number(size);
  if (scale !== undefined && scale !== '' && Number.isFinite(Number(scale))) out.scale = Number(scale);
  const source = meta.get('ayx.source');
  const description = meta.get('ayx.description');
  if (source !== undefined) out.source = source;
  if (description !== undefined) out.description = description;
  return out;
}

/** the metadata of an Arrow schema; a field of a type Weft cannot carry reads as v_wstring */
export function metadataOfSchema(schema: Schema): Metadata {
  return { fields: schema.fields.map((f) => fieldOfArrow(f) ?? { name: f.name, type: 'v_wstring' }) };
}

/**
 * The Weft type a foreign Arrow type (from Parquet or an Arrow file) is read as (the storage types
 * above map back to their own Weft type). null: a type Weft cannot carry.
 */
export function fieldTypeOfArrow(type: DataType): FieldType | null {
  switch (type.typeId) {
    case Type.Bool: return 'bool';
    case Type.Int: {
      const { bitWidth, isSigned } = type as unknown as { bitWidth: number; isSigned: boolean };
      if (bitWidth === 8) return isSigned ? 'int16' : 'byte';
      if (bitWidth === 16) return isSigned ? 'int16' : 'int32';
      if (bitWidth === 32) return isSigned ? 'int32' : 'int64';
      return 'int64';
    }
    case Type.Float: {
      const { precision } = type as unknown as { precision: number };
      return precision === 1 ? 'float' : 'double'; // Precision.SINGLE = 1; HALF widens to double
    }
    case Type.Decimal: return 'fixeddecimal';
    case Type.Utf8: case Type.LargeUtf8: case Type.Utf8View: return 'v_wstring';
    case Type.Binary: case Type.LargeBinary: case Type.FixedSizeBinary: case Type.BinaryView: return 'blob';
    case Type.Date: return 'date';
    case Type.Time: return 'time';
    case Type.Timestamp: return 'datetime';
    case Type.Dictionary: return fieldTypeOfArrow((type as unknown as { dictionary: DataType }).dictionary);
    case Type.Null: return 'v_wstring';
    case Type.List: case Type.LargeList: case Type.FixedSizeList: case Type.Struct: case Type.Map: return 'v_wstring';
    default: return null;
  }
}
