/**
 * Runs one transform tool through the real engine (test harness, worker threads) fed by the test
 * kit's Arrow source, and returns every output anchor's rows (JSON-safe preview rows: int64 as
 * decimal strings) plus the run summary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PreviewRow, RunMode, RunSummary } from '../../../shared/runEvents.js';
import { createTestEngine, testWorkflow, type TestEngine, type TestToolSpec } from '../../../electron/engine/testing/index.js';
import { writeDataFile, type TestData } from './testData.js';

export const testkitDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export interface ToolRun {
  summary: RunSummary;
  /** anchor → rows */
  outputs: Record<string, PreviewRow[]>;
  messages: string[];
}

export function engineWithTestkit(): Promise<TestEngine> {
  return createTestEngine({ pluginDirs: [testkitDir] });
}

export interface RunToolOptions {
  mode?: RunMode;
  packetRows?: number;
  /** more sources: anchor name (e.g. "Right") → data; `data` feeds the first input anchor */
  inputs?: { anchor: string; data: TestData; connectionName?: string }[];
}

/** runs `tool` with `config`, its input anchor(s) fed by Arrow sources */
export async function runTool(
  engine: TestEngine, tool: string, config: Record<string, unknown>, data: TestData | null, options: RunToolOptions = {},
): Promise<ToolRun> {
  const tools: Record<string, TestToolSpec> = { t: { plugin: `weft/${tool}`, config } };
  const connections: ([string, string] | [string, string, string])[] = [];
  const feeds = options.inputs ?? (data ? [{ anchor: 'Input', data }] : []);
  const dirs: string[] = [];
  feeds.forEach((feed, i) => {
    const file = writeDataFile(feed.data);
    dirs.push(path.dirname(file));
    tools[`s${i}`] = { plugin: 'c3kit/arrow-source', config: { file, fields: feed.data.fields, packetRows: options.packetRows ?? 1000 } };
    connections.push(feed.connectionName ? [`s${i}.Output`, `t.${feed.anchor}`, feed.connectionName] : [`s${i}.Output`, `t.${feed.anchor}`]);
  });
  try {
    const { summary, previews } = await engine.run(testWorkflow(tools, connections), { mode: options.mode ?? 'full', previewRows: 10_000_000 });
    const outputs: Record<string, PreviewRow[]> = {};
    for (const [key, rows] of Object.entries(previews)) if (key.startsWith('t.')) outputs[key.slice(2)] = rows;
    const messages = summary.tools.t?.messages.map((m) => `${m.level}: ${m.text}`) ?? [];
    // a failure outside the tool under test (a source, the engine) is never what a test means to check
    const elsewhere = Object.entries(summary.tools).filter(([id, t]) => id !== 't' && t.status === 'error');
    if (elsewhere.length > 0) throw new Error(`run failed outside the tool: ${JSON.stringify(elsewhere)}`);
    if (!summary.tools.t) throw new Error(`the tool did not run: ${JSON.stringify(summary)}`);
    // reading rows of a tool that failed is a test bug or an environment fault: say which, with its messages
    const failed = summary.tools.t.status === 'error';
    const guarded = new Proxy(outputs, {
      get(target, key) {
        if (typeof key === 'string' && !(key in target) && failed) throw new Error(`no rows on ${key}: the tool failed: ${messages.join(' | ')}`);
        return Reflect.get(target, key);
      },
    });
    return { summary, outputs: guarded, messages };
  } finally {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}
