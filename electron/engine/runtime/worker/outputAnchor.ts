/**
 * A full run's output anchor. Packets go straight to the downstream workers over each connection's
 * port, buffers transferred. Each connection holds credit granted by its consumer; `write()`
 * resolves once every connection had credit and got the packet, so a slow consumer holds back
 * the producer. Writes are chained, so an un-awaited `write()` still keeps order, and the
 * lifecycle driver awaits `settled()` before the next lifecycle call (memory stays bounded).
 */
import type { MessagePort } from 'node:worker_threads';
import type { Metadata } from '../../../../shared/metadata.js';
import type { PreviewRow } from '../../../../shared/runEvents.js';
import type { OutputAnchor, RecordPacket, RecordRow } from '../../../../shared/sdk/plugin.js';
import { sameFieldShape } from '../../../../shared/sdk/metadataChecks.js';
import { packetFromRows } from '../../../../shared/sdk/packetFactory.js';
import { copyPacket, encodePacket, packetIsIntact } from '../packets/packetWire.js';
import { collectPreview } from '../packets/previewRows.js';
import { ArrowRecordPacket } from '../../../../shared/sdk/recordPacket.js';
import type { ConnectionMessage, WorkerToHost } from '../protocol.js';
import type { AnchorCacheFile } from './anchorCacheFile.js';
import { metadataToOpen } from './anchorOpen.js';
import type { FailureState } from './toolFailure.js';

const RECORDS_EVENT_INTERVAL_MS = 100;

/** packets already handed to an anchor: their buffers are (or will be) transferred away */
const written = new WeakSet<object>();

class OutgoingConnection {
  credit = 0;
  dropped = false;
  /** the consumer granted credit at least once: its tool has started */
  private consumerStarted = false;
  private consumerAsked = false;
  private wake: (() => void) | null = null;

  constructor(readonly id: string, readonly port: MessagePort, private readonly askForConsumer: (connectionId: string) => void) {
    port.on('message', (message: ConnectionMessage) => {
      if (message.t === 'credit') this.grant(message.n);
    });
  }

  grant(n: number): void {
    this.consumerStarted = true;
    this.credit += n;
    this.wake?.();
    this.wake = null;
  }

  drop(): void {
    this.dropped = true;
    this.wake?.();
    this.wake = null;
  }

  async waitForCredit(): Promise<void> {
    // the host starts a consumer's worker only when it is needed: a packet waiting for it is that need
    if (this.credit <= 0 && !this.consumerStarted && !this.consumerAsked && !this.dropped) {
      this.consumerAsked = true;
      this.askForConsumer(this.id);
    }
    while (this.credit <= 0 && !this.dropped) await new Promise<void>((resolve) => (this.wake = resolve));
  }

  send(message: ConnectionMessage, transfer?: ArrayBuffer[]): void {
    if (!this.dropped) this.port.postMessage(message, transfer);
  }
}

export class WorkerOutputAnchor implements OutputAnchor {
  metadata: Metadata | null = null;
  private closed = false;
  private records = 0;
  private lastRecordsEvent = 0;
  private readonly preview: PreviewRow[] = [];
  private pending: Promise<void> = Promise.resolve();
  /** packets written but not yet delivered to every connection */
  inFlight = 0;
  readonly outgoing: OutgoingConnection[];

  constructor(
    readonly name: string,
    connections: Array<{ id: string; port: MessagePort }>,
    private readonly previewRows: number,
    private readonly failure: FailureState,
    private readonly post: (message: WorkerToHost) => void,
    /** the anchor-cache file the rows are also written to (docs/cache.md), when the run keeps them */
    private readonly cache: AnchorCacheFile | null = null,
  ) {
    this.outgoing = connections.map((c) => new OutgoingConnection(c.id, c.port, (connectionId) => post({ type: 'needs-consumer', connectionId })));
  }

  get isOpen(): boolean {
    return this.metadata !== null && !this.closed;
  }

  /** readers still receiving packets: live connections (a failed consumer drops its connection), and the anchor cache */
  get connections(): number {
    return this.liveConnections + (this.cache?.active ? 1 : 0);
  }

  private get liveConnections(): number {
    let live = 0;
    for (const connection of this.outgoing) if (!connection.dropped) live++;
    return live;
  }

  get previewRowsWanted(): number {
    return Math.max(0, this.previewRows - this.preview.length);
  }

  open(metadata: Metadata): void {
    const opened = metadataToOpen(this.name, this.metadata, metadata, this.failure);
    if (!opened) return;
    this.metadata = opened;
    for (const connection of this.outgoing) connection.send({ t: 'open', metadata: this.metadata });
    this.post({ type: 'anchor-opened', anchor: this.name, metadata: this.metadata });
  }

  write(packetOrRows: RecordPacket | RecordRow[]): Promise<void> {
    if (this.closed) this.failure.violation('write', `output anchor '${this.name}': write() after close()`);
    if (!this.metadata) this.failure.violation('write', `output anchor '${this.name}': write() before open(): open it first with open(metadata), in the constructor or in onInputConnectionOpened (awaiting any helper that opens it)`);
    const packet = this.toPacket(packetOrRows, this.metadata);
    // before delivery: delivery transfers the packet's buffers away
    this.cache?.write(packet.table);
    if (this.preview.length < this.previewRows) collectPreview(packet, this.preview, this.previewRows);
    this.count(packet.length);
    this.inFlight++;
    this.pending = this.pending
      .then(() => this.deliver(packet))
      .catch((error: unknown) => this.failure.fromError(`write to '${this.name}'`, error))
      .finally(() => this.inFlight--);
    return this.pending;
  }

  skip(records: number): void {
    if (!Number.isSafeInteger(records) || records < 0) {
      this.failure.violation('skip', `output anchor '${this.name}': skip() takes a count of rows (a whole number ≥ 0), not ${String(records)}`);
    }
    if (this.closed) this.failure.violation('skip', `output anchor '${this.name}': skip() after close()`);
    if (!this.metadata) this.failure.violation('skip', `output anchor '${this.name}': skip() before open(): open it first with open(metadata), in the constructor or in onInputConnectionOpened`);
    const live = this.liveConnections;
    if (records > 0 && live > 0) {
      this.failure.violation('skip', `output anchor '${this.name}': skip() while ${live} connection(s) read this anchor; write the rows instead`);
    }
    if (records > 0) this.cache?.rowsSkipped();
    this.count(records);
  }

  flush(): Promise<void> {
    return this.pending;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pending;
    for (const connection of this.outgoing) connection.send({ t: 'close' });
    if (!this.metadata) {
      this.cache?.abandon();
      return;
    }
    const cached = this.cache?.close(this.metadata);
    this.post({
      type: 'anchor-closed', anchor: this.name, records: this.records,
      preview: this.preview, truncated: this.records > this.preview.length,
      ...(cached && 'bytes' in cached && { cacheBytes: cached.bytes }),
    });
  }

  /** resolves when every write so far was delivered */
  settled(): Promise<void> {
    return this.pending;
  }

  /** the tool failed or was stopped: its cache file must not stay */
  abandonCache(): void {
    this.cache?.abandon();
  }

  drop(connectionId: string): void {
    this.outgoing.find((c) => c.id === connectionId)?.drop();
  }

  private count(records: number): void {
    this.records += records;
    const now = Date.now();
    if (now - this.lastRecordsEvent >= RECORDS_EVENT_INTERVAL_MS) {
      this.lastRecordsEvent = now;
      this.post({ type: 'anchor-records', anchor: this.name, records: this.records });
    }
  }

  private toPacket(value: RecordPacket | RecordRow[], metadata: Metadata): ArrowRecordPacket {
    let packet: ArrowRecordPacket;
    try {
      if (Array.isArray(value)) packet = packetFromRows(metadata, value);
      else if (value instanceof ArrowRecordPacket) packet = value;
      else if (value && typeof value === 'object' && 'table' in value && value.table && typeof value.table === 'object') {
        packet = new ArrowRecordPacket(value.metadata, value.table as ArrowRecordPacket['table']);
      } else throw new Error('write() takes a RecordPacket or an array of row objects');
    } catch (error) {
      return this.failure.violation('write', `output anchor '${this.name}': ${error instanceof Error ? error.message : String(error)}`);
    }
    if (written.has(packet)) {
      // the same packet written again (e.g. to a second anchor): send a copy, if it still exists
      if (!packetIsIntact(packet)) {
        this.failure.violation('write', `output anchor '${this.name}': this packet was already written and its buffers now belong to another tool; build a new packet to write it again`);
      }
      packet = copyPacket(packet);
    }
    written.add(packet);
    if (!sameFieldShape(packet.metadata, metadata)) {
      this.failure.violation('write', `output anchor '${this.name}': the packet's fields (${describe(packet.metadata)}) do not match the anchor's metadata (${describe(metadata)})`);
    }
    return packet;
  }

  private async deliver(packet: ArrowRecordPacket): Promise<void> {
    const live = this.outgoing.filter((c) => !c.dropped);
    if (live.length === 0 || this.failure.failed) return;
    for (const connection of live) await connection.waitForCredit();
    const targets = live.filter((c) => !c.dropped);
    if (targets.length === 0) return;
    const { wire, transfer } = encodePacket(packet);
    // fan-out: every extra connection gets a structured-clone copy; the last one takes the buffers
    for (let i = 0; i < targets.length; i++) {
      targets[i].credit--;
      targets[i].send({ t: 'packet', wire }, i === targets.length - 1 ? transfer : undefined);
    }
  }
}

function describe(metadata: Metadata): string {
  return metadata.fields.map((f) => `${f.name}:${f.type}`).join(', ');
}
