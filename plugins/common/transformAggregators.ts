/**
 * Per-group accumulators (Summarize's actions, Cross Tab's methods). Each one keeps per-group state
 * in arrays indexed by the dense group id from GroupIndex, fed a packet at a time, so a 5M-row
 * stream costs one tight loop per action.
 * SQL semantics: nulls are skipped (except by Count, First and Last); a group without a non-null
 * value sums/averages/concatenates to null.
 */
import type { Field, RecordValue } from '../../shared/sdk/index.js';
import type { ColumnValues } from './transformColumns.js';
import { compareValues } from './transformCompare.js';
import { GroupIndex } from './transformGroupKeys.js';
import { isIntegerType, valueToText } from './transformTypes.js';

export interface Aggregator {
  /** `values` is the action's input column (empty for Count), `groups` the group id of each row */
  add(values: ColumnValues, groups: Int32Array, groupCount: number): void;
  /** one value per group, in the order of `order` (group ids) */
  result(order: ArrayLike<number>): ColumnValues;
}

/** `arr`, or a copy at least `size` long (doubling, so a growing group count costs amortised O(1)) */
export function grown(arr: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  if (arr.length >= size) return arr;
  const next = new Float64Array(Math.max(size, arr.length * 2, 16));
  next.set(arr);
  return next;
}

export function growList<T>(list: T[], size: number, fill: () => T): void {
  while (list.length < size) list.push(fill());
}

const SAFE = 2 ** 52;

export class CountAggregator implements Aggregator {
  private counts = new Float64Array(0);
  constructor(private readonly nonNullOnly: boolean) {}

  add(values: ColumnValues, groups: Int32Array, groupCount: number): void {
    const counts = (this.counts = grown(this.counts, groupCount));
    if (!this.nonNullOnly || !Array.isArray(values)) {
      for (let i = 0; i < groups.length; i++) counts[groups[i]]++;
      return;
    }
    for (let i = 0; i < groups.length; i++) if (values[i] !== null) counts[groups[i]]++;
  }

  result(order: ArrayLike<number>): ColumnValues {
    const out = new BigInt64Array(order.length);
    for (let i = 0; i < order.length; i++) out[i] = BigInt(this.counts[order[i]] ?? 0);
    return out;
  }
}

export class CountDistinctAggregator implements Aggregator {
  private readonly valueCodes = new GroupIndex(1);
  private readonly seen = new Set<number | string>();
  private counts = new Float64Array(0);

  add(values: ColumnValues, groups: Int32Array, groupCount: number): void {
    const counts = (this.counts = grown(this.counts, groupCount));
    const codes = this.valueCodes.addColumns([values]);
    const isArray = Array.isArray(values);
    for (let i = 0; i < groups.length; i++) {
      if (isArray && values[i] === null) continue;
      const g = groups[i];
      const c = codes[i];
      const key = c < 2 ** 26 && g < 2 ** 26 ? g * 2 ** 26 + c : `${g},${c}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      counts[g]++;
    }
  }

  result(order: ArrayLike<number>): ColumnValues {
    const out = new BigInt64Array(order.length);
    for (let i = 0; i < order.length; i++) out[i] = BigInt(this.counts[order[i]] ?? 0);
    return out;
  }
}

/** Sum and Avg: doubles for floating input; exact integers (bigint past 2^52) for integer input */
export class SumAggregator implements Aggregator {
  private sums = new Float64Array(0);
  private counts = new Float64Array(0);
  private readonly big: bigint[] = [];

  constructor(private readonly input: Field, private readonly average: boolean) {}

  private get exactIntegers(): boolean {
    return isIntegerType(this.input.type) && !this.average;
  }

  add(values: ColumnValues, groups: Int32Array, groupCount: number): void {
    const sums = (this.sums = grown(this.sums, groupCount));
    const counts = (this.counts = grown(this.counts, groupCount));
    const n = groups.length;
    if (values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array
      || values instanceof Int16Array || values instanceof Uint8Array) {
      if (!this.exactIntegers) {
        for (let i = 0; i < n; i++) { const g = groups[i]; sums[g] += values[i]; counts[g]++; }
        return;
      }
      for (let i = 0; i < n; i++) {
        const g = groups[i];
        const s = sums[g] + values[i];
        counts[g]++;
        if (s > SAFE || s < -SAFE) this.flush(g, s); else sums[g] = s;
      }
      return;
    }
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      const g = groups[i];
      counts[g]++;
      if (typeof v === 'bigint') {
        if (this.exactIntegers) { growList(this.big, g + 1, () => 0n); this.big[g] += v; } else sums[g] += Number(v);
        continue;
      }
      const num = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : Number(v);
      const s = sums[g] + num;
      if (this.exactIntegers && (s > SAFE || s < -SAFE)) this.flush(g, s); else sums[g] = s;
    }
  }

  private flush(group: number, sum: number): void {
    growList(this.big, group + 1, () => 0n);
    this.big[group] += BigInt(sum);
    this.sums[group] = 0;
  }

  result(order: ArrayLike<number>): ColumnValues {
    const out: RecordValue[] = new Array(order.length);
    for (let i = 0; i < order.length; i++) {
      const g = order[i];
      const count = this.counts[g] ?? 0;
      if (count === 0) { out[i] = null; continue; }
      const sum = this.sums[g];
      if (this.average) out[i] = sum / count;
      else if (this.exactIntegers) {
        const total = BigInt(sum) + (this.big[g] ?? 0n);
        if (total > 2n ** 63n - 1n || total < -(2n ** 63n)) throw new Error(`the sum of "${this.input.name}" overflows int64`);
        out[i] = total;
      } else out[i] = sum;
    }
    if (out.every((v) => v !== null)) {
      if (this.exactIntegers) return BigInt64Array.from(out as bigint[]);
      return Float64Array.from(out as number[]);
    }
    return out;
  }
}

/** Min and Max over any ordered type (numbers, bigints, strings by code point, ISO dates, bools) */
export class ExtremeAggregator implements Aggregator {
  private readonly best: RecordValue[] = [];
  constructor(private readonly wantMax: boolean) {}

  add(values: ColumnValues, groups: Int32Array, groupCount: number): void {
    growList(this.best, groupCount, () => null);
    const best = this.best;
    const sign = this.wantMax ? 1 : -1;
    if (values instanceof Float64Array || values instanceof Int32Array || values instanceof Float32Array
      || values instanceof Int16Array || values instanceof Uint8Array) {
      for (let i = 0; i < groups.length; i++) {
        const g = groups[i];
        const v = values[i];
        const b = best[g] as number | null;
        if (b === null) { best[g] = v; continue; }
        // NaN sorts after every number (compareValues), so it is the max and never beats a real min
        if (this.wantMax ? (v > b || (Number.isNaN(v) && !Number.isNaN(b))) : (v < b || (Number.isNaN(b) && !Number.isNaN(v)))) best[g] = v;
      }
      return;
    }
    for (let i = 0; i < groups.length; i++) {
      const v = values[i] as RecordValue;
      if (v === null) continue;
      const g = groups[i];
      const b = best[g];
      if (b === null || compareValues(v, b) * sign > 0) best[g] = v;
    }
  }

  result(order: ArrayLike<number>): ColumnValues {
    return Array.from({ length: order.length }, (_, i) => this.best[order[i]] ?? null);
  }
}

/** First and Last take the row's value as is, null included (Alteryx's and DuckDB's first()) */
export class PositionAggregator implements Aggregator {
  private readonly values: RecordValue[] = [];
  private readonly seen: boolean[] = [];
  constructor(private readonly last: boolean) {}

  add(values: ColumnValues, groups: Int32Array, groupCount: number): void {
    growList(this.values, groupCount, () => null);
    growList(this.seen, groupCount, () => false);
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (!this.last && this.seen[g]) continue;
      this.seen[g] = true;
      this.values[g] = values[i] as RecordValue;
    }
  }

  result(order: ArrayLike<number>): ColumnValues {
    return Array.from({ length: order.length }, (_, i) => this.values[order[i]] ?? null);
  }
}

/** the middle value (mean of the two middle ones for an even count), as a double */
export class MedianAggregator implements Aggregator {
  private readonly lists: number[][] = [];

  add(values: ColumnValues, groups: Int32Array, groupCount: number): void {
    growList(this.lists, groupCount, () => []);
    for (let i = 0; i < groups.length; i++) {
      const v = values[i];
      if (v === null) continue;
      this.lists[groups[i]].push(Number(v));
    }
  }

  result(order: ArrayLike<number>): ColumnValues {
    return Array.from({ length: order.length }, (_, i) => {
      const list = this.lists[order[i]];
      if (!list || list.length === 0) return null;
      const sorted = Float64Array.from(list).sort();
      const mid = sorted.length >> 1;
      return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    });
  }
}

/** the non-null values' text joined with a separator, in input order */
export class ConcatAggregator implements Aggregator {
  private readonly parts: string[][] = [];
  constructor(private readonly input: Field, private readonly separator: string) {}

  add(values: ColumnValues, groups: Int32Array, groupCount: number): void {
    growList(this.parts, groupCount, () => []);
    for (let i = 0; i < groups.length; i++) {
      const text = valueToText(values[i] as RecordValue, this.input.type);
      if (text !== null) this.parts[groups[i]].push(text);
    }
  }

  result(order: ArrayLike<number>): ColumnValues {
    return Array.from({ length: order.length }, (_, i) => {
      const parts = this.parts[order[i]];
      return parts && parts.length > 0 ? parts.join(this.separator) : null;
    });
  }
}
