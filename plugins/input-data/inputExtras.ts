/**
 * What Input Data does to the rows after the format reader: text fields cut to a set number of
 * characters (as Alteryx cuts a CSV field to its field length, with a warning), and a field
 * holding the file's name or full path (Alteryx's "output file name as field").
 */
import path from 'node:path';
import type { Data, RecordBatch } from 'apache-arrow';
import type { Field, Metadata } from '../../shared/sdk/index.js';
import { isTextType } from '../../shared/sdk/arrowTypes.js';
import { buildColumn } from '../../shared/sdk/columnBuilder.js';
import { packetFromData } from '../../shared/sdk/packetFactory.js';
import type { ArrowRecordPacket } from '../../shared/sdk/recordPacket.js';

export interface InputExtrasConfig {
  /** field name → the most characters its text keeps */
  textSizes?: Record<string, number>;
  /** the name of the added field holding the file name; empty or absent: none */
  fileNameField?: string;
  /** `name`: the file name with its extension; `path`: the full path */
  fileNameValue?: 'name' | 'path';
}

export class InputExtras {
  readonly fields: Field[];
  private readonly cuts: Array<{ index: number; size: number }> = [];
  private readonly fileName: string | undefined;
  /** field name → number of values cut */
  readonly cutCounts = new Map<string, number>();

  /** `problems` gets a message for each setting that names no field of the file */
  constructor(config: InputExtrasConfig, fields: Field[], absolutePath: string, problems: string[]) {
    this.fields = fields.map((f) => ({ ...f }));
    for (const [name, size] of Object.entries(config.textSizes ?? {})) {
      const index = this.fields.findIndex((f) => f.name === name);
      if (index < 0 || !isTextType(this.fields[index].type)) { problems.push(`textSizes: "${name}" is not a text field of the file`); continue; }
      if (!Number.isInteger(size) || size < 1) { problems.push(`textSizes: the size of "${name}" must be a whole number of at least 1`); continue; }
      this.fields[index].size = size;
      this.cuts.push({ index, size });
    }
    const name = config.fileNameField?.trim();
    if (name) {
      if (this.fields.some((f) => f.name.toLowerCase() === name.toLowerCase())) problems.push(`fileNameField: the file already has a field "${name}"`);
      else {
        this.fileName = config.fileNameValue === 'path' ? absolutePath : path.basename(absolutePath);
        this.fields.push({ name, type: 'v_wstring', size: Math.max(this.fileName.length, 1), source: 'File: file name' });
      }
    }
  }

  get active(): boolean {
    return this.cuts.length > 0 || this.fileName !== undefined;
  }

  /** the batch with texts cut and the file name added */
  packet(batch: RecordBatch): ArrowRecordPacket {
    const metadata: Metadata = { fields: this.fields };
    const columns: Data[] = [...batch.data.children];
    for (const { index, size } of this.cuts) columns[index] = this.cutColumn(batch, index, size);
    if (this.fileName !== undefined) {
      const field = this.fields[this.fields.length - 1];
      columns.push(buildColumn(field, new Array<string>(batch.numRows).fill(this.fileName), batch.numRows));
    }
    return packetFromData(metadata, columns, batch.numRows);
  }

  private cutColumn(batch: RecordBatch, index: number, size: number): Data {
    const vector = batch.getChildAt(index)!;
    let values: (string | null)[] | undefined;
    let cut = 0;
    for (let i = 0; i < batch.numRows; i++) {
      const text = vector.get(i) as string | null;
      // a code point count, not UTF-16 units: a cut never splits a character
      if (text === null || text.length <= size || [...text].length <= size) continue;
      values ??= Array.from({ length: batch.numRows }, (_, k) => vector.get(k) as string | null);
      values[i] = [...text].slice(0, size).join('');
      cut++;
    }
    if (!values) return batch.data.children[index];
    const field = this.fields[index];
    this.cutCounts.set(field.name, (this.cutCounts.get(field.name) ?? 0) + cut);
    return buildColumn(field, values, batch.numRows);
  }
}
