/**
 * The Alteryx field type ↔ Arrow type mapping the engine uses (preamble "Engine facts"), and the
 * Arrow schema a tool's metadata stands for, with the exact Alteryx attributes in `ayx.*` field
 * metadata. Shared by the I/O tools (input-data, text-input, output-data, browse).
 */
import {
  Binary, Bool, DataType, Dictionary, Field as ArrowField, Float32, Float64, Int16, Int32, Int64, Schema, Type, Uint8, Utf8,
} from 'apache-arrow';
import type { Field, Metadata } from '../../shared/sdk/index.js';
import type { FieldType } from '../../shared/metadata.js';

/** the Arrow type a field of this Alteryx type is carried in (strings may also be Dictionary<Utf8>) */
export function arrowTypeOf(type: FieldType): DataType {
  switch (type) {
    case 'bool': return new Bool();
    case 'byte': return new Uint8();
    case 'int16': return new Int16();
    case 'int32': return new Int32();
    case 'int64': return new Int64();
    case 'float': return new Float32();
    case 'double': return new Float64();
    case 'blob': return new Binary();
    default: return new Utf8();
  }
}

/** field types whose values travel as Utf8 text */
export function isTextType(type: FieldType): boolean {
  return arrowTypeOf(type).typeId === Type.Utf8;
}

export function isStringType(type: FieldType): boolean {
  return type === 'string' || type === 'v_string' || type === 'wstring' || type === 'v_wstring';
}

export function ayxMetadataOf(field: Field): Map<string, string> {
  const meta = new Map<string, string>([['ayx.type', field.type]]);
  if (field.size !== undefined) meta.set('ayx.size', String(field.size));
  if (field.scale !== undefined) meta.set('ayx.scale', String(field.scale));
  if (field.source !== undefined) meta.set('ayx.source', field.source);
  if (field.description !== undefined) meta.set('ayx.description', field.description);
  return meta;
}

/** the Arrow field for a Weft field; `dictionary` makes a string field Dictionary<Utf8, Int32> */
export function arrowFieldOf(field: Field, dictionary = false): ArrowField {
  const type = dictionary && isTextType(field.type) ? new Dictionary(new Utf8(), new Int32()) : arrowTypeOf(field.type);
  return new ArrowField(field.name, type, true, ayxMetadataOf(field));
}

export function arrowSchemaOf(metadata: Metadata, dictionaryFields: ReadonlySet<string> = new Set()): Schema {
  return new Schema(metadata.fields.map((f) => arrowFieldOf(f, dictionaryFields.has(f.name))));
}

/** the Weft field an Arrow field stands for: `ayx.*` metadata when present, else from the Arrow type */
export function fieldOfArrow(field: ArrowField): Field | null {
  const meta = field.metadata;
  const stored = meta.get('ayx.type');
  const type = stored && isKnownType(stored) ? stored : fieldTypeOfArrow(field.type);
  if (!type) return null;
  const out: Field = { name: field.name, type };
  const size = meta.get('ayx.size');
  const scale = meta.get('ayx.scale');
  if (size !== undefined && Number.isFinite(Number(size))) out.size = Number(size);
  if (scale !== undefined && Number.isFinite(Number(scale))) out.scale = Number(scale);
  const source = meta.get('ayx.source');
  const description = meta.get('ayx.description');
  if (source !== undefined) out.source = source;
  if (description !== undefined) out.description = description;
  return out;
}

const KNOWN = new Set<string>([
  'bool', 'byte', 'int16', 'int32', 'int64', 'float', 'double', 'fixeddecimal', 'string', 'v_string', 'wstring',
  'v_wstring', 'date', 'time', 'datetime', 'blob', 'spatialobj',
]);

function isKnownType(value: string): value is FieldType {
  return KNOWN.has(value);
}

/**
 * The Weft type a foreign Arrow type (from Parquet or an Arrow file) is read as; the values are
 * converted by `normalizeTable` (ioArrowNormalize.ts). null: a type Weft cannot carry.
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
