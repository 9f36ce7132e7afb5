/**
 * The Sample tool. First N, skip N, every Nth and random percent stream; last N keeps, per group,
 * only the packets still holding one of the group's last N rows; first N percent holds every
 * packet, since a group's size is known only at the end.
 */
import type { Table } from 'apache-arrow';
import type { InputConnection, Metadata, Plugin, Provider } from '../../shared/sdk/index.js';
import { concatColumns, findField, missingFields, tableOf, takeRows, type ColumnValues } from '../common/transformColumns.js';
import { writeColumns } from '../common/transformOutput.js';
import { readSampleConfig, StreamSampler, type SampleConfig } from './sampler.js';
import { dataRecord } from '../../shared/ownValue.js';

interface HeldRow { packet: number; row: number }

export default class Sample implements Plugin {
  private readonly config: SampleConfig;
  private metadata: Metadata | null = null;
  private sampler: StreamSampler | null = null;
  /** last-N mode: the packets seen and, per group, a ring of its last N rows */
  private readonly packets: (Table | null)[] = [];
  private readonly rings: HeldRow[][] = [];
  private readonly refs: number[] = [];

  constructor(private readonly provider: Provider) {
    this.config = readSampleConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const { mode, n, percent, groupBy } = this.config;
    const missing = missingFields(connection.metadata, groupBy);
    const errors: string[] = [];
    if (missing.length > 0) errors.push(`group-by field(s) not in the input: ${missing.map((m) => `"${m}"`).join(', ')}`);
    const byPercent = mode === 'randomPercent' || mode === 'firstPercent';
    if (!byPercent && (!Number.isInteger(n) || n < 0)) errors.push(`N must be a whole number ≥ 0, not ${n}`);
    if (mode === 'everyNth' && n < 1) errors.push('N must be at least 1 for every Nth');
    if (byPercent && !(percent >= 0 && percent <= 100)) errors.push(`percent must be between 0 and 100, not ${percent}`);
    if (errors.length > 0) { this.provider.io.error(errors.join('; ')); return; }
    this.metadata = connection.metadata;
    this.sampler = new StreamSampler(this.config, groupBy.map((name) => findField(connection.metadata, name)!.name));
    this.provider.getOutputAnchor('Output').open(connection.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (!this.metadata || !this.sampler) return;
    const table = tableOf(connection.read());
    if (this.config.mode === 'last') { this.holdLast(table); return; }
    if (this.config.mode === 'firstPercent') { this.holdAll(table); return; }
    const keep = this.sampler.pick(table);
    if (keep.length === 0) return;
    await writeColumns(this.provider.getOutputAnchor('Output'), this.provider.records, this.metadata, takeRows(table, this.metadata, keep), keep.length);
  }

  private holdLast(table: Table): void {
    const n = this.config.n;
    const packet = this.packets.length;
    this.packets.push(table);
    const ids = this.sampler!.groupIds(table);
    this.refs.push(0);
    for (let i = 0; i < ids.length; i++) {
      const ring = this.rings[ids[i]] ?? (this.rings[ids[i]] = []);
      ring.push({ packet, row: i });
      this.refs[packet]++;
      if (ring.length > n) {
        // a packet no ring refers to any more is let go, so memory stays near N rows per group
        const dropped = ring.shift()!;
        if (--this.refs[dropped.packet] === 0) this.packets[dropped.packet] = null;
      }
    }
    if (this.refs[packet] === 0) this.packets[packet] = null;
  }

  /** first-percent mode: every packet, with its rows' group ids */
  private readonly groupIdsOf: Int32Array[] = [];

  private holdAll(table: Table): void {
    this.packets.push(table);
    this.groupIdsOf.push(this.sampler!.groupIds(table));
  }

  /** first percent: of each group, the first ⌊size × percent / 100⌋ rows, in input order */
  private async writeFirstPercent(): Promise<void> {
    const sizes: number[] = [];
    for (const ids of this.groupIdsOf) for (const id of ids) sizes[id] = (sizes[id] ?? 0) + 1;
    const limits = sizes.map((size) => Math.floor((size * this.config.percent) / 100 + 1e-9));
    const taken: number[] = [];
    for (let p = 0; p < this.packets.length; p++) {
      const ids = this.groupIdsOf[p];
      const keep: number[] = [];
      for (let i = 0; i < ids.length; i++) {
        const seen = taken[ids[i]] ?? 0;
        if (seen < limits[ids[i]]) { keep.push(i); taken[ids[i]] = seen + 1; }
      }
      const table = this.packets[p]!;
      this.packets[p] = null;
      if (keep.length > 0) await writeColumns(this.provider.getOutputAnchor('Output'), this.provider.records, this.metadata!, takeRows(table, this.metadata!, keep), keep.length);
    }
  }

  async onComplete(): Promise<void> {
    if (this.config.mode === 'firstPercent' && this.metadata) { await this.writeFirstPercent(); return; }
    if (this.config.mode !== 'last' || !this.metadata) return;
    const byPacket = new Map<number, number[]>();
    for (const ring of this.rings) for (const held of ring ?? []) {
      const rows = byPacket.get(held.packet) ?? [];
      rows.push(held.row);
      byPacket.set(held.packet, rows);
    }
    const parts: Record<string, ColumnValues>[] = [];
    let length = 0;
    for (const packet of [...byPacket.keys()].sort((a, b) => a - b)) {
      const rows = byPacket.get(packet)!.sort((a, b) => a - b);
      parts.push(takeRows(this.packets[packet]!, this.metadata, rows));
      length += rows.length;
    }
    const columns: Record<string, ColumnValues> = dataRecord();
    for (const field of this.metadata.fields) columns[field.name] = concatColumns(parts.map((p) => p[field.name]));
    if (parts.length === 0) return;
    await writeColumns(this.provider.getOutputAnchor('Output'), this.provider.records, this.metadata, columns, length);
  }
}
