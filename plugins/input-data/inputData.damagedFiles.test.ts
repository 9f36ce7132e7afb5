// Damaged Parquet, Arrow and .xlsx files: every error names the file and says what is wrong
// (before: 'The value of "position" is out of range', "FILE_ENDED", "invalid signature: 0x…",
// "uncaught exception: unreachable", or an update-only timeout), and a zip bomb is refused unread.
import { crc32, deflateRawSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
