/**
 * Running sums of one field per group, carried from packet to packet. Integer fields are summed
 * exactly (a group's sum is a JavaScript number while it is a safe integer, a bigint after), floating
 * fields as doubles. A null adds nothing: the row shows the total so far (0 before any value).
 */
import type { Field, RecordValue } from '../../shared/sdk/index.js';
import type { ColumnValues } from '../common/transformColumns.js';
import { isIntegerType } from '../common/transformTypes.js';

const SAFE = Number.MAX_SAFE_INTEGER;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

export class RunningSums {
  private sums = new Float64Array(16);
  /** per group, the exact sum once it left the safe integer range */
  private readonly big = new Map<number, bigint>();
  readonly exact: boolean;

  constructor(readonly field: Field) {
    this.exact = isIntegerType(field.type);
  }

  private grow(groups: number): void {
    if (groups <= this.sums.length) return;
    const grown = new Float64Array(Math.max(groups, this.sums.length * 2));
    grown.set(this.sums);
    this.sums = grown;
  }

  /** the running total after each row of `values`, whose groups are `ids` */
  add(values: ColumnValues, ids: Int32Array, groupCount: number): BigInt64Array | Float64Array {
    this.grow(groupCount);
    const n = ids.length;
    return this.exact ? this.addExact(values, ids, n) : this.addDoubles(values, ids, n);
  }

  private addDoubles(values: ColumnValues, ids: Int32Array, n: number): Float64Array {
    const out = new Float64Array(n);
    const sums = this.sums;
    for (let i = 0; i < n; i++) {
      const v = values[i] as RecordValue;
      const g = ids[i];
      if (v !== null) sums[g] += typeof v === 'number' ? v : Number(v);
      out[i] = sums[g];
    }
    return out;
  }

  private addExact(values: ColumnValues, ids: Int32Array, n: number): BigInt64Array {
    const out = new BigInt64Array(n);
    const sums = this.sums;
    for (let i = 0; i < n; i++) {
      const v = values[i] as RecordValue;
      const g = ids[i];
      const big = this.big.get(g);
      if (big === undefined && typeof v !== 'bigint') {
        const s = v === null ? sums[g] : sums[g] + (v as number);
        if (s <= SAFE && s >= -SAFE) { sums[g] = s; out[i] = BigInt(s); continue; }
      }
      let total = big ?? BigInt(sums[g]);
      if (v !== null) total += typeof v === 'bigint' ? v : BigInt(v as number);
      if (total > INT64_MAX || total < INT64_MIN) throw new Error(`the running total of "${this.field.name}" overflows int64`);
      this.big.set(g, total);
      out[i] = total;
    }
    return out;
  }
}
