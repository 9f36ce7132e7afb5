// Damaged Parquet, Arrow and .xlsx files: every error names the file and says what is wrong
// (before: 'The value of "position" is out of range', "FILE_ENDED", "invalid signature: 0x…",
// "uncaught exception: unreachable", or an update-only timeout), and a zip bomb is refused unread.
import { crc32, deflateRawSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RecordBatchReader, Table, tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow } from '../../electron/engine/testing/index.js';
import type { TestEngine } from '../../electron/engine/testing/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'weft-damaged-'));
let engine: TestEngine;
const good: Record<string, Buffer> = {};
beforeAll(async () => {
  engine = await createTestEngine();
  writeFileSync(path.join(dir, 'in.csv'), `a,b\n${Array.from({ length: 1000 }, (_, i) => `${i},x${i}`).join('\n')}\n`);
  for (const ext of ['parquet', 'arrow', 'xlsx']) {
    const wf = testWorkflow({
      t1: { plugin: 'weft/input-data', config: { path: 'in.csv' } },
      t2: { plugin: 'weft/output-data', config: { path: `good.${ext}` } },
    }, [['t1.Output', 't2.Input']]);
    expect((await engine.run(wf, { workflowDir: dir })).summary.status).toBe('ok');
    good[ext] = readFileSync(path.join(dir, `good.${ext}`));
  }
}, 60_000);
afterAll(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function messagesOf(name: string, bytes: Buffer, mode: 'update' | 'full'): Promise<string> {
  writeFileSync(path.join(dir, name), bytes);
  const { summary } = await engine.run(testWorkflow({ t1: { plugin: 'weft/input-data', config: { path: name } } }), { workflowDir: dir, mode, timeoutMs: 30_000 });
  expect(summary.tools.t1.status).toBe('error');
  return summary.tools.t1.messages.map((m) => m.text).join('\n');
}

const damaged = (bytes: Buffer): Record<string, Buffer> => ({
  truncated: bytes.subarray(0, Math.floor(bytes.length / 2)),
  tail: Buffer.concat([bytes.subarray(0, bytes.length - 30), Buffer.alloc(22, 0x7f), bytes.subarray(bytes.length - 8)]),
  junk: Buffer.from('hello, this is not a file of that format'),
});

describe('damaged files: errors name the file and say what is wrong', () => {
  for (const ext of ['parquet', 'arrow', 'xlsx']) {
    it(`.${ext}: truncated, a damaged end, junk`, async () => {
      for (const [kind, bytes] of Object.entries(damaged(good[ext]))) {
        const text = await messagesOf(`${kind}.${ext}`, bytes, 'full');
        expect(text).toMatch(new RegExp(`^${kind}\\.${ext}: not (a|an) `));
        expect(text).not.toMatch(/position|FILE_ENDED|Cannot read properties|timed out/);
      }
    });
  }

  it('a Parquet file with a damaged row group: the error names the file and the row group', async () => {
    const bytes = Buffer.concat([good.parquet.subarray(0, 20), Buffer.alloc(200, 0xff), good.parquet.subarray(220)]);
    expect(await messagesOf('rows.parquet', bytes, 'full')).toContain('rows.parquet: row group 1 of 1 is damaged and cannot be decoded');
  });

  it('an Arrow file whose record batch in the middle is damaged fails naming the file and the batch (it used to spin)', async () => {
    const table = tableFromArrays({ n: Int32Array.from({ length: 5000 }, (_, i) => i), x: Float64Array.from({ length: 5000 }, (_, i) => i / 4) });
    const bytes = Buffer.from(tableToIPC(new Table([0, 1, 2, 3, 4].flatMap((b) => table.slice(b * 1000, (b + 1) * 1000).batches)), 'file'));
    // the third batch's message says it is a Schema (1) or a DictionaryBatch (2): the reader went back to it forever
    for (const headerType of [1, 2]) {
      const text = await messagesOf(`mid${headerType}.arrow`, withHeaderType(bytes, 2, headerType), 'full');
      expect(text).toMatch(new RegExp(`^mid${headerType}\\.arrow: record batch 3 of 5 is damaged and cannot be read`));
    }
    // its list of buffers claims 2^28 entries: the decoder looped over them for hours
    const text = await messagesOf('buffers.arrow', withBufferCount(bytes, 2, 1 << 28), 'full');
    expect(text).toMatch(/^buffers\.arrow: record batch 3 of 5 is damaged and cannot be read \(its metadata claims 268435456 entries/);
  }, 60_000);

  it('a sound Arrow file with dictionary batches reads whole (its schema comes from the footer alone)', async () => {
    const table = tableFromArrays({ s: Array.from({ length: 2000 }, (_, i) => `v${i % 7}`) });
    writeFileSync(path.join(dir, 'dict.arrow'), tableToIPC(new Table([...table.slice(0, 1000).batches, ...table.slice(1000).batches]), 'file'));
    const { summary } = await engine.run(testWorkflow({ t1: { plugin: 'weft/input-data', config: { path: 'dict.arrow' } } }), { workflowDir: dir });
    expect(summary.tools.t1.status).toBe('ok');
    expect(summary.tools.t1.outputs.Output.records).toBe(2000);
  });

  it('an .xlsx damaged inside its zip data: named', async () => {
    const bytes = Buffer.concat([good.xlsx.subarray(0, 40), Buffer.alloc(200, 0xff), good.xlsx.subarray(240)]);
    expect(await messagesOf('inside.xlsx', bytes, 'full')).toMatch(/^inside\.xlsx: not a readable \.xlsx file/);
  });

  it('a zip without xl/workbook.xml is not an Excel workbook', async () => {
    const text = await messagesOf('plain.xlsx', zip({ 'readme.txt': Buffer.from('hello') }), 'full');
    expect(text).toContain('plain.xlsx: not an Excel workbook: the zip archive has no xl/workbook.xml');
  });

  it('a zip bomb (300 MB of shared strings in 300 KB) is refused before anything inflates', async () => {
    const bomb = zip({ 'xl/workbook.xml': Buffer.from('<workbook/>'), 'xl/sharedStrings.xml': Buffer.alloc(300 * 1024 * 1024, 0x20) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const text = await messagesOf('bomb.xlsx', bomb, 'update');
    expect(text).toMatch(/bomb\.xlsx: refused: xl\/sharedStrings\.xml inflates from \d+ KB to 300 MB \(over 200 times\)/);
  });
});

/** `file` (an Arrow IPC file) with record batch `index`'s message header type set to `type` (a byte of the Message flatbuffer) */
function withHeaderType(file: Buffer, index: number, type: number): Buffer {
  const reader = RecordBatchReader.from(new Uint8Array(file));
  reader.open();
  const footer = (reader as unknown as { _impl: { footer: { getRecordBatch(i: number): { offset: number } } } })._impl.footer;
  const out = Buffer.from(file);
  // continuation marker and metadata length, then the Message table: its vtable's second field is header_type
  const root = Number(footer.getRecordBatch(index).offset) + 8;
  const table = root + out.readUInt32LE(root);
  const vtable = table - out.readInt32LE(table);
  out[table + out.readUInt16LE(vtable + 4 + 2)] = type;
  return out;
}

/** `file` with record batch `index`'s buffer list claiming `count` entries */
function withBufferCount(file: Buffer, index: number, count: number): Buffer {
  const out = withHeaderType(file, index, 3);
  const reader = RecordBatchReader.from(new Uint8Array(file));
  reader.open();
  const root = Number(reader.footer!.getRecordBatch(index)!.offset) + 8;
  const field = (table: number, i: number) => table + out.readUInt16LE(table - out.readInt32LE(table) + 4 + 2 * i);
  const message = root + out.readUInt32LE(root);
  const headerAt = field(message, 2);
  const batch = headerAt + out.readUInt32LE(headerAt);
  const buffersAt = field(batch, 2);
  out.writeUInt32LE(count, buffersAt + out.readUInt32LE(buffersAt));
  return out;
}

/** a zip archive of deflated entries (enough of the format for these tests) */
function zip(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    header.copy(central, 8, 6, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
