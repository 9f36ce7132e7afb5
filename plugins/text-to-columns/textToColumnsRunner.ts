/** Text To Columns' work on one packet; counts rows with extra parts for the end-of-run warning. */
import type { RecordValue } from '../../shared/sdk/index.js';
import { splitText } from './splitText.js';
import type { TextToColumnsPlan } from './textToColumnsConfig.js';

export interface SplitResult {
  computed: Record<string, RecordValue[]>;
  /** input row of each output row (split to rows); null when one to one */
  rows: Int32Array | null;
}

/** "Error" handling of extra characters: stops the run, naming the row */
export class ExtraPartsError extends Error {}

const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

export class TextSplitter {
  private rowsBefore = 0;
  private extraRows = 0;
  private firstExtra = '';

  constructor(private readonly plan: TextToColumnsPlan) {}

  run(values: ArrayLike<RecordValue>): SplitResult {
    const result = this.plan.config.splitTo === 'rows' ? this.toRows(values) : this.toColumns(values);
    this.rowsBefore += values.length;
    return result;
  }

  private toColumns(values: ArrayLike<RecordValue>): SplitResult {
    const { written, split, config } = this.plan;
    const n = written.length;
    const columns = written.map(() => new Array<RecordValue>(values.length).fill(null));
    for (let i = 0; i < values.length; i++) {
      if (values[i] === null) continue;
      const text = String(values[i]);
      const { parts, starts } = splitText(text, split);
      const count = Math.min(n, parts.length);
      for (let c = 0; c < count; c++) columns[c][i] = parts[c];
      if (parts.length <= n) continue;
      if (config.extraCharacters === 'leaveInLast') columns[n - 1][i] = text.slice(starts[n - 1]);
      else {
        const where = `row ${this.rowsBefore + i + 1}: ${quote(text)} has ${parts.length} parts for ${n} column(s)`;
        if (config.extraCharacters === 'error') throw new ExtraPartsError(where);
        if (this.extraRows++ === 0) this.firstExtra = where;
      }
    }
    return { computed: Object.fromEntries(written.map((f, c) => [f.name, columns[c]])), rows: null };
  }

  private toRows(values: ArrayLike<RecordValue>): SplitResult {
    const rows: number[] = [];
    const out: RecordValue[] = [];
    for (let i = 0; i < values.length; i++) {
      const parts = values[i] === null ? [] : splitText(String(values[i]), this.plan.split).parts;
      // a record with nothing left to split (null, or only empty parts skipped) stays, with null
      if (parts.length === 0) { rows.push(i); out.push(null); continue; }
      for (const part of parts) { rows.push(i); out.push(part); }
    }
    return { computed: { [this.plan.source.name]: out }, rows: Int32Array.from(rows) };
  }

  warnings(): string[] {
    if (this.extraRows === 0 || this.plan.config.extraCharacters !== 'dropWithWarning') return [];
    return [`${this.extraRows} row(s) had more parts than columns; the extra parts were dropped (first: ${this.firstExtra})`];
  }
}
