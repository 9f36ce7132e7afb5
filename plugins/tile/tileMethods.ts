/**
 * Tile numbers for the rows of one group, in the order the rows are written; 0 means null (a
 * value the method cannot place). Each method is a pure function of the group's values.
 */
import type { RecordValue } from '../../shared/sdk/index.js';

/** `n` rows in `tiles` tiles as DuckDB's ntile: sizes differ by at most one, the larger tiles first */
export function equalRecords(n: number, tiles: number): Int32Array {
  const out = new Int32Array(n);
  const base = Math.floor(n / tiles);
  const extra = n % tiles;
  // the first `extra` tiles have base + 1 rows
  const bigRows = extra * (base + 1);
  for (let i = 0; i < n; i++) out[i] = i < bigRows ? Math.floor(i / (base + 1)) + 1 : extra + Math.floor((i - bigRows) / base) + 1;
  return out;
}

/** rows with the same value of `keys` in a run get the tile of the run's first row */
export function keepRunsTogether(tiles: Int32Array, keys: ArrayLike<RecordValue>): Int32Array {
  for (let i = 1; i < tiles.length; i++) if (sameValue(keys[i], keys[i - 1])) tiles[i] = tiles[i - 1];
  return tiles;
}

function sameValue(a: RecordValue, b: RecordValue): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

function toNumber(v: RecordValue): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') { const n = Number(v); return Number.isNaN(n) ? null : n; }
  return null;
}

/**
 * Tiles of about equal sums of `values` without splitting a row: a row goes to the tile its
 * midpoint falls in (the running sum before it plus half its value, as a share of the total).
 * Nulls count as 0; a total of 0 or less puts every row in tile 1.
 */
export function equalSum(values: ArrayLike<RecordValue>, tiles: number): Int32Array {
  const n = values.length;
  const nums = Float64Array.from({ length: n }, (_, i) => toNumber(values[i]) ?? 0);
  const total = nums.reduce((s, v) => s + v, 0);
  const out = new Int32Array(n).fill(1);
  if (!(total > 0)) return out;
  let before = 0;
  for (let i = 0; i < n; i++) {
    const mid = before + nums[i] / 2;
    out[i] = Math.min(tiles, Math.max(1, Math.floor((mid / total) * tiles) + 1));
    before += nums[i];
  }
  return out;
}

export const SMART_TILE_NAMES: Record<number, string> = {
  [-3]: 'Extremely Low', [-2]: 'Low', [-1]: 'Below Average', 0: 'Average', 1: 'Above Average', 2: 'High', 3: 'Extremely High',
};

/**
 * Smart tile: how many standard deviations (sample) a value is from the mean, rounded (-0.5 to
 * +0.5 is 0), from -3 to 3. Nulls get no tile; so does every row when the deviation is 0 or unknown.
 * Tile numbers are shifted by 4 here (1..7) so that 0 can mean null.
 */
export function smartTile(values: ArrayLike<RecordValue>): Int32Array {
  const n = values.length;
  const nums = Array.from({ length: n }, (_, i) => toNumber(values[i]));
  const present = nums.filter((v): v is number => v !== null && Number.isFinite(v));
  const out = new Int32Array(n);
  if (present.length < 2) return present.length === 1 ? out.map((_, i) => (nums[i] === null ? 0 : 4)) : out;
  const mean = present.reduce((s, v) => s + v, 0) / present.length;
  const sd = Math.sqrt(present.reduce((s, v) => s + (v - mean) ** 2, 0) / (present.length - 1));
  for (let i = 0; i < n; i++) {
    const v = nums[i];
    if (v === null || !Number.isFinite(v)) continue;
    const z = sd > 0 ? (v - mean) / sd : 0;
    out[i] = Math.max(-3, Math.min(3, Math.floor(z + 0.5))) + 4;
  }
  return out;
}

/** manual cut-offs (ascending upper limits): the first tile whose limit is >= the value; above the last, one more tile */
export function manualTile(values: ArrayLike<RecordValue>, cutoffs: readonly number[]): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = toNumber(values[i]);
    if (v === null) continue;
    let t = 0;
    while (t < cutoffs.length && v > cutoffs[t]) t++;
    out[i] = t + 1;
  }
  return out;
}
