/**
 * The profile of one field of a cached anchor (Alteryx's Browse profile, KNIME's statistics):
 * nulls, distinct values (exact up to DISTINCT_EXACT_LIMIT, then a k-minimum-values sketch),
 * min/max, and a histogram (numbers) or the most frequent values (everything else).
 */
import type { Vector } from 'apache-arrow';
import { DISTINCT_EXACT_LIMIT, HISTOGRAM_BINS, TOP_VALUES, type FieldProfile } from '../../../shared/anchorData.js';
import type { Field } from '../../../shared/metadata.js';
import { previewValue } from '../runtime/packets/previewRows.js';

const NUMERIC = new Set(['byte', 'int16', 'int32', 'int64', 'float', 'double', 'fixeddecimal']);
/** values kept for top values; past this many distinct values the counts stop growing new keys */
const TOP_TRACKED = 10_000;
const SKETCH_SIZE = 1024;

export function profileField(field: Field, vector: Vector): FieldProfile {
  const numeric = NUMERIC.has(field.type);
  const distinct = new DistinctCounter();
  const counts = numeric ? null : new Map<unknown, number>();
  let nulls = 0;
  let min: unknown = null;
  let max: unknown = null;
  const length = vector.length;
  for (let i = 0; i < length; i++) {
    const raw: unknown = vector.get(i);
    if (raw === null || raw === undefined) {
      nulls++;
      continue;
    }
    const value = comparable(raw);
    distinct.add(value);
    if (min === null || (value as number) < (min as number)) min = value;
    if (max === null || (value as number) > (max as number)) max = value;
    if (counts && (counts.has(value) || counts.size < TOP_TRACKED)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return {
    name: field.name, type: field.type, nulls,
    distinct: distinct.estimate(), distinctApproximate: distinct.approximate,
    min: shown(min), max: shown(max),
    histogram: numeric && min !== null ? histogram(vector, Number(min), Number(max)) : null,
    top: counts ? [...counts].sort((a, b) => b[1] - a[1]).slice(0, TOP_VALUES).map(([value, count]) => ({ value: shown(value), count })) : null,
  };
}

/** numbers stay numbers (int64 as bigint compares right), dates as their time, text as text */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}

function shown(value: unknown): FieldProfile['min'] {
  return value === null ? null : previewValue(value);
}

function histogram(vector: Vector, min: number, max: number): number[] {
  const bins = new Array<number>(HISTOGRAM_BINS).fill(0);
  const span = max - min;
  for (let i = 0; i < vector.length; i++) {
    const raw: unknown = vector.get(i);
    if (raw === null || raw === undefined) continue;
    const value = Number(raw);
    const bin = span === 0 ? 0 : Math.min(HISTOGRAM_BINS - 1, Math.floor(((value - min) / span) * HISTOGRAM_BINS));
    bins[bin]++;
  }
  return bins;
}

/** exact with a Set up to the limit; beyond it, the k-minimum-values estimate over a 32-bit hash of every value */
class DistinctCounter {
  private exact: Set<unknown> | null = new Set();
  /** the SKETCH_SIZE smallest hashes seen, as a max-first sorted list kept small */
  private readonly smallest = new Set<number>();
  private threshold = Infinity;

  get approximate(): boolean {
    return this.exact === null;
  }

  add(value: unknown): void {
    if (this.exact) {
      this.exact.add(value);
      if (this.exact.size > DISTINCT_EXACT_LIMIT) this.exact = null;
    }
    const hash = hash32(typeof value === 'string' ? value : String(value));
    if (hash >= this.threshold || this.smallest.has(hash)) return;
    this.smallest.add(hash);
    if (this.smallest.size > SKETCH_SIZE) {
      let largest = -1;
      for (const h of this.smallest) if (h > largest) largest = h;
      this.smallest.delete(largest);
      this.threshold = largest;
    }
  }

  estimate(): number {
    if (this.exact) return this.exact.size;
    let kth = -1;
    for (const h of this.smallest) if (h > kth) kth = h;
    return Math.round((SKETCH_SIZE - 1) / ((kth + 1) / 2 ** 32));
  }
}

/** FNV-1a, 32 bits, mixed at the end so the low values spread */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
