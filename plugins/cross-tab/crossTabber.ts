/**
 * Cross Tab's accumulation. Rows map to a group (GroupIndex over the group fields) and a header key
 * (the header value made a valid name), the pair to a dense cell id, and each method folds the
 * packet into per-cell state (the accumulators Summarize uses). Memory grows with the number of
 * cells (groups × header values present), plus the values themselves for concat; never with rows.
 */
import type { Table } from 'apache-arrow';
import type { Field, Metadata, RecordValue } from '../../shared/sdk/index.js';
import {
  ConcatAggregator, CountAggregator, ExtremeAggregator, PositionAggregator, SumAggregator, type Aggregator,
} from '../common/transformAggregators.js';
import { readColumn, type ColumnValues } from '../common/transformColumns.js';
import { compareCodePoints, sortedIndices } from '../common/transformCompare.js';
import { GroupIndex } from '../common/transformGroupKeys.js';
import { METHOD_PREFIX, type CrossTabConfig, type CrossTabPlan, type Method } from './crossTabConfig.js';
import { columnName, headerKey } from './crossTabNames.js';
import { dataRecord } from '../../shared/ownValue.js';

const DOUBLE: Field = { name: '', type: 'double' };

function aggregatorFor(method: Method, value: Field, separator: string): Aggregator | null {
  switch (method) {
    case 'sum': return new SumAggregator(DOUBLE, false);
    case 'avg': return new SumAggregator(DOUBLE, true);
    case 'countNonNull': return new CountAggregator(true);
    case 'countWithNulls': return new CountAggregator(false);
    case 'min': return new ExtremeAggregator(false);
    case 'max': return new ExtremeAggregator(true);
    case 'first': return new PositionAggregator(false);
    case 'last': return new PositionAggregator(true);
    case 'concat': return new ConcatAggregator(value, separator);
    default: return null; // the percentages come from the cell sums
  }
}

export interface CrossTabResult {
  metadata: Metadata;
  columns: Record<string, ColumnValues>;
  length: number;
  warnings: string[];
}

interface NewColumn { name: string; method: number; header: number }

export class CrossTabber {
  private readonly groups: GroupIndex;
  private readonly cells = new GroupIndex(2);
  private readonly keyCodes = new Map<string, number>();
  private readonly keys: string[] = [];
  /** the header key of each header value seen, so the name is made once per distinct value */
  private readonly keyOfValue = new Map<RecordValue, number>();
  private readonly cellGroup: number[] = [];
  private readonly cellHeader: number[] = [];
  private readonly aggregators: (Aggregator | null)[];
  private readonly sums: SumAggregator | null;

  constructor(private readonly plan: CrossTabPlan, private readonly config: CrossTabConfig) {
    this.groups = new GroupIndex(plan.groupFields.length);
    this.aggregators = plan.methods.map((m) => aggregatorFor(m, plan.value, config.separator));
    const percent = plan.methods.some((m) => m === 'percentRow' || m === 'percentColumn');
    this.sums = percent ? new SumAggregator(DOUBLE, false) : null;
  }

  add(table: Table): void {
    const n = table.numRows;
    if (n === 0) return;
    const groupIds = this.groups.addTable(table, this.plan.groupFields.map((f) => f.name));
    const headerValues = readColumn(table, this.plan.header.name);
    const headerIds = new Int32Array(n);
    for (let i = 0; i < n; i++) headerIds[i] = this.headerCode(headerValues[i] as RecordValue);
    const cellIds = this.cells.addColumns([groupIds, headerIds]);
    for (let i = 0; i < n; i++) {
      if (cellIds[i] !== this.cellGroup.length) continue;
      this.cellGroup.push(groupIds[i]);
      this.cellHeader.push(headerIds[i]);
    }
    const values = readColumn(table, this.plan.value.name);
    const count = this.cells.size;
    for (const aggregator of this.aggregators) aggregator?.add(values, cellIds, count);
    this.sums?.add(values, cellIds, count);
  }

  private headerCode(value: RecordValue): number {
    let code = this.keyOfValue.get(value);
    if (code !== undefined) return code;
    const key = headerKey(value, this.plan.header);
    code = this.keyCodes.get(key);
    if (code === undefined) {
      code = this.keys.length;
      this.keyCodes.set(key, code);
      this.keys.push(key);
    }
    if (!(value instanceof Uint8Array)) this.keyOfValue.set(value, code);
    return code;
  }

  /** the new columns sorted by name; an error when two names differ only in case or clash with a group field */
  private newColumns(): NewColumn[] | { error: string } {
    const columns: NewColumn[] = [];
    this.keys.forEach((key, header) => {
      this.plan.methods.forEach((method, m) => {
        columns.push({ name: columnName(key, METHOD_PREFIX[method], this.plan.prefixed), method: m, header });
      });
    });
    columns.sort((a, b) => compareCodePoints(a.name.toLowerCase(), b.name.toLowerCase()) || compareCodePoints(a.name, b.name));
    const groupNames = new Map(this.plan.groupFields.map((f) => [f.name.toLowerCase(), f.name]));
    for (let i = 0; i < columns.length; i++) {
      const lower = columns[i].name.toLowerCase();
      if (groupNames.has(lower)) return { error: `the header value column "${columns[i].name}" has the name of the group field "${groupNames.get(lower)}"` };
      if (i > 0 && columns[i - 1].name.toLowerCase() === lower) {
        return { error: `header values of "${this.plan.header.name}" make the columns "${columns[i - 1].name}" and "${columns[i].name}", which differ only in case` };
      }
    }
    return columns;
  }

  finish(): CrossTabResult | { error: string } {
    const columns = this.newColumns();
    if ('error' in columns) return columns;
    const keyCount = this.plan.groupFields.length;
    const cellCount = this.cells.size;
    const groupCount = keyCount === 0 ? (cellCount > 0 ? 1 : 0) : this.groups.size;
    const keyValues: RecordValue[][] = Array.from({ length: keyCount }, (_, k) =>
      Array.from({ length: groupCount }, (_, g) => this.groups.keyValue(g, k)));
    const order = sortedIndices(groupCount, keyValues.map((values) => ({ values, descending: false, nullsFirst: true })));
    const rowOf = new Int32Array(groupCount);
    order.forEach((g, row) => { rowOf[g] = row; });
    const cellValues = this.cellResults();
    const warnings: string[] = [];
    const out: Record<string, ColumnValues> = dataRecord();
    const fields: Field[] = this.plan.groupFields.map((f, k) => {
      out[f.name] = Array.from(order, (g) => keyValues[k][g]);
      return { ...f };
    });
    const cellsOfHeader: number[][] = this.keys.map(() => []);
    for (let c = 0; c < cellCount; c++) cellsOfHeader[this.cellHeader[c]].push(c);
    let truncated = 0;
    for (const column of columns) {
      const values: RecordValue[] = new Array<RecordValue>(groupCount).fill(null);
      const source = cellValues[column.method];
      for (const c of cellsOfHeader[column.header]) values[rowOf[this.cellGroup[c]]] = source[c] as RecordValue;
      if (this.plan.methods[column.method] === 'concat') truncated += this.truncate(values);
      out[column.name] = values;
      fields.push({ ...this.plan.columnTypes[column.method], name: column.name });
    }
    if (truncated > 0) warnings.push(`${truncated} concatenated value(s) were longer than the field size ${this.config.fieldSize} and were truncated`);
    return { metadata: { fields }, columns: out, length: groupCount, warnings };
  }

  /** per method, the value of every cell (by cell id) */
  private cellResults(): ColumnValues[] {
    const all = Int32Array.from({ length: this.cells.size }, (_, c) => c);
    const sums = this.sums?.result(all);
    return this.plan.methods.map((method, m) => {
      if (method === 'percentRow') return this.percentages(sums!, this.cellGroup);
      if (method === 'percentColumn') return this.percentages(sums!, this.cellHeader);
      return this.aggregators[m]!.result(all);
    });
  }

  /** each cell's sum as a percentage of the total of the cells that share its row (or column) */
  private percentages(sums: ColumnValues, along: number[]): RecordValue[] {
    const totals = new Map<number, number>();
    for (let c = 0; c < sums.length; c++) {
      const s = sums[c];
      if (s !== null) totals.set(along[c], (totals.get(along[c]) ?? 0) + Number(s));
    }
    return Array.from({ length: sums.length }, (_, c) => {
      const s = sums[c];
      const total = totals.get(along[c]) ?? 0;
      return s === null || total === 0 ? null : (Number(s) / total) * 100;
    });
  }

  /** cuts concatenations to the field size (in characters); returns how many were cut */
  private truncate(values: RecordValue[]): number {
    const size = this.config.fieldSize;
    let cut = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== 'string' || v.length <= size) continue;
      const chars = Array.from(v);
      if (chars.length <= size) continue;
      values[i] = chars.slice(0, size).join('');
      cut++;
    }
    return cut;
  }
}
