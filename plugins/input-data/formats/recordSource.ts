/**
 * Formats read as JS values (NDJSON, JSON array, Excel): names and types come from the first
 * records; rows are gathered into packets and converted column by column.
 */
import type { RecordBatch } from 'apache-arrow';
import { ownValue } from '../../../shared/ownValue.js';
import type { Field } from '../../../shared/sdk/index.js';
import { TypeDetector } from '../../common/ioTypeDetection.js';
import { batchFromColumns } from '../../common/ioValues.js';
import type { ConversionFailure } from '../../common/ioValues.js';
import { describeFailures } from './source.js';
import type { InputOptions, Source } from './source.js';

const SAMPLE_RECORDS = 1000;

/** records as arrays of values; `names` fixes the order (a header, or object keys) */
export interface RecordStream {
  /** the field names of the sample (first appearance order), when the format names them itself */
  names(sample: unknown[][]): string[];
  /** the first `limit` records, read synchronously (update-only runs in the constructor) */
  sample(limit: number): unknown[][];
  /** every record from the start */
  records(): AsyncGenerator<unknown[]>;
  /** 0..1 of the file read so far */
  progress(): number;
  /** values the read could not keep as they were (each message names the file and the first place) */
  warnings?(): string[];
}

export class RecordSource implements Source {
  private readonly input: InputOptions;
  private readonly stream: RecordStream;
  private cached: Field[] | null = null;
  private readonly failures: ConversionFailure[] = [];
  private failureCount = 0;
  private readonly notes: string[] = [];

  constructor(input: InputOptions, stream: RecordStream) {
    this.input = input;
    this.stream = stream;
  }

  fields(): Field[] {
    if (this.cached) return this.cached;
    const sample = this.stream.sample(SAMPLE_RECORDS);
    const names = this.stream.names(sample);
    this.cached = names.map((name, c) => {
      const override = ownValue(this.input.fieldTypes, name);
      if (override) return { name, type: override };
      const detector = new TypeDetector();
      for (const record of sample) detector.addValue(record[c]);
      return { name, type: detector.type() };
    });
    return this.cached;
  }

  async *batches(onProgress?: (fraction: number) => void): AsyncGenerator<RecordBatch> {
    const fields = this.fields();
    if (fields.length === 0) return;
    const size = this.input.batchRows;
    let columns: unknown[][] = fields.map(() => []);
    let rows = 0;
    let total = 0;
    const flush = (): RecordBatch => {
      const failures: ConversionFailure[] = [];
      const batch = batchFromColumns(fields, columns, rows, failures);
      if (failures.length > 0) {
        if (this.failures.length < 5) this.failures.push(...failures.slice(0, 5).map((f) => ({ ...f, row: f.row + total })));
        this.failureCount += failures.length;
      }
      total += rows;
      columns = fields.map(() => []);
      rows = 0;
      onProgress?.(this.stream.progress());
      return batch;
    };
    for await (const record of this.stream.records()) {
      for (let c = 0; c < fields.length; c++) columns[c].push(record[c]);
      if (++rows >= size) yield flush();
    }
    if (rows > 0) yield flush();
  }

  note(message: string): void {
    if (!this.notes.includes(message)) this.notes.push(message);
  }

  warnings(): string[] {
    const out = [...this.notes, ...(this.stream.warnings?.() ?? [])];
    if (this.failureCount > 0) {
      const types = new Map((this.cached ?? []).map((f) => [f.name, f.type]));
      out.push(`${this.failureCount} value(s) did not convert and were set to null: ` +
        describeFailures(this.input.file, this.failures, 0, (f) => types.get(f) ?? '?').join('; '));
    }
    return out;
  }
}

/** names in order of first appearance across object records */
export function keysInOrder(objects: Iterable<Record<string, unknown>>): string[] {
  const seen = new Set<string>();
  for (const o of objects) for (const k of Object.keys(o)) seen.add(k);
  return [...seen];
}
