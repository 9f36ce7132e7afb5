import { describe, expect, it } from 'vitest';
import { Binary, Bool, Dictionary, Float32, Float64, Int16, Int32, Int64, Table, Uint8, Utf8, vectorFromArray } from 'apache-arrow';
import type { DataType } from 'apache-arrow';
import { CsvEncoder, csvCellText } from './csvEncoder.js';

/** the reference: each value through JS, cell by cell (what the writer did before it wrote bytes) */
function referenceCsv(table: Table, delimiter: string): string {
  let out = '';
  for (let r = 0; r < table.numRows; r++) {
    out += table.schema.fields.map((f) => {
      const v = table.getChild(f.name)!.get(r) as unknown;
      if (v === null || v === undefined) return '';
      if (v instanceof Uint8Array) return csvCellText(Buffer.from(v).toString('base64'), delimiter);
      return typeof v === 'string' ? csvCellText(v, delimiter) : String(v);
    }).join(delimiter) + '\n';
  }
  return out;
}

const texts = ['plain', '', ' lead', 'trail ', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'Zoë', '日本語', '\u00a0nbsp', 'x'.repeat(40), 'tab\tin', null];

function table(): Table {
  const n = texts.length * 2;
  const pick = <T>(f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
  const col = (values: unknown[], type: DataType) => vectorFromArray(values, type);
  return new Table({
    s: col(pick((i) => texts[i % texts.length]), new Utf8()),
    d: col(pick((i) => texts[(i * 5) % texts.length]), new Dictionary(new Utf8(), new Int32())),
    f64: col(pick((i) => (i % 4 === 0 ? null : i * 1.1 - 7)), new Float64()),
    f32: col(pick((i) => i / 3), new Float32()),
    i32: col(pick((i) => (i % 5 === 0 ? null : -i * 1000)), new Int32()),
    i16: col(pick((i) => i), new Int16()),
    u8: col(pick((i) => i * 9), new Uint8()),
    i64: col(pick((i) => (i === 2 ? null : 2n ** 60n + BigInt(i))), new Int64()),
    b: col(pick((i) => (i % 3 === 0 ? null : i % 2 === 0)), new Bool()),
    bin: col(pick((i) => (i === 1 ? null : new Uint8Array([i, 255, i + 1]))), new Binary()),
  });
}

describe('CsvEncoder', () => {
  for (const delimiter of [',', '\t', ';', '§']) {
    it(`writes the same text as the cell-by-cell rules (delimiter ${JSON.stringify(delimiter)})`, () => {
      const t = table();
      const encoder = new CsvEncoder(delimiter);
      const text = new TextDecoder().decode(encoder.encode(t.batches[0]));
      if (delimiter === '§') {
        // a multi-byte delimiter quotes a little more; the values read back the same
        expect(text.split('\n').length).toBe(referenceCsv(t, delimiter).split('\n').length);
      } else expect(text).toBe(referenceCsv(t, delimiter));
    });
  }

  it('reads sliced batches (offsets into shared buffers) and writes the header', () => {
    const t = table();
    const sliced = t.slice(5, 20);
    const encoder = new CsvEncoder(',');
    expect(new TextDecoder().decode(encoder.encode(sliced.batches[0]))).toBe(referenceCsv(sliced, ','));
    expect(new TextDecoder().decode(encoder.header(['id', 'a,b', '']))).toBe('id,"a,b",""\n');
  });

  it('numbers are written exactly as String() writes them', () => {
    let seed = 7;
    const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const doubles: number[] = [0, -0, 1, -1, 0.1, 0.2 + 0.1, 5e-7, 1e-7, 123456789012.34, 9999999999999.99, 1e13, 1e21, 2 ** 53, -(2 ** 53) - 2,
      NaN, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE, 549.36, 20326.32, 549.36 * 37, 0.07, 1.005, 100.5];
    for (let i = 0; i < 3000; i++) {
      doubles.push(Math.round(rnd() * 1e5) / 100, (rnd() - 0.5) * 10 ** Math.floor(rnd() * 30 - 10), Math.round(rnd() * 1e5) / 100 * Math.ceil(rnd() * 100));
    }
    const ints = [0, -1, 7, 10, 99, 100, -2147483648, 2147483647, ...Array.from({ length: 2000 }, () => Math.floor((rnd() - 0.5) * 2 ** 32))];
    const t = new Table({
      d: vectorFromArray(doubles, new Float64()),
      i: vectorFromArray([...ints, ...new Array(doubles.length - ints.length).fill(12)], new Int32()),
    });
    const lines = new TextDecoder().decode(new CsvEncoder(',').encode(t.batches[0])).split('\n');
    doubles.forEach((v, r) => expect(lines[r].split(',')[0], `row ${r}: ${v}`).toBe(String(v)));
    ints.forEach((v, r) => expect(lines[r].split(',')[1]).toBe(String(v)));
  });
});
