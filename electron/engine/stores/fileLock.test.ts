import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distRoot } from '../compiledPath.js';
import { withFileLock } from './fileLock.js';

const compiledLock = path.join(distRoot, 'electron', 'engine', 'stores', 'fileLock.js');
let dir: string;
let lockFile: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-lock-'));
  lockFile = path.join(dir, 'data.lock');
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

/** another Node process that takes the lock, says "locked", holds it `holdMs`, then releases it */
async function holdInOtherProcess(holdMs: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [
    '--input-type=module',
    '-e',
    `
      import { withFileLock } from ${JSON.stringify(compiledLock)};
      await withFileLock(process.argv[1], async () => {
        process.stdout.write('locked\\n');
        await new Promise((resolve) => setTimeout(resolve, Number(process.argv[2])));
        process.stdout.write('releasing\\n');
      });
    `,
    lockFile,
    String(holdMs),
  ]);
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
  return child;
}

describe('cross-process file lock', () => {
  it('serialises tasks in one process', async () => {
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push(`${name} out`);
    };
    await Promise.all([withFileLock(lockFile, task('a')), withFileLock(lockFile, task('b'))]);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('a lock held by a live process for longer than 10 s is not taken from it', async () => {
    const holder = await holdInOtherProcess(12_000);
    let holderReleased = false;
    holder.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('releasing')) holderReleased = true;
    });
    const waitedFrom = Date.now();
    const sawHolderDone = await withFileLock(lockFile, async () => holderReleased);
    expect(sawHolderDone, 'the lock was taken while its live owner still held it').toBe(true);
    console.log(`waited ${Date.now() - waitedFrom} ms for a live 12 s holder`);
  }, 30_000);

  it('the lock of a killed process is taken over once stale', async () => {
    const holder = await holdInOtherProcess(60_000);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(fs.existsSync(lockFile)).toBe(true);
    const ran = await withFileLock(lockFile, async () => 'ran', { staleMs: 2_000, giveUpMs: 10_000 });
    expect(ran).toBe('ran');
  }, 20_000);

  it('gives up with the lock named when another process keeps it', async () => {
    await holdInOtherProcess(10_000);
    await expect(withFileLock(lockFile, async () => 'x', { giveUpMs: 300 })).rejects.toThrow(/data\.lock: lock held by another process/);
  }, 20_000);
});
