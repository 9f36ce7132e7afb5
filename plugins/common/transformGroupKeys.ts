/**
 * Dense ids for the distinct values of one or more key fields: the hash table behind Summarize's
 * groups, Unique, Sample's per-group counters and Join's matching. Rows are coded a column at a
 * time (dictionary-encoded strings are coded once per dictionary entry, not once per row), then the
 * per-column codes are folded pairwise into one id per distinct key.
 *
 * Key equality: numbers by value (-0 = 0, NaN = NaN), int64 equal to the same number of another
 * integer or double field, strings exactly (no collation), blobs by bytes. A null key is a key of
 * its own when grouping, and matches nothing when looking up (SQL's join rule).
 */
import { makeVector, type Data, type Table } from 'apache-arrow';
import type { RecordValue } from '../../shared/sdk/index.js';
import { columnVector, readUtf8Chunk, type ColumnValues } from './transformColumns.js';
import { MAX_SHARD, UnboundedMap } from './unboundedMap.js';

const NOT_CODED = -2;
export const NO_MATCH = -1;
const PAIR_SHIFT = 2 ** 26;

type MapKey = number | string | bigint | boolean;

function mapKey(value: RecordValue): MapKey {
  if (typeof value === 'bigint') {
    return value >= -9007199254740991n && value <= 9007199254740991n ? Number(value) : value;
  }
  if (value instanceof Uint8Array) return `\u0000blob:${Buffer.from(value).toString('latin1')}`;
  return value as MapKey;
}

/** codes of the distinct values of one key field */
class KeyCoder {
  private readonly codes: UnboundedMap<MapKey, number>;
  private nullCode = NO_MATCH;
  /** a value per code, for reading keys back */
  readonly values: RecordValue[] = [];
  private readonly dictionaryCodes = new WeakMap<object, Int32Array>();

  constructor(shardSize: number) {
    this.codes = new UnboundedMap(shardSize);
  }

  code(value: RecordValue, insert: boolean): number {
    if (value === null) {
      if (!insert) return NO_MATCH;
      if (this.nullCode === NO_MATCH) {
        this.nullCode = this.values.length;
        this.values.push(null);
      }
      return this.nullCode;
    }
    const key = mapKey(value);
    let code = this.codes.get(key);
    if (code === undefined) {
      if (!insert) return NO_MATCH;
      code = this.values.length;
      this.codes.add(key, code);
      this.values.push(value);
    }
    return code;
  }

  codeValues(values: ColumnValues, out: Int32Array, insert: boolean): void {
    for (let i = 0; i < values.length; i++) out[i] = this.code(values[i] as RecordValue, insert);
  }

  codeChunk(data: Data, out: Int32Array, at: number, insert: boolean): void {
    const n = data.length;
    const dictionary = data.dictionary;
    if (dictionary) {
      let byIndex = this.dictionaryCodes.get(dictionary);
      if (!byIndex || byIndex.length < dictionary.length) {
        const grown = new Int32Array(dictionary.length).fill(NOT_CODED);
        if (byIndex) grown.set(byIndex);
        byIndex = grown;
        this.dictionaryCodes.set(dictionary, byIndex);
      }
      const indices = data.values as ArrayLike<number>;
      const hasNulls = data.nullCount > 0;
      for (let i = 0; i < n; i++) {
        if (hasNulls && !data.getValid(i)) { out[at + i] = this.code(null, insert); continue; }
        const d = indices[i];
        let c = byIndex[d];
        if (c === NOT_CODED) {
          c = this.code(dictionary.get(d) as RecordValue, insert);
          // a miss in lookup mode may be inserted later (Join builds while it probes), so only cache hits
          if (c !== NO_MATCH) byIndex[d] = c;
        }
        out[at + i] = c;
      }
      return;
    }
    const values = (data as { values?: unknown }).values;
    if (data.nullCount === 0 && (values instanceof Float64Array || values instanceof Int32Array || values instanceof Int16Array
      || values instanceof Float32Array || (values instanceof Uint8Array && String(data.type) === 'Uint8'))) {
      const v = values as ArrayLike<number>;
      for (let i = 0; i < n; i++) out[at + i] = this.code(v[i], insert);
      return;
    }
    const strings = readUtf8Chunk(data);
    if (strings) {
      for (let i = 0; i < n; i++) out[at + i] = this.code(strings[i], insert);
      return;
    }
    const vector = makeVector(data);
    for (let i = 0; i < n; i++) out[at + i] = this.code((vector.get(i) ?? null) as RecordValue, insert);
  }
}

/** key codes below this pair up through a SMALL x SMALL table (256 KB per key pair) */
const SMALL = 256;

/** dense ids 0,1,2… for distinct keys, in order of first appearance */
export class GroupIndex {
  private readonly coders: KeyCoder[];
  private readonly pairs: UnboundedMap<number | string, number>[];
  /** per key pair, ids (+1, 0 = not yet known) of the pairs whose codes are both below SMALL: a direct look-up before the Map */
  private readonly smallPairs: Int32Array[];
  /** per key column, the code of each group's value */
  private readonly groupCodes: number[][];
  private count = 0;

  /** `shardSize`: entries per Map of its tables (UnboundedMap; lowered by tests to pass it cheaply) */
  constructor(readonly keyCount: number, shardSize = MAX_SHARD) {
    this.coders = Array.from({ length: keyCount }, () => new KeyCoder(shardSize));
    this.pairs = Array.from({ length: Math.max(0, keyCount - 1) }, () => new UnboundedMap(shardSize));
    this.smallPairs = Array.from({ length: Math.max(0, keyCount - 1) }, () => new Int32Array(SMALL * SMALL));
    this.groupCodes = Array.from({ length: keyCount }, () => []);
  }

  get size(): number {
    return this.count;
  }

  /** the value of key column `k` for group `group` */
  keyValue(group: number, k: number): RecordValue {
    return this.coders[k].values[this.groupCodes[k][group]];
  }

  /** group ids of the rows of `table` for key fields `names`, adding new keys */
  addTable(table: Table, names: readonly string[]): Int32Array {
    return this.fold(this.codeTable(table, names, true), table.numRows, true);
  }

  /** group ids of the rows of `table`, NO_MATCH (-1) for a key not seen or with a null */
  lookupTable(table: Table, names: readonly string[]): Int32Array {
    return this.fold(this.codeTable(table, names, false), table.numRows, false);
  }

  /** as addTable, from plain columns */
  addColumns(columns: readonly ColumnValues[]): Int32Array {
    const n = columns[0]?.length ?? 0;
    return this.fold(columns.map((c, k) => this.codeColumn(c, k, true)), n, true);
  }

  lookupColumns(columns: readonly ColumnValues[]): Int32Array {
    const n = columns[0]?.length ?? 0;
    return this.fold(columns.map((c, k) => this.codeColumn(c, k, false)), n, false);
  }

  private codeColumn(values: ColumnValues, k: number, insert: boolean): Int32Array {
    const out = new Int32Array(values.length);
    this.coders[k].codeValues(values, out, insert);
    return out;
  }

  private codeTable(table: Table, names: readonly string[], insert: boolean): Int32Array[] {
    return names.map((name, k) => {
      const out = new Int32Array(table.numRows);
      let at = 0;
      for (const data of columnVector(table, name).data) {
        this.coders[k].codeChunk(data, out, at, insert);
        at += data.length;
      }
      return out;
    });
  }

  private fold(codes: Int32Array[], n: number, insert: boolean): Int32Array {
    if (this.keyCount === 0) {
      if (insert && n > 0 && this.count === 0) this.count = 1;
      return new Int32Array(n).fill(insert || this.count > 0 ? 0 : NO_MATCH);
    }
    let current = codes[0];
    for (let k = 1; k < this.keyCount; k++) {
      const next = codes[k];
      const pairs = this.pairs[k - 1];
      const small = this.smallPairs[k - 1];
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const a = current[i];
        const b = next[i];
        if (a === NO_MATCH || b === NO_MATCH) { out[i] = NO_MATCH; continue; }
        // few distinct values (the usual group-by): a typed-array look-up, no Map
        const fast = a < SMALL && b < SMALL ? a * SMALL + b : -1;
        if (fast >= 0 && small[fast] !== 0) { out[i] = small[fast] - 1; continue; }
        const key = a < PAIR_SHIFT && b < PAIR_SHIFT ? a * PAIR_SHIFT + b : `${a},${b}`;
        let id = pairs.get(key);
        if (id === undefined) {
          if (!insert) { out[i] = NO_MATCH; continue; }
          id = pairs.size;
          pairs.add(key, id);
        }
        if (fast >= 0) small[fast] = id + 1;
        out[i] = id;
      }
      current = out;
    }
    if (insert) this.recordNewGroups(current, codes);
    return current;
  }

  private recordNewGroups(ids: Int32Array, codes: Int32Array[]): void {
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] < this.count) continue;
      // ids are dense and appear in order, so a new one is always the next
      for (let k = 0; k < this.keyCount; k++) this.groupCodes[k].push(codes[k][i]);
      this.count++;
    }
  }
}
