/**
 * JSON Parse's work on one packet: rows (one output row per leaf) or columns (one field per leaf
 * name). Counts texts that are not JSON and, for fixed columns, leaves that had no column.
 */
import type { RecordValue } from '../../shared/sdk/index.js';
import { jsonLeaves, leafText, type Leaf } from './jsonFlatten.js';
import type { JsonParsePlan } from './jsonParseConfig.js';

export interface ParsedPacket {
  computed: Record<string, RecordValue[]>;
  /** input row of each output row; null when one to one */
  rows: Int32Array | null;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

export class JsonParser {
  private rowsBefore = 0;
  private invalid = 0;
  private firstInvalid = '';
  private unplaced = 0;
  private firstUnplaced = '';
  /** leaf names in first-seen order (columns from the data) */
  readonly names = new Map<string, number>();

  constructor(private readonly plan: JsonParsePlan) {}

  private leavesOf(value: RecordValue, i: number): Leaf[] {
    if (value === null) return [];
    const leaves = jsonLeaves(String(value), this.plan.config.flattenArrays);
    if (!('error' in leaves)) return leaves;
    if (this.invalid++ === 0) this.firstInvalid = `row ${this.rowsBefore + i + 1}: ${quote(String(value))}: ${leaves.error}`;
    return [];
  }

  rowsOf(values: ArrayLike<RecordValue>): ParsedPacket {
    const typed = this.plan.config.valueFields === 'typed';
    const rows: number[] = [];
    const name: RecordValue[] = [];
    const str: RecordValue[] = [];
    const int: RecordValue[] = [];
    const float: RecordValue[] = [];
    const bool: RecordValue[] = [];
    for (let i = 0; i < values.length; i++) {
      const leaves = this.leavesOf(values[i], i);
      // a null or invalid text keeps its record, with null name and value
      if (leaves.length === 0) { rows.push(i); name.push(null); str.push(null); int.push(null); float.push(null); bool.push(null); continue; }
      for (const leaf of leaves) {
        rows.push(i);
        name.push(leaf.name);
        const v = leaf.value;
        if (!typed) { str.push(leafText(v)); continue; }
        const big = v.kind === 'number' && v.integer ? BigInt(v.text) : null;
        const isInt = big !== null && big >= INT64_MIN && big <= INT64_MAX;
        str.push(v.kind === 'string' || v.kind === 'json' ? v.text : null);
        int.push(isInt ? big : null);
        float.push(v.kind === 'number' && !isInt ? Number(v.text) : null);
        bool.push(v.kind === 'bool' ? v.value : null);
      }
    }
    this.rowsBefore += values.length;
    const computed: Record<string, RecordValue[]> = { JSON_Name: name, JSON_ValueString: str };
    if (typed) Object.assign(computed, { JSON_ValueInt: int, JSON_ValueFloat: float, JSON_ValueBool: bool });
    return { computed, rows: Int32Array.from(rows) };
  }

  /** the leaves of every row as name → text maps, noting new names in first-seen order */
  leafMaps(values: ArrayLike<RecordValue>): Map<string, string | null>[] {
    const out: Map<string, string | null>[] = [];
    for (let i = 0; i < values.length; i++) {
      const map = new Map<string, string | null>();
      for (const leaf of this.leavesOf(values[i], i)) {
        // a top-level scalar has no name; a field needs one
        const name = leaf.name === '' ? 'JSON_Value' : leaf.name;
        if (!map.has(name)) map.set(name, leafText(leaf.value));
        if (!this.names.has(name)) this.names.set(name, this.names.size);
      }
      out.push(map);
    }
    this.rowsBefore += values.length;
    return out;
  }

  /** one column per name in `columns`; leaves of other names are counted as unplaced */
  columnsOf(maps: Map<string, string | null>[], columns: string[], firstRow: number): ParsedPacket {
    const computed: Record<string, RecordValue[]> = Object.fromEntries(columns.map((c) => [c, new Array<RecordValue>(maps.length).fill(null)]));
    const wanted = new Set(columns);
    maps.forEach((map, i) => {
      for (const [name, text] of map) {
        if (wanted.has(name)) computed[name][i] = text;
        else if (this.unplaced++ === 0) this.firstUnplaced = `row ${firstRow + i + 1}: "${name}"`;
      }
    });
    return { computed, rows: null };
  }

  warnings(): string[] {
    const out: string[] = [];
    if (this.invalid > 0) out.push(`${this.invalid} value(s) of "${this.plan.source.name}" are not valid JSON; their rows have null values (first: ${this.firstInvalid})`);
    if (this.unplaced > 0) out.push(`${this.unplaced} JSON value(s) have a name that is not one of the configured columns and were dropped (first: ${this.firstUnplaced})`);
    return out;
  }
}
