// Values that cannot be kept as they are in the file are never changed silently: integers past
// 2^53 in NDJSON/JSON stay exact (int64, as CSV already did), and what does change (an integer
// beyond int64, 1e999, invalid UTF-8) is warned about with a count and the first line (CSV: and field).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow } from '../../electron/engine/testing/index.js';
import type { TestEngine } from '../../electron/engine/testing/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'weft-value-changes-'));
let engine: TestEngine;
beforeAll(async () => { engine = await createTestEngine(); });
afterAll(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function read(name: string, content: string | Buffer) {
  writeFileSync(path.join(dir, name), content);
  const { summary, previews } = await engine.run(testWorkflow({ t1: { plugin: 'weft/input-data', config: { path: name } } }), { workflowDir: dir });
  expect(summary.status).toBe('ok');
  return {
    types: summary.tools.t1.outputs.Output.metadata.fields.map((f) => `${f.name}:${f.type}`),
    rows: previews['t1.Output'],
    warnings: summary.tools.t1.messages.filter((m) => m.level === 'warn').map((m) => m.text),
  };
}

describe('input-data keeps JSON numbers exact or says what changed', () => {
  it('NDJSON: integers past 2^53 stay exact as int64, without a warning', async () => {
    const { types, rows, warnings } = await read('big.ndjson', '{"id":9007199254740993,"n":1}\n{"id":-9223372036854775808,"n":2}\n{"id":3,"n":3}\n');
    expect(types).toEqual(['id:int64', 'n:int32']);
    expect(rows.map((r) => r.id)).toEqual(['9007199254740993', '-9223372036854775808', '3']);
    expect(warnings).toEqual([]);
  });

  it('JSON array: the same', async () => {
    const { types, rows } = await read('big.json', '[{"id":9007199254740993},{"id":12345678901234567}]');
    expect(types).toEqual(['id:int64']);
    expect(rows.map((r) => r.id)).toEqual(['9007199254740993', '12345678901234567']);
  });

  it('an integer beyond int64 and 1e999: read as double and Infinity, with a warning naming the first line', async () => {
    const { types, warnings } = await read('huge.ndjson', '{"a":1,"b":1.5}\n{"a":99999999999999999999,"b":1e999}\n{"a":2,"b":-1e999}\n');
    expect(types).toEqual(['a:double', 'b:double']);
    expect(warnings).toContain('huge.ndjson: 1 integer(s) beyond the int64 range were read as double, keeping about 15 significant digits (first at line 2: 99999999999999999999); quote them and set the field\'s type to keep them as text');
    expect(warnings).toContain('huge.ndjson: 2 number(s) too large for a double were read as Infinity (first at line 2: 1e999); quote them and set the field\'s type to keep them as text');
  });

  it('invalid UTF-8: replaced by U+FFFD with a warning; a genuine U+FFFD is not counted', async () => {
    const text = Buffer.concat([Buffer.from('{"s":"ok \uFFFD"}\n{"s":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('b"}\n{"s":"c'), Buffer.from([0xc3]), Buffer.from('"}\n')]);
    const { rows, warnings } = await read('bytes.ndjson', text);
    expect(rows.map((r) => r.s)).toEqual(['ok \uFFFD', 'a\uFFFD\uFFFDb', 'c\uFFFD']);
    expect(warnings).toEqual(['bytes.ndjson: 3 byte sequence(s) that are not valid UTF-8 were replaced by U+FFFD (first at line 2)']);
  });

  it('JSON array: invalid UTF-8 is warned about with its line', async () => {
    const text = Buffer.concat([Buffer.from('[{"s":"ok"},\n{"s":"a'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}]')]);
    const { rows, warnings } = await read('bytes.json', text);
    expect(rows.map((r) => r.s)).toEqual(['ok', 'a\uFFFD\uFFFD']);
    expect(warnings).toEqual(['bytes.json: 2 byte sequence(s) that are not valid UTF-8 were replaced by U+FFFD (first at line 2)']);
  });
});

describe('input-data says what changed in a CSV file', () => {
  it('invalid UTF-8: counted with the first line and field; a genuine U+FFFD is not counted', async () => {
    const text = Buffer.concat([
      Buffer.from('id,name,note\n1,ok \uFFFD,x\n2,"quoted, '), Buffer.from([0xe9]), Buffer.from('t\u00e9",y\n'),
      Buffer.from('3,b,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n'),
    ]);
    const { rows, warnings } = await read('bytes.csv', text);
    expect(rows.map((r) => r.name)).toEqual(['ok \uFFFD', 'quoted, \uFFFDt\u00e9', 'b']);
    expect(rows[2].note).toBe('\uFFFD\uFFFD');
    expect(warnings).toEqual(['bytes.csv: 3 byte sequence(s) that are not valid UTF-8 were replaced by U+FFFD (first at line 3, field "name": "quoted, \uFFFDté"); check the file\'s encoding']);
  });

  it('an integer beyond int64 makes the field double: the rounded integers and 1e999 are warned about with line and field', async () => {
    const csv = 'id,big,x\n1,12,1.5\n2,99999999999999999999,1e999\n3,9007199254740993,-1e999\n4,9007199254740992,2.5\n';
    const { types, rows, warnings } = await read('numbers.csv', csv);
    expect(types).toEqual(['id:int32', 'big:double', 'x:double']);
    expect(rows.map((r) => r.x)).toEqual([1.5, 'Infinity', '-Infinity', 2.5]);
    expect(warnings).toEqual([
      'numbers.csv: 2 integer(s) too long for a double were rounded to about 15 significant digits (first at line 3, field "big": "99999999999999999999"); set the field\'s type to v_wstring or fixeddecimal to keep them as written',
      'numbers.csv: 2 number(s) too large for the field\'s type were read as Infinity (first at line 3, field "x": "1e999"); set the field\'s type to v_wstring to keep them as written',
    ]);
  });

  it('a clean file gives no warning', async () => {
    const { warnings } = await read('clean.csv', 'a,b,c\n1,9007199254740992,caf\u00e9\n2,1e300,\uFFFD\n');
    expect(warnings).toEqual([]);
  });
});
