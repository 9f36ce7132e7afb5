/**
 * The engine's `RecordPacket`: an Arrow table plus its Alteryx metadata. `column()` is cached and
 * returns the Arrow buffer itself (a typed array) for numeric columns without nulls.
 */
import { Type, type Table, type Vector } from 'apache-arrow';
import type { Metadata } from '../../../../shared/metadata.js';
import type { RecordPacket, RecordRow, RecordValue } from '../../../../shared/sdk/plugin.js';
import { metadataOfSchema } from './arrowSchema.js';
import { dataRecord } from '../../../../shared/ownValue.js';

const TYPED_WHEN_NO_NULLS = new Set<Type>([Type.Int, Type.Float]);

export class ArrowRecordPacket implements RecordPacket {
  readonly table: Table;
  readonly metadata: Metadata;
  private readonly columns: Array<ArrayLike<RecordValue> | undefined> = [];
  private index: Map<string, number> | undefined;

  constructor(table: Table, metadata?: Metadata) {
    this.table = table;
    this.metadata = metadata ?? metadataOfSchema(table.schema);
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
