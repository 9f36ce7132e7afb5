/**
 * A RecordPacket over an Arrow table the I/O tools built themselves (typed column buffers,
 * dictionary strings), so their columns reach the engine without a round trip through JS values.
 * the SDK contract (docs/sdk.md): a packet is `length`, `metadata`, `column(name)`, `rows()`, `table`.
 */
import { RecordBatch, Table } from 'apache-arrow';
import type { Metadata, RecordPacket, RecordRow, RecordValue } from '../../shared/sdk/index.js';
import { dataRecord } from '../../shared/ownValue.js';

export class ArrowRecordPacket implements RecordPacket {
  readonly table: Table;
  readonly metadata: Metadata;

  constructor(metadata: Metadata, table: Table) {
    this.metadata = metadata;
    this.table = table;
  }

  static fromBatch(metadata: Metadata, batch: RecordBatch): ArrowRecordPacket {
    return new ArrowRecordPacket(metadata, new Table([batch]));
  }

  get length(): number {
    return this.table.numRows;
  }

  column(name: string): ArrayLike<RecordValue> {
    const vector = this.table.getChild(name);
    if (!vector) throw new Error(`packet has no field "${name}"`);
    const out = new Array<RecordValue>(vector.length);
    for (let i = 0; i < vector.length; i++) out[i] = toRecordValue(vector.get(i));
    return out;
  }

  *rows(): Iterable<RecordRow> {
    const names = this.metadata.fields.map((f) => f.name);
    const columns = names.map((n) => this.column(n));
    for (let i = 0; i < this.length; i++) {
      const row: RecordRow = dataRecord();
      for (let c = 0; c < names.length; c++) row[names[c]] = columns[c][i];
      yield row;
    }
  }
}

function toRecordValue(value: unknown): RecordValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint') return value;
  if (value instanceof Uint8Array) return value;
  return String(value);
}
