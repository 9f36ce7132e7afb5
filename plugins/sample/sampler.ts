/**
 * Sample's row choice, per packet. Counters are per group (all rows are one group without
 * group-by fields). Random percent draws one number per row in input order from a seeded
 * generator (mulberry32), so the same seed over the same input picks the same rows.
 */
import type { Table } from 'apache-arrow';
import { GroupIndex } from '../common/transformGroupKeys.js';
import { seededRandom } from '../common/seededRandom.js';

export type SampleMode = 'first' | 'last' | 'skip' | 'everyNth' | 'randomPercent' | 'firstPercent';

export interface SampleConfig {
  mode: SampleMode;
  n: number;
  percent: number;
  seed: number;
  groupBy: string[];
}

export function readSampleConfig(raw: Record<string, unknown>): SampleConfig {
  const modes: SampleMode[] = ['first', 'last', 'skip', 'everyNth', 'randomPercent', 'firstPercent'];
  return {
    mode: modes.includes(raw.mode as SampleMode) ? (raw.mode as SampleMode) : 'first',
    n: typeof raw.n === 'number' ? raw.n : 100,
    percent: typeof raw.percent === 'number' ? raw.percent : 10,
    seed: typeof raw.seed === 'number' ? raw.seed : 1,
    groupBy: Array.isArray(raw.groupBy) ? (raw.groupBy as string[]) : [],
  };
}


/** picks rows of each packet for the streaming modes (all but `last`) */
export class StreamSampler {
  private readonly groups: GroupIndex;
  private counts = new Float64Array(16);
  private readonly random: () => number;

  constructor(private readonly config: SampleConfig, private readonly groupNames: string[]) {
    this.groups = new GroupIndex(groupNames.length);
    this.random = seededRandom(config.seed);
  }

  /** group ids of a packet's rows (exposed for the `last` mode) */
  groupIds(table: Table): Int32Array {
    return this.groups.addTable(table, this.groupNames);
  }

  /** indices of the rows of `table` to keep */
  pick(table: Table): Int32Array {
    const ids = this.groupIds(table);
    if (this.counts.length < this.groups.size) {
      const next = new Float64Array(Math.max(this.groups.size, this.counts.length * 2));
      next.set(this.counts);
      this.counts = next;
    }
    const { mode, n, percent } = this.config;
    const keep = new Int32Array(ids.length);
    let k = 0;
    for (let i = 0; i < ids.length; i++) {
      const seen = this.counts[ids[i]]++;
      let take: boolean;
      switch (mode) {
        case 'first': take = seen < n; break;
        case 'skip': take = seen >= n; break;
        case 'everyNth': take = seen % n === 0; break;
        case 'randomPercent': take = this.random() * 100 < percent; break;
        default: take = true;
      }
      if (take) keep[k++] = i;
    }
    return keep.subarray(0, k);
  }
}
