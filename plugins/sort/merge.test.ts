import { describe, expect, it } from 'vitest';
import type { RecordValue } from '../../shared/sdk/index.js';
import { mergeRuns } from './merge.js';
import { MemoryRun, type RunCursor } from './sortedRun.js';

function run(keys: RecordValue[], tag: string): MemoryRun {
  return new MemoryRun({ k: keys, tag: keys.map((_, i) => `${tag}${i}`) }, keys.length);
}

async function merged(runs: RunCursor[], descending = false, nullsFirst = false): Promise<string[]> {
  const out: string[] = [];
  await mergeRuns(runs, [{ field: 'k', descending, nullsFirst }], (c) => { out.push(`${c.columns.k[c.row]}:${c.columns.tag[c.row]}`); });
  return out;
}

describe('mergeRuns', () => {
  it('merges sorted runs, equal keys in run order (stable)', async () => {
    expect(await merged([run([1, 3, 3, null], 'a'), run([2, 3, null], 'b'), run([0, 4], 'c')])).toEqual([
      '0:c0', '1:a0', '2:b0', '3:a1', '3:a2', '3:b1', '4:c1', 'null:a3', 'null:b2',
    ]);
  });

  it('honours descending order with nulls first, and bigints past 2^53', async () => {
    const a = run([null, 9007199254740993n, 1n], 'a');
    const b = run([9007199254740994n, 9007199254740992n], 'b');
    expect(await merged([a, b], true, true)).toEqual([
      'null:a0', '9007199254740994:b0', '9007199254740993:a1', '9007199254740992:b1', '1:a2',
    ]);
  });
});
