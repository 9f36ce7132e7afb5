/** The two-thread read of a large UTF-8 CSV file: even ranges parsed here, odd ones in csvParseWorker.ts (csvChunks.ts). */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Dictionary, Int32, RecordBatch, Utf8 } from 'apache-arrow';
import { CsvBatchParser } from './csvBatchParser.js';
import { RangeReader, batchFromWire, chunkBoundaries, parseRangeBatches, rangeProgress } from './csvChunks.js';
import type { ChunkParserOptions, WireBatch } from './csvChunks.js';
import type { ParseReply, ParseRequest } from './csvParseWorker.js';
import type { CsvOptions } from './csvReadOptions.js';
import { addCounts, copyCsvReport, type CsvProgress, type CsvReadReport } from './csvReadReport.js';

/**
 * The even ranges parsed here, the odd ones in a worker one range ahead. Stops at the first range
 * that does not end exactly at its cut, or has a malformed row, leaving `at` at a sure row start
 * (the worker's range's start, or just after the last batch handed on from a range parsed here)
 * for the serial parser, which then gives the exact result or error.
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
  const reader = new RangeReader(options.path);
  try {
    let ahead = request(1);
    for (let i = 0; i < ranges; i++) {
      const last = i === ranges - 1;
      if (i % 2 === 0) {
        // Parsed here batch by batch: each is handed on before the next is parsed, and a range that
        // does not end at its cut hands over to the serial parser after the last batch handed on.
        const base = copyCsvReport(report);
        const done = rangeProgress();
        const parser = new CsvBatchParser({ ...parserOptions, firstLine: 1, dictionaryTypes });
        for (const batch of parseRangeBatches(reader.read(cuts[i], cuts[i + 1]), parser, last, done)) {
          Object.assign(report, copyCsvReport(base));
          addCounts(report, done.counts, at.line);
          yield batch;
        }
        Object.assign(report, copyCsvReport(base));
        addCounts(report, done.counts, at.line);
        at.offset = cuts[i] + done.pos;
        at.line += done.lines;
        if (done.error || (!done.complete && !last)) return;
      } else {
        const reply = await ahead;
        if (i + 2 < ranges) ahead = request(i + 2);
        if ('failure' in reply) return;
        const result = reply.result;
        if (result.error || (!result.complete && !last)) return;
        addCounts(report, result, at.line);
        at.offset = cuts[i + 1];
        at.line += result.lines;
        // rebuilt one at a time, so the wire buffers of the batches not handed on yet stay plain
        for (let b = 0; b < result.batches.length; b++) {
          const batch = batchFromWire(result.batches[b], parserOptions.fields, dictionaryTypes);
          result.batches[b] = EMPTY_WIRE;
          yield batch;
        }
      }
      progress?.({ bytesRead: cuts[i + 1], size });
    }
  } finally {
    void worker.terminate();
  }
}

const EMPTY_WIRE: WireBatch = { length: 0, columns: [] };

/** the compiled worker beside this module (under vitest this module runs from its .ts source) */
function parseWorkerPath(): string {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return here.replace(/csvParallelRead\.js$/, 'csvParseWorker.js');
  return here.replace(/([\\/])plugins([\\/])/, '$1dist$1plugins$2').replace(/csvParallelRead\.ts$/, 'csvParseWorker.js');
}
