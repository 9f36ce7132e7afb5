/**
 * The Record ID tool: adds a running id (start, start+1, …) as the first or last field. Streams.
 * The counter is a bigint, so ids stay exact past 2^53 (int64 and string ids) across packets.
 */
import type { Field, InputConnection, Metadata, Plugin, Provider } from '../../shared/sdk/index.js';
import { findField, readColumns, tableOf, type ColumnValues } from '../common/transformColumns.js';
import { writeColumns } from '../common/transformOutput.js';

interface RecordIdConfig {
  fieldName: string;
  start: number;
  type: 'int32' | 'int64' | 'string';
  position: 'first' | 'last';
}

function readConfig(raw: Record<string, unknown>): RecordIdConfig {
  return {
    fieldName: typeof raw.fieldName === 'string' && raw.fieldName.trim() ? raw.fieldName.trim() : 'RecordID',
    start: typeof raw.start === 'number' ? raw.start : 1,
    type: raw.type === 'int64' || raw.type === 'string' ? raw.type : 'int32',
    position: raw.position === 'last' ? 'last' : 'first',
  };
}

const RANGES = { int32: [-(2n ** 31n), 2n ** 31n - 1n], int64: [-(2n ** 63n), 2n ** 63n - 1n] } as const;

function fits(type: RecordIdConfig['type'], first: bigint, last: bigint): boolean {
  if (type === 'string') return true;
  const [min, max] = RANGES[type];
  return first >= min && last <= max;
}

export default class RecordId implements Plugin {
  private readonly config: RecordIdConfig;
  private input: Metadata | null = null;
  private output: Metadata | null = null;
  private next: bigint = 0n;

  constructor(private readonly provider: Provider) {
    this.config = readConfig(provider.toolConfig);
    if (Number.isSafeInteger(this.config.start)) this.next = BigInt(this.config.start);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const { fieldName, type, position } = this.config;
    if (!Number.isSafeInteger(this.config.start)) {
      this.provider.io.error(`start ${this.config.start} is not a whole number`);
      return;
    }
    if (findField(connection.metadata, fieldName)) {
      this.provider.io.error(`the input already has a field "${fieldName}": choose another name for the id`);
      return;
    }
    const idField: Field = { name: fieldName, type: type === 'string' ? 'v_string' : type, source: 'RecordID' };
    if (type === 'string') idField.size = 254;
    const fields = position === 'first' ? [idField, ...connection.metadata.fields] : [...connection.metadata.fields, idField];
    this.input = connection.metadata;
    this.output = { fields };
    this.provider.getOutputAnchor('Output').open(this.output);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (!this.input || !this.output) return;
    const table = tableOf(connection.read());
    const n = table.numRows;
    const columns: Record<string, ColumnValues> = readColumns(table, this.input);
    const first = this.next;
    const last = first + BigInt(n) - 1n;
    if (n > 0 && !fits(this.config.type, first, last)) {
      this.provider.io.error(`record id ${last > 0n ? last : first} does not fit in ${this.config.type}${this.config.type === 'int32' ? ': use int64' : ''}`);
      return;
    }
    let ids: ColumnValues;
    if (this.config.type === 'int32') {
      const out = new Int32Array(n);
      const base = Number(first);
      for (let i = 0; i < n; i++) out[i] = base + i;
      ids = out;
    } else if (this.config.type === 'int64') {
      const out = new BigInt64Array(n);
      for (let i = 0; i < n; i++) out[i] = first + BigInt(i);
      ids = out;
    } else {
      ids = Array.from({ length: n }, (_, i) => String(first + BigInt(i)));
    }
    columns[this.config.fieldName] = ids;
    this.next += BigInt(n);
    await writeColumns(this.provider.getOutputAnchor('Output'), this.provider.records, this.output, columns, n);
  }
}
