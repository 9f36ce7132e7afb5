/**
 * Shape check of what arrives on a tool-host worker's parent port. Plugin code runs in that worker
 * and can post anything there (`worker_threads.parentPort.postMessage(...)`); a message that is not
 * part of the protocol must fail the tool with a clear text, never crash the host process.
 */
import type { WorkerToHost } from './protocol.js';

type Check = (m: Record<string, unknown>) => boolean;

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isMetadata = (v: unknown) => typeof v === 'object' && v !== null && Array.isArray((v as { fields?: unknown }).fields);

const CHECKS: Record<WorkerToHost['type'], Check> = {
  'ready': () => true,
  'anchor-opened': (m) => isString(m.anchor) && isMetadata(m.metadata),
  'anchor-records': (m) => isString(m.anchor) && isCount(m.records),
  'anchor-closed': (m) => isString(m.anchor) && isCount(m.records) && Array.isArray(m.preview) && typeof m.truncated === 'boolean',
  'message': (m) => (m.level === 'info' || m.level === 'warn' || m.level === 'error') && isString(m.text),
  'progress': (m) => typeof m.fraction === 'number',
  'needs-consumer': (m) => isString(m.connectionId),
  'memory': (m) => isCount(m.bytes),
  'service': (m) => typeof m.id === 'number' && isString(m.method) && Array.isArray(m.args),
  'done': () => true,
  'failed': (m) => isString(m.phase) && isString(m.message),
  'update-result': (m) => typeof m.requestId === 'number' && typeof m.outputs === 'object' && m.outputs !== null && Array.isArray(m.messages),
};

export function isWorkerToHost(message: unknown): message is WorkerToHost {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  const check = isString(m.type) ? CHECKS[m.type as WorkerToHost['type']] : undefined;
  return check !== undefined && Object.hasOwn(CHECKS, m.type as string) && check(m);
}

/** a short, printable rendering of an unexpected message for the tool's error text */
export function describeMessage(message: unknown): string {
  let text: string;
  try {
    text = typeof message === 'string' ? JSON.stringify(message) : JSON.stringify(message) ?? String(message);
  } catch {
    text = String(message);
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
