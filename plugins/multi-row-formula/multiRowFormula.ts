/**
 * The Multi-Row Formula tool: computes one field with an expression that may read other rows
 * (`[Row-1:Field]`, `[Row+2:Field]`). Without group-by fields it streams: each packet is written
 * once the rows it needs after it have arrived, and only the last `lag` written rows and the
 * `lead` rows still waiting are kept. With group-by fields it holds every row, then writes the
 * groups one after another (see GroupedSequence).
 */
import type { Table } from 'apache-arrow';
import type { InputConnection, Plugin, Provider, RecordValue } from '../../shared/sdk/index.js';
import { takeTable } from '../common/ioArrowTake.js';
import { tableOf } from '../common/transformColumns.js';
import { compileFormula } from '../formula-language/formula.js';
import { columnAsField } from '../formula-language/packetColumns.js';
import type { Scalar } from '../formula-language/values.js';
import { writeGrouped } from './groupedSequence.js';
import { MultiRowEvaluator } from './multiRowEvaluator.js';
import { planMultiRow, readMultiRowConfig, type MultiRowConfig, type MultiRowPlan } from './multiRowPlan.js';
import { RowWindow, segmentOf, type WindowSegment } from './rowWindow.js';
import { writeRows } from './writeRows.js';
import { FieldFitWarnings } from '../common/transformFitWarnings.js';

export default class MultiRowFormula implements Plugin {
  private readonly config: MultiRowConfig | string;
  private plan: MultiRowPlan | null = null;
  private evaluator: MultiRowEvaluator | null = null;
  /** streaming: rows kept from earlier packets (the first `written` of them already written) */
  private kept: WindowSegment[] = [];
  private written = 0;
  /** streaming, recursive: the stored computed values of the kept rows that were written */
  private keptComputed: Scalar[] = [];
  /** grouping: every packet */
  private held: Table[] = [];
  private readonly conversionWarnings = new Map<string, number>();
  private fit: FieldFitWarnings | null = null;
  /** rows written so far (names the row of a fit warning) */
  private rowsOut = 0;

  constructor(private readonly provider: Provider) {
    this.config = readMultiRowConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    if (typeof this.config === 'string') {
      this.provider.io.error(this.config);
      return;
    }
    const plan = planMultiRow(this.config, connection.metadata);
    if (typeof plan === 'string') {
      this.provider.io.error(plan);
      return;
    }
    this.plan = plan;
    this.fit = new FieldFitWarnings(plan.target);
    if (!this.provider.environment.updateOnly) {
      const compiled = compileFormula(plan.config.expression, plan.sees);
      if (!compiled.ok) throw new Error(`internal: an expression checked in planning failed to compile: ${compiled.error.message}`);
      this.evaluator = new MultiRowEvaluator(plan, compiled.formula);
    }
    this.provider.getOutputAnchor('Output').open(plan.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (!this.plan || !this.evaluator) return;
    const table = tableOf(connection.read());
    if (table.numRows === 0) return;
    if (this.plan.groupFields.length > 0) this.held.push(table);
    else await this.stream([...this.kept, segmentOf(table, this.plan.sees)], false);
  }

  async onComplete(): Promise<void> {
    if (!this.plan || !this.evaluator) return;
    if (this.plan.groupFields.length > 0) {
      await writeGrouped(this.held, this.plan, this.evaluator, this.provider, this.warn, this.fit!);
      this.held = [];
    } else if (this.kept.length > 0) {
      await this.stream(this.kept, true);
    }
    for (const warning of this.evaluator.warnings()) this.provider.io.warn(`[${this.plan.target.name}]: ${warning}`);
    for (const [message, count] of this.conversionWarnings) {
      this.provider.io.warn(`${message}: the value became null${count > 1 ? ` (${count} rows)` : ''}`);
    }
    for (const message of this.fit!.messages()) this.provider.io.warn(message);
  }

  private readonly warn = (message: string): void => {
    this.conversionWarnings.set(message, (this.conversionWarnings.get(message) ?? 0) + 1);
  };

  /** computes and writes the rows of `segments` whose later rows are all there (all of them when `final`) */
  private async stream(segments: WindowSegment[], final: boolean): Promise<void> {
    const plan = this.plan!;
    const window = new RowWindow(segments);
    const n = window.length;
    const from = this.written;
    const to = final ? n : Math.max(from, n - plan.lead);
    const count = to - from;
    let values: ArrayLike<RecordValue> = [];
    // stored computed values by window row: the kept ones until this call computes more
    let computed: Scalar[] = this.keptComputed;
    if (count > 0) {
      const rowAt = new Int32Array(n);
      for (let i = 0; i < n; i++) rowAt[i] = i;
      const lo = new Int32Array(count);
      const hi = new Int32Array(count).fill(n);
      const evaluated = this.evaluator!.evaluate({ window, rowAt, from, to, lo, hi, earlier: this.keptComputed });
      const base = this.rowsOut;
      values = this.fit!.fit(columnAsField(evaluated.result, plan.target, this.warn).values, (i) => `row ${base + i + 1}`);
      this.rowsOut += count;
      computed = evaluated.computed;
    }
    // keep the last `lag` computed rows and every row not computed yet, as copies: a written packet is gone
    const keepFrom = Math.max(0, to - plan.lag);
    const newest = segments.length - 1;
    const direct = count > 0 && !final && window.start(newest) >= from && to === n && segments[newest].length > 0;
    this.kept = keepRows(window, segments, keepFrom, plan, direct ? newest : -1);
    this.written = to - keepFrom;
    this.keptComputed = plan.recursive ? computed.slice(keepFrom, to) : [];
    if (count > 0) await writeRows(window, segments, from, to, values, plan, this.provider, direct);
  }
}

/** window rows [keepFrom, end) as segments; a segment that will be written directly is copied */
function keepRows(window: RowWindow, segments: WindowSegment[], keepFrom: number, plan: MultiRowPlan, copyIndex: number): WindowSegment[] {
  const out: WindowSegment[] = [];
  segments.forEach((segment, s) => {
    const start = window.start(s);
    const end = start + segment.length;
    if (end <= keepFrom) return;
    if (start >= keepFrom && s !== copyIndex) { out.push(segment); return; }
    const first = Math.max(start, keepFrom) - start;
    out.push(segmentOf(sliceCopy(segment.table, first, segment.length), plan.sees));
  });
  return out;
}

function sliceCopy(table: Table, from: number, to: number): Table {
  const rows = new Int32Array(to - from);
  for (let i = 0; i < rows.length; i++) rows[i] = from + i;
  return takeTable(table, rows);
}
