import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const rows = (n: number): TestData => ({ fields: [{ name: 'v', type: 'v_string' }], columns: { v: Array.from({ length: n }, (_, i) => `r${i}`) } });

describe('record id through the engine', () => {
  it('adds the id field first by default, in update-only', async () => {
    const { summary } = await runTool(engine, 'record-id', {}, rows(3), { mode: 'update' });
    expect(summary.tools.t.outputs.Output.metadata.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['RecordID:int32', 'v:v_string']);
  });

  it('numbers rows across packets from the start value', async () => {
    const { outputs } = await runTool(engine, 'record-id', { start: 10 }, rows(5), { packetRows: 2 });
    expect(outputs.Output.map((r) => r.RecordID)).toEqual([10, 11, 12, 13, 14]);
  });

  it('writes int64 ids beyond 2^53 and string ids, last', async () => {
    const big = await runTool(engine, 'record-id', { type: 'int64', start: 9007199254740990, position: 'last', fieldName: 'n' }, rows(3));
    expect(big.outputs.Output.map((r) => r.n)).toEqual(['9007199254740990', '9007199254740991', '9007199254740992']);
    const text = await runTool(engine, 'record-id', { type: 'string', fieldName: 'key' }, rows(2));
    expect(text.outputs.Output).toEqual([{ key: '1', v: 'r0' }, { key: '2', v: 'r1' }]);
  });

  it('keeps ids exact past 2^53 across packets of 1 to 3 rows, for int64 and string ids', async () => {
    const start = 9007199254740990;
    const expected = Array.from({ length: 7 }, (_, i) => String(BigInt(start) + BigInt(i)));
    for (const packetRows of [1, 2, 3]) {
      for (const type of ['int64', 'string']) {
        const run = await runTool(engine, 'record-id', { type, start, fieldName: 'n' }, rows(7), { packetRows });
        expect(run.outputs.Output.map((r) => r.n), `${type}, packets of ${packetRows}`).toEqual(expected);
      }
    }
  });

  it('counts on exactly from the largest start a JSON number holds', async () => {
    const run = await runTool(engine, 'record-id', { type: 'int64', start: Number.MAX_SAFE_INTEGER }, rows(2));
    expect(run.summary.tools.t.status).not.toBe('error');
    expect(run.outputs.Output.map((r) => r.RecordID)).toEqual(['9007199254740991', '9007199254740992']);
  });

  it('numbers a large stream', async () => {
    const { summary, outputs } = await runTool(engine, 'record-id', { start: 0 }, rows(100_000), { packetRows: 8192 });
    expect(summary.tools.t.outputs.Output.records).toBe(100_000);
    expect(outputs.Output.every((r, i) => r.RecordID === i)).toBe(true);
  });

  it('refuses a name the input already has, and an int32 overflow', async () => {
    const clash = await runTool(engine, 'record-id', { fieldName: 'V' }, rows(1), { mode: 'update' });
    expect(clash.messages.join()).toMatch(/already has a field "V"/);
    const overflow = await runTool(engine, 'record-id', { start: 2147483647 }, rows(2));
    expect(overflow.summary.tools.t.status).toBe('error');
    expect(overflow.messages.join()).toMatch(/does not fit in int32/);
  });
});
