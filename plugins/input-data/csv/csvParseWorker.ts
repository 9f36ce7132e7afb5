/**
 * The second CSV parser thread: parses the byte ranges it is asked for (reading them from the file
 * itself) and sends each range's batches back in transferred slabs (csvChunks.ts `WireSlabs`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CsvBatchParser } from './csvBatchParser.js';
import { RangeReader, WireSlabs, chunkResult, parseRangeBatches, rangeProgress } from './csvChunks.js';
import type { ChunkParserOptions, ChunkResult, WireBatch } from './csvChunks.js';

export interface ParseRequest {
  id: number;
  start: number;
  end: number;
  last: boolean;
}

export type ParseReply =
  | { id: number; result: Omit<ChunkResult, 'batches'> & { batches: WireBatch[] } }
  | { id: number; failure: string };

const { path, options } = workerData as { path: string; options: ChunkParserOptions };
const reader = new RangeReader(path);
// One parser for every range: each batch is copied into the slabs before the next is parsed, so
// its column buffers are reused (a new parser per range left ~2.5 MB of them to the next GC).
const parser = new CsvBatchParser({ ...options, firstLine: 1, reuseBuilders: true });

parentPort!.on('message', (request: ParseRequest) => {
  try {
    parser.restart(1);
    const done = rangeProgress();
    const slabs = new WireSlabs();
    const batches: WireBatch[] = [];
    for (const batch of parseRangeBatches(reader.read(request.start, request.end), parser, request.last, done)) batches.push(slabs.batch(batch));
    parentPort!.postMessage({ id: request.id, result: chunkResult(done, batches) } satisfies ParseReply, slabs.buffers);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, failure: error instanceof Error ? error.message : String(error) } satisfies ParseReply);
  }
});
