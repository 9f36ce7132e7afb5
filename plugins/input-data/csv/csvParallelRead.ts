/** The two-thread read of a large UTF-8 CSV file: even ranges parsed here, odd ones in csvParseWorker.ts (csvChunks.ts). */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Dictionary, Int32, RecordBatch, Utf8 } from 'apache-arrow';
import { batchFromWire, chunkBoundaries, parseChunk, readRange } from './csvChunks.js';
import type { ChunkParserOptions, ChunkResult } from './csvChunks.js';
import type { ParseReply, ParseRequest } from './csvParseWorker.js';
import type { CsvOptions } from './csvReadOptions.js';
import { addCounts, type CsvProgress, type CsvReadReport } from './csvReadReport.js';

/**
 * The even ranges parsed here, the odd ones in a worker one range ahead. Stops at the first range
 * that does not end exactly at its cut, or has a malformed row, leaving `at` at that range's start
 * (a sure row start) for the serial parser, which then gives the exact result or error.
 */
export async function* readParallel(
  options: CsvOptions, parserOptions: ChunkParserOptions, dictionaryTypes: Dictionary<Utf8, Int32>[], size: number, rangeBytes: number,
  at: { offset: number; line: number }, report: CsvReadReport, progress?: (p: CsvProgress) => void,
): AsyncGenerator<RecordBatch> {
  const cuts = chunkBoundaries(options.path, at.offset, size, rangeBytes);
  const ranges = cuts.length - 1;
  if (ranges < 2) return;
  const worker = new Worker(parseWorkerPath(), { workerData: { path: options.path, options: parserOptions } });
  const waiting = new Map<number, (reply: ParseReply) => void>();
  const failAll = (message: string) => {
    for (const [id, resolve] of waiting) resolve({ id, failure: message });
    waiting.clear();
  };
  worker.on('message', (reply: ParseReply) => { waiting.get(reply.id)?.(reply); waiting.delete(reply.id); });
  worker.on('error', (error) => failAll(error.message));
  worker.on('exit', () => failAll('the parser thread stopped'));
  const request = (i: number) => new Promise<ParseReply>((resolve) => {
    waiting.set(i, resolve);
    worker.postMessage({ id: i, start: cuts[i], end: cuts[i + 1], last: i === ranges - 1 } satisfies ParseRequest);
  });
  try {
    let ahead = request(1);
    for (let i = 0; i < ranges; i++) {
      const last = i === ranges - 1;
      let result: ChunkResult;
      if (i % 2 === 0) {
        result = parseChunk(readRange(options.path, cuts[i], cuts[i + 1]), parserOptions, last, dictionaryTypes);
      } else {
        const reply = await ahead;
        if (i + 2 < ranges) ahead = request(i + 2);
        if ('failure' in reply) return;
        result = { ...reply.result, batches: reply.result.batches.map((b) => batchFromWire(b, parserOptions.fields, dictionaryTypes)) };
      }
      if (result.error || (!result.complete && !last)) return;
      addCounts(report, result, at.line);
      at.offset = cuts[i + 1];
      at.line += result.lines;
      for (const batch of result.batches) yield batch;
      progress?.({ bytesRead: cuts[i + 1], size });
    }
  } finally {
    void worker.terminate();
  }
}

/** the compiled worker beside this module (under vitest this module runs from its .ts source) */
function parseWorkerPath(): string {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return here.replace(/csvParallelRead\.js$/, 'csvParseWorker.js');
  return here.replace(/([\\/])plugins([\\/])/, '$1dist$1plugins$2').replace(/csvParallelRead\.ts$/, 'csvParseWorker.js');
}
