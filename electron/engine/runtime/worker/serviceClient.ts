/** Worker side of the plugin services: each call is a request to the host, answered by id. */
import type { ServiceMethod, WorkerToHost } from '../protocol.js';

export class ServiceClient {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  constructor(private readonly post: (message: WorkerToHost, transfer?: ArrayBuffer[]) => void) {}

  call<T>(method: ServiceMethod, args: unknown[], transfer: ArrayBuffer[] = []): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.post({ type: 'service', id, method, args }, transfer);
    });
  }

  settle(id: number, ok: boolean, value: unknown, error?: string): void {
    const waiter = this.waiting.get(id);
    if (!waiter) return;
    this.waiting.delete(id);
    if (ok) waiter.resolve(value);
    else waiter.reject(new Error(error ?? 'service call failed'));
  }
}

/** A private copy of the caller's bytes, whose buffer can be transferred to the host. */
export function ownedBytes(data: Uint8Array | string): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (!(data instanceof Uint8Array)) throw new Error('data must be a Uint8Array or a string');
  return data.slice();
}
