// The reshape benchmark's workflow stays valid as the tools change, and still gives DuckDB's answer.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
// @ts-expect-error: plain ESM bench modules without type declarations
import { compareReshape } from './compareReshape.mjs';
// @ts-expect-error: plain ESM bench modules without type declarations
import { generateCsv } from './generateCsv.mjs';
// @ts-expect-error: plain ESM bench modules without type declarations
import { reshapeWorkflow } from './workflows.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-reshape-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const job = (script: string, args: string[]) => {
  const result = spawnSync(process.execPath, [path.join(import.meta.dirname, 'jobs', script), ...args], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}');
};

it('runs Text To Columns, RegEx, Multi-Row Formula, Transpose and Cross Tab to the same rows as DuckDB', async () => {
  const csv = await generateCsv(path.join(work, 'data.csv'), 5000);
  const flow = path.join(work, 'reshape.weft.json');
  fs.writeFileSync(flow, JSON.stringify(reshapeWorkflow(csv, path.join(work, 'weft.csv'))));
  const weft = job('weftRun.mjs', [flow, path.join(work, 'home')]);
  expect(weft.failures).toEqual([]);
  job('duckdbReshape.mjs', [csv, path.join(work, 'duckdb.csv')]);
  const compared = compareReshape(path.join(work, 'duckdb.csv'), path.join(work, 'weft.csv'));
  expect(compared.detail).toBe('96 rows match');
  expect(compared.match).toBe(true);
});
