/**
 * The tool-host worker entry (runs from dist/). Loaded warm: apache-arrow and the packet code are
 * imported before it reports `ready` (the ESM loader hook is registered on first need). It then hosts one full-run
 * tool at a time, or, as the update-only host, any number of update-only tools one after another.
 */
import { parentPort } from 'node:worker_threads';
import type { HostToWorker, WorkerToHost } from '../protocol.js';
import { startFullToolRun, type FullToolRun } from './fullToolRun.js';
import { startReplayRun } from './replayRun.js';
import { failActiveTool } from './activeTool.js';
import { ServiceClient } from './serviceClient.js';
import { runUpdateTool } from './updateToolRun.js';

const port = parentPort!;
const toParent = (message: WorkerToHost, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);
/** where the host listens now: the running full-run job's private port, else the parent port */
let post = toParent;
const services = new ServiceClient((message, transfer) => post(message, transfer));
let current: FullToolRun | null = null;
let updates: Promise<void> = Promise.resolve();

// a plugin's stray error (an un-awaited rejection, a throw in a timer) fails its tool, not the worker
process.on('unhandledRejection', (reason) => {
  if (!failActiveTool('unhandled rejection', reason)) console.error('weft tool host: unhandled rejection', reason);
});
process.on('uncaughtException', (error) => {
  if (!failActiveTool('uncaught exception', error)) console.error('weft tool host: uncaught exception', error);
});

port.on('message', (message: HostToWorker) => {
  switch (message.type) {
    case 'start-tool':
    case 'replay-tool': {
      const control = message.control;
      const toControl = (m: WorkerToHost, transfer?: ArrayBuffer[]) => control.postMessage(m, transfer);
      post = toControl;
      current = message.type === 'start-tool' ? startFullToolRun(message.job, services, toControl) : startReplayRun(message.job, toControl);
      void current.finished.finally(() => {
        current = null;
        post = toParent;
      });
      break;
    }
    case 'drop-output':
      current?.drop(message.connectionId);
      break;
    case 'update-tool':
      updates = updates.then(async () => toParent({ type: 'update-result', ...(await runUpdateTool(message.requestId, message.job, services, toParent)) }));
      break;
    case 'service-reply':
      services.settle(message.id, message.ok, message.ok ? message.value : undefined, message.ok ? undefined : message.error);
      break;
  }
});

post({ type: 'ready' });
