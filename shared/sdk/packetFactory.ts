/** `provider.records.fromRows` / `fromColumns`, and assembling a packet from column `Data`. */
import { Data, RecordBatch, Struct, Table, type DataType } from 'apache-arrow';
import type { Metadata } from '../metadata.js';
import { ownValue } from '../ownValue.js';
import { arrowSchemaOf } from './arrowTypes.js';
import { buildColumn } from './columnBuilder.js';
import { metadataProblem } from './metadataChecks.js';
import type { RecordRow, RecordValue } from './plugin.js';
import { ArrowRecordPacket } from './recordPacket.js';

export function packetFromData(metadata: Metadata, columns: Data[], length: number): ArrowRecordPacket {
  const types: DataType[] = columns.map((c) => c.type);
  const schema = arrowSchemaOf(metadata, types);
  const struct = new Data(new Struct(schema.fields), 0, length, 0, [undefined, undefined, undefined], columns);
  return new ArrowRecordPacket(metadata, new Table(schema, new RecordBatch(schema, struct)));
}

function checkedMetadata(metadata: Metadata): Metadata {
  const problem = metadataProblem(metadata);
  if (problem) throw new Error(`invalid metadata: ${problem}`);
  return metadata;
}

export function packetFromColumns(metadata: Metadata, columns: Record<string, ArrayLike<RecordValue>>): ArrowRecordPacket {
  checkedMetadata(metadata);
  if (typeof columns !== 'object' || columns === null) throw new Error('fromColumns needs an object { field: array }');
  const known = new Set(metadata.fields.map((f) => f.name));
  for (const key of Object.keys(columns)) {
    if (!known.has(key)) throw new Error(`fromColumns: column '${key}' is not a field of the metadata`);
  }
  let length = -1;
  for (const field of metadata.fields) {
    const values = ownValue(columns, field.name);
    if (values === undefined || typeof values.length !== 'number') throw new Error(`fromColumns: column '${field.name}' is missing`);
    if (length < 0) length = values.length;
    else if (values.length !== length) {
      throw new Error(`fromColumns: column '${field.name}' has ${values.length} values, others have ${length}`);
    }
  }
  length = Math.max(length, 0);
  const data = metadata.fields.map((field) => buildColumn(field, ownValue(columns, field.name)!, length));
  return packetFromData(metadata, data, length);
}

export function packetFromRows(metadata: Metadata, rows: readonly RecordRow[]): ArrowRecordPacket {
  checkedMetadata(metadata);
  if (!Array.isArray(rows)) throw new Error('fromRows needs an array of row objects');
  const length = rows.length;
  if (length > 0) {
    const known = new Set(metadata.fields.map((f) => f.name));
    for (const key of Object.keys(rows[0] ?? {})) {
      if (!known.has(key)) throw new Error(`fromRows: row 0 has key '${key}', which is not a field of the metadata`);
    }
  }
  const data = metadata.fields.map((field) => {
    const values = new Array<RecordValue | undefined>(length);
    const name = field.name;
    for (let i = 0; i < length; i++) {
      const row = rows[i];
      if (typeof row !== 'object' || row === null) throw new Error(`fromRows: row ${i} is not an object`);
      values[i] = ownValue(row, name);
    }
    return buildColumn(field, values, length);
  });
  return packetFromData(metadata, data, length);
}
