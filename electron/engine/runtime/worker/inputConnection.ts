/** The consumer end of a connection in a tool-host worker. */
import type { MessagePort } from 'node:worker_threads';
import type { Metadata } from '../../../../shared/metadata.js';
import type { InputConnection, RecordPacket } from '../../../../shared/sdk/plugin.js';
import type { ConnectionMessage } from '../protocol.js';

export class WorkerInputConnection implements InputConnection {
  /** null until the upstream tool opens its anchor */
  metadata: Metadata = null as unknown as Metadata;
  current: RecordPacket | null = null;
  opened = false;

  constructor(readonly name: string, readonly anchor: string, readonly port: MessagePort | null) {}

  read(): RecordPacket {
    if (!this.current) throw new Error(`connection '${this.name}' on '${this.anchor}': read() is only valid inside onRecordPacket; a helper that reads the packet must be awaited there`);
    return this.current;
  }

  grant(n: number): void {
    this.port?.postMessage({ t: 'credit', n } satisfies ConnectionMessage);
  }
}

export interface InputEvent {
  connection: WorkerInputConnection;
  message: ConnectionMessage;
}

/** Input events of all connections, in arrival order, consumed one at a time by the driver. */
export class InputQueue {
  private readonly items: InputEvent[] = [];
  private wake: (() => void) | null = null;

  push(event: InputEvent): void {
    this.items.push(event);
    this.wake?.();
    this.wake = null;
  }

  async next(): Promise<InputEvent> {
    while (this.items.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.items.shift()!;
  }
}
