import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Binary, Bool, Dictionary, Float64, Int32, makeVector, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowseReader } from './browseRows.js';
import { previewValue } from '../runtime/packets/previewRows.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-browse-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function sampleTable(rows: number): Table {
  const ids = BigInt64Array.from({ length: rows }, (_, i) => BigInt(i) * 10_000_000_000n);
  const blobs = Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? null : Uint8Array.of(i % 256, 255)));
  const columns = {
    id: makeVector(ids),
    n: makeVector(Int32Array.from({ length: rows }, (_, i) => i)),
    x: vectorFromArray(Array.from({ length: rows }, (_, i) => (i === 1 ? Number.NaN : i / 2)), new Float64()),
    ok: vectorFromArray(Array.from({ length: rows }, (_, i) => i % 2 === 0), new Bool()),
    name: vectorFromArray(Array.from({ length: rows }, (_, i) => (i === 2 ? null : `row ${i}`)), new Utf8()),
    colour: vectorFromArray(Array.from({ length: rows }, (_, i) => ['red', 'green'][i % 2]!), new Dictionary(new Utf8(), new Int32())),
    blob: vectorFromArray(blobs, new Binary()),
  };
  return new Table(columns);
}

describe('browse result files', () => {
  it('pages through an Arrow IPC file with JSON-safe values', async () => {
    const file = path.join(dir, 'browse-t1.arrow');
    fs.writeFileSync(file, tableToIPC(sampleTable(250), 'file'));
    const reader = new BrowseReader();
    const first = await reader.page(file, 0, 4);
    expect(first.total).toBe(250);
    expect(first.offset).toBe(0);
    expect(first.rows).toEqual([
      { id: '0', n: 0, x: 0, ok: true, name: 'row 0', colour: 'red', blob: null },
      { id: '10000000000', n: 1, x: 'NaN', ok: false, name: 'row 1', colour: 'green', blob: Buffer.from([1, 255]).toString('base64') },
      { id: '20000000000', n: 2, x: 1, ok: true, name: null, colour: 'red', blob: Buffer.from([2, 255]).toString('base64') },
      { id: '30000000000', n: 3, x: 1.5, ok: false, name: 'row 3', colour: 'green', blob: null },
    ]);
    expect(JSON.parse(JSON.stringify(first.rows))).toEqual(first.rows);
    const last = await reader.page(file, 240, 100);
    expect(last.rows.map((r) => r.n)).toEqual([240, 241, 242, 243, 244, 245, 246, 247, 248, 249]);
    expect((await reader.page(file, 300, 10)).rows).toEqual([]);
  });

  it('reads an Arrow file written as several record batches', async () => {
    const batch = (from: number, rows: number) => new Table({ n: makeVector(Int32Array.from({ length: rows }, (_, i) => from + i)) }).batches[0]!;
    const table = new Table([batch(0, 3), batch(3, 5)]);
    expect(table.batches).toHaveLength(2);
    const file = path.join(dir, 'browse-multi.arrow');
    fs.writeFileSync(file, tableToIPC(table, 'file'));
    const page = await new BrowseReader().page(file, 2, 3);
    expect(page.total).toBe(8);
    expect(page.rows).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }]);
  });

  it('says what is wrong with a missing or broken file', async () => {
    const reader = new BrowseReader();
    await expect(reader.page(path.join(dir, 'browse-none.arrow'), 0, 1)).rejects.toThrow(/no browse result browse-none\.arrow/);
    const broken = path.join(dir, 'browse-broken.arrow');
    fs.writeFileSync(broken, 'not arrow at all');
    await expect(reader.page(broken, 0, 1)).rejects.toThrow(/not an Arrow IPC file/);
  });

  it('makes every cell JSON-safe', () => {
    expect(previewValue(2n ** 63n - 1n)).toBe('9223372036854775807');
    expect(previewValue(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(previewValue(new Date(Date.UTC(2026, 10, 21)))).toBe('2026-11-21T00:00:00.000Z');
    expect(previewValue(undefined)).toBeNull();
  });
});

