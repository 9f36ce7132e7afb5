/**
 * Test data for the transform tools: columns of plain values (int64 as bigint, dates as ISO text,
 * nulls), written to a file the test kit's source streams into a workflow, and loaded
 * into DuckDB for differential tests. Generated data is seeded, so a failure reproduces.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Field, RecordValue } from '../../../shared/sdk/index.js';
import { seededRandom } from '../seededRandom.js';

export interface TestData {
  fields: Field[];
  columns: Record<string, RecordValue[]>;
}

/** writes the columns as the JSON file the test kit's source reads (int64 as {"$big": "…"}) */
export function writeDataFile(data: TestData, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'c3-data-'))): string {
  const file = path.join(dir, 'data.json');
  fs.writeFileSync(file, JSON.stringify(data.columns, (_key, value: unknown) => (typeof value === 'bigint' ? { $big: String(value) } : value)));
  return file;
}


const WORDS = ['alpha', 'Beta', 'gamma', 'Ärger', 'zeta', 'éclair', '東京', '😀 smile', 'a,b "quoted"', '', 'Zulu', 'ｆｕｌｌ'];

/**
 * `n` rows: id (int64, some beyond 2^53), cat (string, 12 values with unicode and empties),
 * grp (int32, few values), amount (double), qty (int32), day (date), flag (bool); about 8% nulls
 * in every field but id.
 */
export function generateData(n: number, seed = 7): TestData {
  const rnd = seededRandom(seed);
  const maybe = <T>(v: T): T | null => (rnd() < 0.08 ? null : v);
  const columns: Record<string, RecordValue[]> = { id: [], cat: [], grp: [], amount: [], qty: [], day: [], flag: [] };
  for (let i = 0; i < n; i++) {
    columns.id.push(rnd() < 0.1 ? 9007199254740993n + BigInt(Math.floor(rnd() * 1000)) * (rnd() < 0.5 ? -1n : 1n) * 3n : BigInt(Math.floor(rnd() * 5000) - 2500));
    columns.cat.push(maybe(WORDS[Math.floor(rnd() * WORDS.length)]));
    columns.grp.push(maybe(Math.floor(rnd() * 5)));
    columns.amount.push(maybe(Math.round((rnd() * 2000 - 500) * 100) / 100));
    columns.qty.push(maybe(1 + Math.floor(rnd() * 100)));
    const d = new Date(Date.UTC(2020, 0, 1) + Math.floor(rnd() * 2000) * 86_400_000);
    columns.day.push(maybe(d.toISOString().slice(0, 10)));
    columns.flag.push(maybe(rnd() < 0.5));
  }
  return {
    fields: [
      { name: 'id', type: 'int64' }, { name: 'cat', type: 'v_wstring', size: 100 }, { name: 'grp', type: 'int32' },
      { name: 'amount', type: 'double' }, { name: 'qty', type: 'int32' }, { name: 'day', type: 'date' }, { name: 'flag', type: 'bool' },
    ],
    columns,
  };
}
