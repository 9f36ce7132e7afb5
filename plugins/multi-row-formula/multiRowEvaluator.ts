/**
 * Evaluates the Multi-Row Formula over a run of rows. The rows are positions of a sequence (the
 * stream, or the rows of all groups one group after another); each position has its group's bounds,
 * and a reference `[Row-k:Field]` reads the row k positions earlier when it is inside the bounds,
 * else the "rows that don't exist" value. An expression that reads the computed field of an
 * earlier row is evaluated one row at a time, each result stored (as the field's type) before the
 * next row reads it; any other expression is evaluated over all the rows at once.
 */
import type { Field } from '../../shared/sdk/index.js';
import { fitToField } from '../common/transformFieldFit.js';
import { ColumnBatch } from '../formula-language/batch.js';
import { broadcast, ColumnBuilder, gather, scalarAt } from '../formula-language/columns.js';
import type { CompiledFormula } from '../formula-language/formula.js';
import { columnAsField } from '../formula-language/packetColumns.js';
import { valueTypeOfField, type Column, type Scalar } from '../formula-language/values.js';
import type { MultiRowPlan, RowReference } from './multiRowPlan.js';
import { emptyValue, type RowWindow } from './rowWindow.js';

export interface RowSequence {
  window: RowWindow;
  /** the window row at each position */
  rowAt: Int32Array;
  /** positions to compute: [from, to) */
  from: number;
  to: number;
  /** per computed position (index p - from): its group's positions [lo, hi) */
  lo: Int32Array;
  hi: Int32Array;
  /** the stored computed values of positions before `from` (those a negative offset can reach) */
  earlier: Scalar[];
}

export interface Evaluated {
  /** the formula's result for positions [from, to) */
  result: Column;
  /** the stored computed value per position [0, to) (only for a recursive expression) */
  computed: Scalar[];
}

const ignore = (): void => {};

export class MultiRowEvaluator {
  constructor(private readonly plan: MultiRowPlan, private readonly formula: CompiledFormula) {}

  /** data warnings of the expression since the last call */
  warnings(): string[] {
    return this.formula.takeWarnings();
  }

  evaluate(seq: RowSequence): Evaluated {
    const batch = this.vectorBatch(seq);
    if (!this.plan.recursive) return { result: this.formula.evaluate(batch), computed: [] };
    return this.rowByRow(seq, batch);
  }

  /** the position a reference reads for computed position index k, or -1 when that row does not exist */
  private source(seq: RowSequence, k: number, offset: number): number {
    const p = seq.from + k;
    let q = p + offset;
    if (q < seq.lo[k] || q >= seq.hi[k]) {
      if (this.plan.config.missingRows !== 'nearest') return -1;
      q = q < seq.lo[k] ? seq.lo[k] : seq.hi[k] - 1;
    }
    return q;
  }

  private missing(field: Field): Scalar {
    return this.plan.config.missingRows === 'empty' ? emptyValue(valueTypeOfField(field.type)) : null;
  }

  private referenceColumn(seq: RowSequence, ref: RowReference): Column {
    const n = seq.to - seq.from;
    if (ref.target && !this.plan.replaces) return broadcast(valueTypeOfField(ref.field.type), null, n);
    const rows = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const q = this.source(seq, k, ref.offset);
      rows[k] = q < 0 ? -1 : seq.rowAt[q];
    }
    // the target's own input values stand in for "not computed yet" (offset >= 0, or the nearest row is this row)
    const field = ref.target ? this.plan.target : ref.field;
    return seq.window.column(field, rows, this.missing(ref.field));
  }

  /** every field and reference over all computed positions; the computed field of earlier rows excepted */
  private vectorBatch(seq: RowSequence): ColumnBatch {
    const n = seq.to - seq.from;
    const { plan } = this;
    const byName = new Map(plan.references.map((r) => [r.name, r]));
    const inputs = new Map(plan.sees.fields.map((f) => [f.name, f]));
    const here = seq.rowAt.subarray(seq.from, seq.to);
    return new ColumnBatch(n, (name) => {
      const ref = byName.get(name);
      if (ref) return this.referenceColumn(seq, ref);
      if (name === plan.target.name && !plan.replaces) return broadcast(valueTypeOfField(plan.target.type), null, n);
      const field = inputs.get(name);
      if (!field) throw new Error(`internal: multi-row formula reads unknown field ${name}`);
      return seq.window.column(field, here, null);
    });
  }

  private rowByRow(seq: RowSequence, all: ColumnBatch): Evaluated {
    const n = seq.to - seq.from;
    const { plan, formula } = this;
    const computed = seq.earlier.slice(0, seq.from);
    computed.length = seq.to;
    const recursiveRefs = new Map(plan.references.filter((r) => r.target && r.offset < 0).map((r) => [r.name, r]));
    const targetType = valueTypeOfField(plan.target.type);
    const ownValues = plan.replaces ? all.field(plan.target.name) : null;
    const builder = new ColumnBuilder(formula.type, n);
    const one = new Int32Array(1);
    for (let k = 0; k < n; k++) {
      one[0] = k;
      const batch = new ColumnBatch(1, (name) => {
        const ref = recursiveRefs.get(name);
        if (!ref) return gather(all.field(name), one);
        const q = this.source(seq, k, ref.offset);
        let value: Scalar;
        if (q < 0) value = this.missing(ref.field);
        else if (q === seq.from + k) value = ownValues ? scalarAt(ownValues, k) : null;
        else value = computed[q];
        return broadcast(targetType, value, 1);
      });
      const result = formula.evaluate(batch);
      const value = scalarAt(result, 0);
      builder.set(k, value);
      // a later row reads the value as the field stores it: cut to the field's size
      const stored = scalarAt(columnAsField(result, plan.target, ignore).column, 0);
      computed[seq.from + k] = typeof stored === 'string' ? fitToField([stored], plan.target).values[0] as Scalar : stored;
    }
    return { result: builder.finish(), computed };
  }
}
