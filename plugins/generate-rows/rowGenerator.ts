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
import { columnAsField, columnOfValues } from '../formula-language/packetColumns.js';
import type { ColumnValues } from '../common/transformColumns.js';
import type { FieldFitWarnings } from '../common/transformFitWarnings.js';
import { valueTypeOfField, type Column, type Scalar } from '../formula-language/values.js';
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
    private readonly fit: FieldFitWarnings,
  ) {}

  private batchOf(input: Batch, rows: Int32Array, current: Column | null): ColumnBatch {
    const name = this.plan.field.name;
    return new ColumnBatch(rows.length, (field) => (field === name && current !== null ? current : gather(input.field(field), rows)));
  }

  /** `column` as the field stores it (its type, cut to its size); `rowName(k)` names row k in a warning */
  private stored(column: Column, rowName: (k: number) => string): Column {
    const { column: typed, values } = columnAsField(column, this.plan.field, this.warn);
    const fitted = this.fit.fit(values, rowName);
    return fitted === values ? typed : columnOfValues(this.plan.field, fitted as ColumnValues);
  }

  /** generates the rows of input rows `block` (consecutive, ascending) of `input`; `describe` names an input row in errors */
  /** `alone`: no input, one loop whose generated rows are named in warnings */
  generate(input: Batch, block: Int32Array, describe: (row: number) => string, alone = false): Generated {
    const { init, condition, loop } = this.compiled;
    const limit = this.plan.config.maxRows;
    let active = block;
    // without an input there is one row looping: name its generated rows instead
    const name = (iteration: number) => (k: number) => (alone ? `generated row ${iteration + 1}` : describe(active[k]));
    let current = this.stored(init.evaluate(this.batchOf(input, active, null)), name(0));
    // generated rows as they come, iteration after iteration (plain arrays: a long loop over few rows
    // would otherwise allocate small typed arrays per iteration, and collecting them dominated its time)
    const rows: number[] = [];
    const values: Scalar[] = [];
    for (let iteration = 0; active.length > 0; iteration++) {
      const holds = condition.evaluate(this.batchOf(input, active, current));
      const keep: number[] = [];
      for (let k = 0; k < active.length; k++) if (!isNullAt(holds, k) && scalarAt(holds, k) === true) keep.push(k);
      if (keep.length === 0) break;
      if (iteration >= limit) {
        throw new Error(`${describe(active[keep[0]])} generated more than ${limit} rows and its condition still holds: `
          + `the loop expression may never make the condition false (raise "Row limit per input row" if so many rows are meant)`);
      }
      if (keep.length < active.length) {
        active = Int32Array.from(keep, (k) => active[k]);
        current = gather(current, Int32Array.from(keep));
      }
      for (let k = 0; k < active.length; k++) { rows.push(active[k]); values.push(scalarAt(current, k)); }
      current = this.stored(loop.evaluate(this.batchOf(input, active, current)), name(iteration + 1));
    }
    return this.arrange(block, rows, values);
  }

  /** generated rows (iteration after iteration, each iteration in input order) to input-row order */
  private arrange(block: Int32Array, rows: number[], values: Scalar[]): Generated {
    const first = block.length > 0 ? block[0] : 0;
    // block rows are consecutive input rows: a row's place in the block is row - first
    const counts = new Int32Array(block.length + 1);
    for (const row of rows) counts[row - first + 1]++;
    for (let i = 0; i < block.length; i++) counts[i + 1] += counts[i];
    const total = rows.length;
    const source = new Int32Array(total);
    const builder = new ColumnBuilder(valueTypeOfField(this.plan.field.type), total);
    for (let j = 0; j < total; j++) {
      const at = counts[rows[j] - first]++;
      source[at] = rows[j];
      builder.set(at, values[j]);
    }
    return { source, values: builder.finish() };
  }
}
