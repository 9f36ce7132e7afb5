/**
 * The one `RecordPacket` class: an Arrow table plus its Alteryx metadata, used by the engine and by
 * tools that build their Arrow columns themselves (typed column buffers, dictionary strings), so
 * those columns reach the engine without a round trip through JS values.
 * `column()` is cached and returns the Arrow buffer itself (a typed array) for numeric columns
 * without nulls; names are found as written, else case-insensitively (field names are unique
 * case-insensitively).
 */
import { RecordBatch, Table, Type, type Vector } from 'apache-arrow';
import type { Metadata } from '../metadata.js';
import { dataRecord } from '../ownValue.js';
import { metadataOfSchema } from './arrowTypes.js';
import type { RecordPacket, RecordRow, RecordValue } from './plugin.js';

const TYPED_WHEN_NO_NULLS = new Set<Type>([Type.Int, Type.Float]);

export class ArrowRecordPacket implements RecordPacket {
  readonly table: Table;
  readonly metadata: Metadata;
  private readonly columns: Array<ArrayLike<RecordValue> | undefined> = [];
  private index: Map<string, number> | undefined;

  /** `metadata` lists the table's columns in order, with their Alteryx types */
  constructor(metadata: Metadata, table: Table) {
    this.metadata = metadata;
    this.table = table;
  }

  static fromBatch(metadata: Metadata, batch: RecordBatch): ArrowRecordPacket {
    return new ArrowRecordPacket(metadata, new Table([batch]));
  }

  /** a packet whose metadata is read from the table's schema (`ayx.*` field metadata, else the Arrow types) */
  static fromTable(table: Table): ArrowRecordPacket {
    return new ArrowRecordPacket(metadataOfSchema(table.schema), table);
  }

  get length(): number {
    return this.table.numRows;
  }

  column(name: string): ArrayLike<RecordValue> {
    const i = this.fieldIndex(name);
    if (i < 0) throw new Error(`no field '${name}' in this record packet (fields: ${this.metadata.fields.map((f) => f.name).join(', ')})`);
    return (this.columns[i] ??= columnValues(this.table.getChildAt(i)!));
  }

  *rows(): IterableIterator<RecordRow> {
    const names = this.metadata.fields.map((f) => f.name);
    const columns = names.map((n) => this.column(n));
    const length = this.length;
    for (let r = 0; r < length; r++) {
      const row: RecordRow = dataRecord();
      for (let c = 0; c < names.length; c++) row[names[c]] = columns[c][r] ?? null;
      yield row;
    }
  }

  private fieldIndex(name: string): number {
    if (!this.index) {
      this.index = new Map();
      this.metadata.fields.forEach((f, i) => {
        this.index!.set(f.name, i);
        if (!this.index!.has(f.name.toLowerCase())) this.index!.set(f.name.toLowerCase(), i);
      });
    }
    return this.index.get(name) ?? this.index.get(name.toLowerCase()) ?? -1;
  }
}

function columnValues(vector: Vector): ArrayLike<RecordValue> {
  if (vector.nullCount === 0 && TYPED_WHEN_NO_NULLS.has(vector.type.typeId)) {
    return vector.toArray() as ArrayLike<RecordValue>;
  }
  const out = new Array<RecordValue>(vector.length);
  let i = 0;
  for (const value of vector) out[i++] = (value ?? null) as RecordValue;
  return out;
}
