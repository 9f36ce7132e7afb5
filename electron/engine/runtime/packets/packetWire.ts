/**
 * A packet on the wire between workers: the raw Arrow column buffers plus a tiny type tag per
 * column; the schema is the connection's metadata (sent once, when the anchor opens). Buffers are
 * transferred, not copied; rebuilding the table on the other side only wraps them (~µs).
 */
import { Data, Dictionary, Int16, Int32, Int8, Type, Uint16, Uint32, Uint8, Utf8, makeVector, type DataType } from 'apache-arrow';
import type { Metadata } from '../../../../shared/metadata.js';
import { arrowTypeMatches, storageArrowType, storageOf, type StorageKind } from '../../../../shared/sdk/arrowTypes.js';
import { packetFromColumns, packetFromData } from '../../../../shared/sdk/packetFactory.js';
import { ArrowRecordPacket } from '../../../../shared/sdk/recordPacket.js';

type View = Uint8Array | Int8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | Float32Array | Float64Array;

/** 'plain' = the field's own storage type; 'dict<bits><s|u>' = dictionary-encoded Utf8 */
type TypeTag = 'plain' | `dict${8 | 16 | 32}${'s' | 'u'}`;

export interface DataWire {
  tag: TypeTag;
  offset: number;
  length: number;
  nullCount: number;
  valueOffsets?: View;
  values?: View;
  nullBitmap?: Uint8Array;
  dictionary?: DataWire[];
}

export interface PacketWire {
  length: number;
  /** one entry per record batch; each holds one DataWire per field */
  batches: Array<{ length: number; columns: DataWire[] }>;
}

export interface EncodedPacket {
  wire: PacketWire;
  transfer: ArrayBuffer[];
}

export function encodePacket(packet: ArrowRecordPacket): EncodedPacket {
  const transfer = new Set<ArrayBuffer>();
  const kinds = packet.metadata.fields.map((f) => storageOf(f.type));
  const batches = packet.table.batches.map((batch) => ({
    length: batch.numRows,
    columns: batch.data.children.map((child, i) => encodeData(child, kinds[i], transfer)),
  }));
  return { wire: { length: packet.length, batches }, transfer: [...transfer] };
}

function encodeData(data: Data, kind: StorageKind, transfer: Set<ArrayBuffer>): DataWire {
  const type = data.type;
  if (!arrowTypeMatches(type, kind)) throw new Error(`column type ${String(type)} does not store ${kind}`);
  let tag: TypeTag = 'plain';
  let dictionary: DataWire[] | undefined;
  if (type.typeId === Type.Dictionary) {
    const indices = (type as Dictionary).indices;
    tag = `dict${indices.bitWidth as 8 | 16 | 32}${indices.isSigned ? 's' : 'u'}`;
    dictionary = data.dictionary!.data.map((d) => encodeData(d, 'utf8', transfer));
  }
  return {
    tag,
    offset: data.offset,
    length: data.length,
    nullCount: data.nullCount,
    valueOffsets: owned(data.valueOffsets as View | undefined, transfer),
    values: owned(data.values as View | undefined, transfer),
    nullBitmap: data.nullCount > 0 ? owned(data.nullBitmap, transfer) : undefined,
    dictionary,
  };
}

/**
 * A view whose buffer it mostly covers is transferred as is; a small view into a large buffer
 * (or into memory we must not detach) is copied first, so transfer never steals unrelated memory.
 */
function owned<T extends View>(view: T | undefined, transfer: Set<ArrayBuffer>): T | undefined {
  if (!view || view.byteLength === 0) return view;
  const buffer = view.buffer;
  if (!(buffer instanceof ArrayBuffer)) return view; // SharedArrayBuffer: shared, not transferred
  if (transfer.has(buffer)) return view;
  if (view.byteLength * 2 >= buffer.byteLength) {
    transfer.add(buffer);
    return view;
  }
  const copy = view.slice() as T;
  transfer.add(copy.buffer as ArrayBuffer);
  return copy;
}

const INDEX_TYPES: Record<string, () => DataType> = {
  '8s': () => new Int8(), '8u': () => new Uint8(), '16s': () => new Int16(), '16u': () => new Uint16(),
  '32s': () => new Int32(), '32u': () => new Uint32(),
};

function decodeData(wire: DataWire, kind: StorageKind): Data {
  let type: DataType = storageArrowType(kind);
  let dictionary;
  if (wire.tag !== 'plain') {
    const index = INDEX_TYPES[wire.tag.slice(4)];
    if (!index) throw new Error(`unknown column tag ${wire.tag}`);
    type = new Dictionary(new Utf8(), index() as Int32);
    dictionary = makeVector((wire.dictionary ?? []).map((d) => decodeData(d, 'utf8')));
  }
  return new Data(type, wire.offset, wire.length, wire.nullCount, [wire.valueOffsets, wire.values, wire.nullBitmap], [], dictionary);
}

export function decodePacket(wire: PacketWire, metadata: Metadata): ArrowRecordPacket {
  const kinds = metadata.fields.map((f) => storageOf(f.type));
  if (wire.batches.length === 1) {
    const batch = wire.batches[0];
    return packetFromData(metadata, batch.columns.map((c, i) => decodeData(c, kinds[i])), batch.length);
  }
  // several batches: keep them as chunks of one table
  const parts = wire.batches.map((b) => packetFromData(metadata, b.columns.map((c, i) => decodeData(c, kinds[i])), b.length));
  if (parts.length === 0) return packetFromColumns(metadata, Object.fromEntries(metadata.fields.map((f) => [f.name, []])));
  const table = parts[0].table.concat(...parts.slice(1).map((p) => p.table));
  return new ArrowRecordPacket(metadata, table);
}

/** false once the packet's buffers were transferred away (a detached view reads as empty) */
export function packetIsIntact(packet: ArrowRecordPacket): boolean {
  return packet.table.batches.every((batch) => batch.data.children.every((data) => {
    if (data.length === 0) return true;
    const main = (data.valueOffsets ?? data.values) as View | undefined;
    return main === undefined || main.byteLength > 0;
  }));
}

/** a deep copy of the packet, for writing the same packet a second time */
export function copyPacket(packet: ArrowRecordPacket): ArrowRecordPacket {
  return decodePacket(structuredClone(encodePacket(packet).wire), packet.metadata);
}
