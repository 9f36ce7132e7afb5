/**
 * `weft run` starts the tool hosts of a full run before it loads the engine: a worker start is most
 * of a cold run, and the workers then start while the main thread loads the plugins and the workflow.
 * Only this module and the worker pool are loaded first, so the workers are not kept waiting.
 */
import type { ToolEngine } from '../../shared/runEvents.js';
import { readRegularText } from '../engine/regularFile.js';
import { WorkerPool } from '../engine/runtime/workerPool.js';

/** a workflow file larger than this is not looked into here (loading it says what is wrong) */
const MAX_PEEK_BYTES = 16 * 1024 * 1024;

/**
 * how many tools of the workflow file will stream; 0 when it cannot be read (a FIFO, not JSON:
 * loading it reports why) or runs in-database (its tools that stream get a worker when they start)
 */
async function toolCount(file: string, engine: ToolEngine | null): Promise<number> {
  try {
    const parsed = JSON.parse(await readRegularText(file, MAX_PEEK_BYTES)) as { tools?: unknown; engine?: unknown };
    if ((engine ?? parsed.engine) === 'in-database') return 0;
    return Array.isArray(parsed.tools) ? parsed.tools.length : 0;
  } catch {
    return 0;
  }
}

/** a worker pool that starts one tool host per tool of the file (up to the pool's idle bound) once it has read the file */
export function prestartToolHosts(file: string, engine: ToolEngine | null): WorkerPool {
  const pool = new WorkerPool();
  void toolCount(file, engine).then((count) => pool.warm(count));
  return pool;
}
