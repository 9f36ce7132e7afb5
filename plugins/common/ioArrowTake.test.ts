import { describe, expect, it } from 'vitest';
import {
  Binary, Bool, Dictionary, Field as ArrowField, Float32, Float64, Int16, Int32, Int64, Table, Uint8, Utf8, makeVector, vectorFromArray,
} from 'apache-arrow';
import type { DataType } from 'apache-arrow';
import { copyData, singleBatch, takeTable, withColumns } from './ioArrowTake.js';

const n = 23;
const pick = <T>(f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

function sampleTable(): Table {
  const col = (values: unknown[], type: DataType) => vectorFromArray(values, type);
  return new Table({
    b: col(pick((i) => (i % 5 === 0 ? null : i % 2 === 0)), new Bool()),
    u8: col(pick((i) => i * 7 % 256), new Uint8()),
    i16: col(pick((i) => (i % 4 === 1 ? null : -i * 100)), new Int16()),
    i32: col(pick((i) => i * 1000), new Int32()),
    i64: col(pick((i) => (i === 3 ? null : BigInt(i) * 2n ** 40n)), new Int64()),
    f32: col(pick((i) => i / 4), new Float32()),
    f64: col(pick((i) => (i % 3 === 0 ? null : i * 1.5)), new Float64()),
    s: col(pick((i) => (i % 6 === 2 ? null : `text ${'é'.repeat(i % 3)}${i}`)), new Utf8()),
    long: col(pick((i) => 'x'.repeat(30 + i)), new Utf8()),
    bin: col(pick((i) => new Uint8Array([i, i + 1])), new Binary()),
    d: col(pick((i) => (i % 7 === 4 ? null : ['north', 'south', 'east'][i % 3])), new Dictionary(new Utf8(), new Int32())),
  });
}

function rowsOf(table: Table): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 0; r < table.numRows; r++) {
    out.push(table.schema.fields.map((f) => {
      const v = table.getChild(f.name)!.get(r);
      return v instanceof Uint8Array ? [...v] : v;
    }));
  }
  return out;
}

describe('takeTable', () => {
  it('gathers rows of every column type, nulls and dictionaries kept, any order', () => {
    const table = sampleTable();
    const all = rowsOf(table);
    const indices = Int32Array.from([22, 0, 5, 5, 13, 2, 4, 17, 3]);
    const taken = takeTable(table, indices);
    expect(rowsOf(taken)).toEqual([...indices].map((i) => all[i]));
    expect(taken.schema.fields.map((f) => String(f.type))).toEqual(table.schema.fields.map((f) => String(f.type)));
    expect(taken.getChild('d')!.data[0].dictionary).toBeDefined();
    expect(taken.getChild('s')!.nullCount).toBe(1);
  });

  it('reads sliced chunks (non-zero offset) and several batches', () => {
    const table = sampleTable();
    const all = rowsOf(table);
    const sliced = table.slice(4, 19);
    expect(rowsOf(takeTable(sliced, Int32Array.from([0, 14, 7])))).toEqual([all[4], all[18], all[11]]);
    const twoBatches = table.slice(0, 10).concat(table.slice(10));
    expect(twoBatches.batches.length).toBeGreaterThan(1);
    const indices = Int32Array.from([1, 9, 10, 11, 22]);
    expect(rowsOf(takeTable(twoBatches, indices))).toEqual([...indices].map((i) => all[i]));
    expect(rowsOf(singleBatch(twoBatches))).toEqual(all);
    expect(singleBatch(twoBatches).batches).toHaveLength(1);
    expect(takeTable(twoBatches, new Int32Array(0)).numRows).toBe(0);
  });

  it('copies strings of every length (0 to 100 bytes, multi-byte too) at unaligned places', () => {
    const words = Array.from({ length: 202 }, (_, i) => (i % 2 === 0 ? 'ab'.repeat(i >> 2) : `é${'z'.repeat(i % 97)}`).slice(0, 100));
    const table = new Table({ s: vectorFromArray(words, new Utf8()) }).slice(3);
    const indices = Int32Array.from({ length: 400 }, (_, i) => (i * 37) % 199);
    const taken = takeTable(table, indices);
    expect(Array.from({ length: indices.length }, (_, i) => taken.getChild('s')!.get(i))).toEqual([...indices].map((i) => words[i + 3]));
  });

  it('never shares a buffer with the input, dictionaries included', () => {
    const table = sampleTable();
    const taken = takeTable(table, Int32Array.from([1, 2]));
    const buffers = (t: Table) => t.batches[0].data.children.flatMap((d) => [d.values, d.valueOffsets, d.nullBitmap, ...(d.dictionary?.data.flatMap((x) => [x.values, x.valueOffsets]) ?? [])])
      .filter((b): b is NonNullable<typeof b> => !!b && b.byteLength > 0).map((b) => b.buffer);
    const before = new Set(buffers(table));
    for (const b of buffers(taken)) expect(before.has(b)).toBe(false);
    const copy = copyData(table.getChild('d')!.data[0]);
    expect(makeVector(copy).toArray()).toEqual(table.getChild('d')!.toArray());
  });
});

describe('withColumns', () => {
  it('replaces a column in place and appends new ones, other buffers untouched', () => {
    const table = sampleTable();
    const total = vectorFromArray(pick((i) => i * 2), new Float64()).data[0];
    const s = vectorFromArray(pick((i) => `new ${i}`), new Utf8()).data[0];
    const out = withColumns(table, [
      { field: new ArrowField('s', s.type, true), data: s },
      { field: new ArrowField('total', total.type, true), data: total },
    ]);
    expect(out.schema.fields.map((f) => f.name)).toEqual([...table.schema.fields.map((f) => f.name), 'total']);
    expect(out.getChild('s')!.get(3)).toBe('new 3');
    expect(out.getChild('total')!.get(5)).toBe(10);
    expect(out.getChild('i32')!.data[0].values).toBe(table.getChild('i32')!.data[0].values);
    expect(() => withColumns(table, [{ field: new ArrowField('x', total.type), data: total.slice(0, 3) }])).toThrow(/3 rows/);
  });
});
