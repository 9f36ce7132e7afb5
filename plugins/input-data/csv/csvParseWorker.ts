/**
 * The second CSV parser thread: parses the byte ranges it is asked for (reading them from the file
 * itself) and sends each range's batches back as transferred buffers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { batchToWire, parseChunk, readRange } from './csvChunks.js';
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

parentPort!.on('message', (request: ParseRequest) => {
  try {
    const result = parseChunk(readRange(path, request.start, request.end), options, request.last);
    const transfer = new Set<ArrayBuffer>();
    const batches = result.batches.map((b) => batchToWire(b, transfer));
    parentPort!.postMessage({ id: request.id, result: { ...result, batches } } satisfies ParseReply, [...transfer]);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, failure: error instanceof Error ? error.message : String(error) } satisfies ParseReply);
  }
});
