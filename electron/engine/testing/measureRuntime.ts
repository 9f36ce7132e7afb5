/**
 * Measures the runtime's own costs (not a test; numbers go to docs/architecture.md):
 * `node scripts/measureRuntime.mjs`
 */
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { projectRoot } from '../compiledPath.js';
import { packetFromColumns } from '../../../shared/sdk/packetFactory.js';
import { decodePacket, encodePacket } from '../runtime/packets/packetWire.js';
import { createTestEngine } from './runTestWorkflow.js';
import { testWorkflow, type TestConnectionSpec, type TestToolSpec } from './testWorkflow.js';

const fixtures = path.join(projectRoot, 'electron/engine/runtime/fixtures/lifecycle-tools');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 100) / 100;
}

async function timed(times: number, task: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function chain(length: number, lastConfig: Record<string, unknown> = {}) {
  const tools: Record<string, TestToolSpec> = { t0: { plugin: 'lt/source', config: { rows: 1 } } };
  const connections: TestConnectionSpec[] = [];
  for (let i = 1; i < length; i++) {
    tools[`t${i}`] = { plugin: 'lt/recorder', config: i === length - 1 ? lastConfig : {} };
    connections.push([`t${i - 1}.Output`, `t${i}.Input`]);
  }
  return testWorkflow(tools, connections);
}

function packetCosts(): Record<string, number> {
  const rows = 65536;
  const make = () => packetFromColumns(
    { fields: [{ name: 'a', type: 'double' }, { name: 'b', type: 'int32' }, { name: 'c', type: 'int64' }] },
    { a: new Float64Array(rows).fill(1.5), b: new Int32Array(rows).fill(2), c: new BigInt64Array(rows).fill(3n) },
  );
  const { port1, port2 } = new MessageChannel();
  const samples = { transfer: [] as number[], clone: [] as number[], decode: [] as number[] };
  for (let i = 0; i < 200; i++) {
    const packet = make();
    let start = performance.now();
    const { wire, transfer } = encodePacket(packet);
    port1.postMessage(wire, transfer);
    const received = receiveMessageOnPort(port2)!.message;
    samples.transfer.push(performance.now() - start);
    start = performance.now();
    decodePacket(received, packet.metadata).column('a');
    samples.decode.push(performance.now() - start);
    const again = encodePacket(make());
    start = performance.now();
    port1.postMessage(again.wire);
    receiveMessageOnPort(port2);
    samples.clone.push(performance.now() - start);
  }
  port1.close();
  return {
    'encode+transfer+receive, 64k rows x 3 numeric cols (1.25 MB), ms': median(samples.transfer),
    'structured-clone copy of the same packet (one fan-out extra), ms': median(samples.clone),
    'decode (rebuild Arrow table) + column(), ms': median(samples.decode),
  };
}

async function main(): Promise<void> {
  const engine = await createTestEngine({ pluginDirs: [fixtures] });
  try {
    const results: Record<string, number> = packetCosts();
    const three = chain(3);
    await engine.run(three);
    results['full run, 3 tools (source → 2 recorders), warm workers, ms'] = await timed(15, () => engine.run(three));
    const ten = chain(10);
    await engine.run(ten, { mode: 'update', useCache: false });
    results['update-only, 10 tools, nothing cached, ms'] = await timed(15, () => engine.run(ten, { mode: 'update', useCache: false }));
    let edit = 0;
    results['update-only, 10 tools, last tool edited (9 cached), ms'] = await timed(15, () =>
      engine.run(chain(10, { delayMs: ++edit }), { mode: 'update' }));
    const big = testWorkflow({ s: { plugin: 'lt/source', config: { rows: 2_000_000, packetSize: 65536 } }, r: { plugin: 'lt/recorder' } },
      [['s.Output', 'r.Input']]);
    results['full run, 2M rows source → recorder (pass-through), ms'] = await timed(3, () => engine.run(big));
    const fan = testWorkflow({
      s: { plugin: 'lt/source', config: { rows: 2_000_000, packetSize: 65536 } },
      r1: { plugin: 'lt/recorder' }, r2: { plugin: 'lt/recorder' }, r3: { plugin: 'lt/recorder' },
    }, [['s.Output', 'r1.Input'], ['s.Output', 'r2.Input'], ['s.Output', 'r3.Input']]);
    results['full run, 2M rows fanned out to 3 recorders, ms'] = await timed(3, () => engine.run(fan));
    for (const [what, value] of Object.entries(results)) console.log(`${value}\t${what}`);
  } finally {
    await engine.dispose();
  }
}

await main();
