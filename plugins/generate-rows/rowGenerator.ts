/**
 * The Generate Rows loop, run for a block of input rows at once: the field starts at the
 * initialization value; while the condition holds, a row is written with the field's value and
 * the loop expression gives the next value. Each iteration evaluates the expressions over every
 * input row still looping, column-wise; every value is stored as the field's type before the
 * condition and the loop read it. Output rows come input row by input row, in loop order.
 */
import type { Batch } from '../formula-language/batch.js';
import { ColumnBatch } from '../formula-language/batch.js';
import { ColumnBuilder, gather, isNullAt, scalarAt } from '../formula-language/columns.js';
import type { CompiledFormula } from '../formula-language/formula.js';
import { columnAsField } from '../formula-language/packetColumns.js';
import { valueTypeOfField, type Column } from '../formula-language/values.js';
import type { GenerateRowsPlan } from './generateRowsPlan.js';

export interface Generated {
  /** the input row of each generated row */
  source: Int32Array;
  /** the field's value of each generated row */
  values: Column;
}

export interface CompiledLoop {
  init: CompiledFormula;
  condition: CompiledFormula;
  loop: CompiledFormula;
}

export class RowGenerator {
  constructor(
    private readonly plan: GenerateRowsPlan, private readonly compiled: CompiledLoop,
    private readonly warn: (message: string) => void,
  ) {}

  private batchOf(input: Batch, rows: Int32Array, current: Column | null): ColumnBatch {
    const name = this.plan.field.name;
    return new ColumnBatch(rows.length, (field) => (field === name && current !== null ? current : gather(input.field(field), rows)));
  }

  private stored(column: Column): Column {
    return columnAsField(column, this.plan.field, this.warn).column;
  }

  /** generates the rows of input rows `block` (ascending) of `input`; `describe` names an input row in errors */
  generate(input: Batch, block: Int32Array, describe: (row: number) => string): Generated {
    const { init, condition, loop } = this.compiled;
    const limit = this.plan.config.maxRows;
    let active = block;
    let current = this.stored(init.evaluate(this.batchOf(input, active, null)));
    const parts: { rows: Int32Array; values: Column }[] = [];
    for (let iteration = 0; active.length > 0; iteration++) {
      const holds = condition.evaluate(this.batchOf(input, active, current));
      const keep: number[] = [];
      for (let k = 0; k < active.length; k++) if (!isNullAt(holds, k) && scalarAt(holds, k) === true) keep.push(k);
      if (keep.length === 0) break;
      if (iteration >= limit) {
        throw new Error(`${describe(active[keep[0]])} generated more than ${limit} rows and its condition still holds: `
          + `the loop expression may never make the condition false (raise "Row limit per input row" if so many rows are meant)`);
      }
      const picked = Int32Array.from(keep);
      const rows = Int32Array.from(keep, (k) => active[k]);
      const values = keep.length === active.length ? current : gather(current, picked);
      parts.push({ rows, values });
      current = this.stored(loop.evaluate(this.batchOf(input, rows, values)));
      active = rows;
    }
    return this.arrange(block, parts);
  }

  /** iteration parts (each a subset of the one before) to input-row order */
  private arrange(block: Int32Array, parts: { rows: Int32Array; values: Column }[]): Generated {
    const position = new Map<number, number>();
    block.forEach((row, i) => position.set(row, i));
    const counts = new Int32Array(block.length);
    for (const part of parts) for (const row of part.rows) counts[position.get(row)!]++;
    const starts = new Int32Array(block.length + 1);
    for (let i = 0; i < block.length; i++) starts[i + 1] = starts[i] + counts[i];
    const total = starts[block.length];
    const source = new Int32Array(total);
    const builder = new ColumnBuilder(valueTypeOfField(this.plan.field.type), total);
    parts.forEach((part, iteration) => {
      for (let j = 0; j < part.rows.length; j++) {
        const at = starts[position.get(part.rows[j])!] + iteration;
        source[at] = part.rows[j];
        builder.set(at, scalarAt(part.values, j));
      }
    });
    return { source, values: builder.finish() };
  }
}
