/**
 * Per-group accumulators beyond the basic ones (see transformAggregators.ts): null and blank
 * counts, count distinct with null as a value, mode, sample variance and standard deviation,
 * percentiles. Same contract: state in arrays indexed by the dense group id, fed a packet at a time.
 */
import type { RecordValue } from '../../shared/sdk/index.js';
import { grown, growList, type Aggregator } from './transformAggregators.js';
import type { ColumnValues } from './transformColumns.js';
import { GroupIndex } from './transformGroupKeys.js';

function counted(counts: Float64Array, order: ArrayLike<number>): BigInt64Array {
  const out = new BigInt64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = BigInt(counts[order[i]] ?? 0);
  return out;
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === '';

/**
 * Counts rows by what their value is: `null` counts nulls, `blank` nulls and empty texts,
 * `nonBlank` the rest.
 */
export class CountWhereAggregator implements Aggregator {
  private counts = new Float64Array(0);
  constructor(private readonly which: 'null' | 'blank' | 'nonBlank') {}

  add(values: ColumnValues, groups: Int32Array, groupCount: number): void {
    const counts = (this.counts = grown(this.counts, groupCount));
    const typed = !Array.isArray(values);
    for (let i = 0; i < groups.length; i++) {
      const v = typed ? 0 : values[i];
      const hit = this.which === 'null' ? v === null : this.which === 'blank' ? isBlank(v) : !isBlank(v);
      if (hit) counts[groups[i]]++;
    }
  }

  result(order: ArrayLike<number>): ColumnValues {
    return counted(this.counts, order);
  }
}

/** distinct values per group, null counted as one more value when it occurs */
export class CountDistinctWithNullAggregator implements Aggregator {
  private readonly valueCodes = new GroupIndex(1);
  private readonly seen = new Set<string>();
  private counts = new Float64Array(0);

  add(values: ColumnValues, groups: Int32Array, groupCount: number): void {
    const counts = (this.counts = grown(this.counts, groupCount));
    const codes = this.valueCodes.addColumns([values]);
    for (let i = 0; i < groups.length; i++) {
      const key = `${groups[i]},${codes[i]}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      counts[groups[i]]++;
    }
  }

  result(order: ArrayLike<number>): ColumnValues {
    return counted(this.counts, order);
  }
}

/** the most frequent non-null value; among equally frequent values, the one that came first */
export class ModeAggregator implements Aggregator {
  private readonly tallies: Map<unknown, { value: RecordValue; count: number; first: number }>[] = [];
  private row = 0;

  add(values: ColumnValues, groups: Int32Array, groupCount: number): void {
    growList(this.tallies, groupCount, () => new Map());
    for (let i = 0; i < groups.length; i++, this.row++) {
      const v = values[i] as RecordValue;
      if (v === null || v === undefined) continue;
      const key = v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v;
      const tally = this.tallies[groups[i]];
      const seen = tally.get(key);
      if (seen) seen.count++; else tally.set(key, { value: v, count: 1, first: this.row });
    }
  }

  result(order: ArrayLike<number>): ColumnValues {
    return Array.from({ length: order.length }, (_, i) => {
      let best: { value: RecordValue; count: number; first: number } | undefined;
      for (const entry of this.tallies[order[i]]?.values() ?? []) {
        if (!best || entry.count > best.count || (entry.count === best.count && entry.first < best.first)) best = entry;
      }
      return best ? best.value : null;
    });
  }
}

/** sample variance (divisor n − 1) or its square root, by Welford's update; null below two values */
export class VarianceAggregator implements Aggregator {
  private counts = new Float64Array(0);
  private means = new Float64Array(0);
  private squares = new Float64Array(0);
  constructor(private readonly standardDeviation: boolean) {}

  add(values: ColumnValues, groups: Int32Array, groupCount: number): void {
    const counts = (this.counts = grown(this.counts, groupCount));
    const means = (this.means = grown(this.means, groupCount));
    const squares = (this.squares = grown(this.squares, groupCount));
    for (let i = 0; i < groups.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      const x = Number(v);
      const g = groups[i];
      const n = ++counts[g];
      const delta = x - means[g];
      means[g] += delta / n;
      squares[g] += delta * (x - means[g]);
    }
  }

  result(order: ArrayLike<number>): ColumnValues {
    return Array.from({ length: order.length }, (_, i) => {
      const g = order[i];
      const n = this.counts[g] ?? 0;
      if (n < 2) return null;
      const variance = this.squares[g] / (n - 1);
      return this.standardDeviation ? Math.sqrt(variance) : variance;
    });
  }
}

/**
 * The p-th percentile (0–100) of the non-null values, interpolating linearly between the two
 * nearest ranks (rank (n − 1)·p/100, counted from 0), so the 50th is the median.
 */
export class PercentileAggregator implements Aggregator {
  private readonly lists: number[][] = [];
  constructor(private readonly percentile: number) {}

  add(values: ColumnValues, groups: Int32Array, groupCount: number): void {
    growList(this.lists, groupCount, () => []);
    for (let i = 0; i < groups.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      this.lists[groups[i]].push(Number(v));
    }
  }

  result(order: ArrayLike<number>): ColumnValues {
    return Array.from({ length: order.length }, (_, i) => {
      const list = this.lists[order[i]];
      if (!list || list.length === 0) return null;
      const sorted = Float64Array.from(list).sort();
      const rank = ((sorted.length - 1) * this.percentile) / 100;
      const low = Math.floor(rank);
      const high = Math.ceil(rank);
      return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    });
  }
}
