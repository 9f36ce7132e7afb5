/**
 * The Sort tool. Packets are buffered until the memory budget is reached; then the buffer is
 * sorted and written to the tool's temp folder as a run, and at the end the runs (plus the last
 * buffer, sorted in memory) are merged. Under the budget nothing touches the disk.
 */
import path from 'node:path';
import type { Table } from 'apache-arrow';
import type { InputConnection, Metadata, Plugin, Provider, RecordValue } from '../../shared/sdk/index.js';
import { tableOf } from '../common/transformColumns.js';
import { PACKET_ROWS, writeColumns } from '../common/transformOutput.js';
import { readSortConfig, resolveKeys, type ResolvedKey, type SortConfig } from './sortConfig.js';
import { mergeRuns } from './merge.js';
import { FileRun, MemoryRun, sortTables, tableBytes, writeRun, type RunCursor } from './sortedRun.js';
import { dataRecord } from '../../shared/ownValue.js';

export default class Sort implements Plugin {
  private readonly config: SortConfig;
  private metadata: Metadata | null = null;
  private keys: ResolvedKey[] = [];
  private buffered: Table[] = [];
  private bufferedBytes = 0;
  private readonly runFiles: string[] = [];

  constructor(private readonly provider: Provider) {
    this.config = readSortConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const keys = resolveKeys(this.config, connection.metadata);
    if ('errors' in keys) {
      this.provider.io.error(keys.errors.join('; '));
      return;
    }
    this.keys = keys;
    this.metadata = connection.metadata;
    this.provider.getOutputAnchor('Output').open(connection.metadata);
  }

  onRecordPacket(connection: InputConnection): void {
    if (!this.metadata) return;
    const table = tableOf(connection.read());
    if (table.numRows === 0) return;
    this.buffered.push(table);
    this.bufferedBytes += tableBytes(table);
    // columns are materialized as JavaScript values while sorting, which costs a few times the Arrow bytes
    if (this.bufferedBytes * 3 > this.config.memoryBudgetMB * 1024 * 1024) this.spill();
  }

  private spill(): void {
    const metadata = this.metadata!;
    const { columns, length } = sortTables(this.buffered, metadata, this.keys);
    const file = path.join(this.provider.environment.tempDir, `sort-run-${this.runFiles.length + 1}.arrows`);
    writeRun(file, this.provider.records, metadata, columns, length);
    this.runFiles.push(file);
    this.buffered = [];
    this.bufferedBytes = 0;
  }

  async onComplete(): Promise<void> {
    const metadata = this.metadata;
    if (!metadata) return;
    const output = this.provider.getOutputAnchor('Output');
    const last = sortTables(this.buffered, metadata, this.keys);
    this.buffered = [];
    if (this.runFiles.length === 0) {
      await writeColumns(output, this.provider.records, metadata, last.columns, last.length);
      return;
    }
    this.provider.io.info(`sorted ${this.runFiles.length} run(s) on disk; merging`);
    const runs: RunCursor[] = [];
    for (const file of this.runFiles) {
      const run = new FileRun(file, metadata);
      if (run.start()) runs.push(run); else run.close();
    }
    if (last.length > 0) runs.push(new MemoryRun(last.columns, last.length));
    const names = metadata.fields.map((f) => f.name);
    let pending: RecordValue[][] = names.map(() => []);
    let count = 0;
    const flush = async (): Promise<void> => {
      const columns: Record<string, RecordValue[]> = dataRecord();
      names.forEach((name, k) => { columns[name] = pending[k]; });
      pending = names.map(() => []);
      const n = count;
      count = 0;
      await writeColumns(output, this.provider.records, metadata, columns, n);
    };
    await mergeRuns(runs, this.keys, (cursor) => {
      for (let k = 0; k < names.length; k++) pending[k].push(cursor.columns[names[k]][cursor.row] as RecordValue);
      return ++count >= PACKET_ROWS ? flush() : undefined;
    });
    if (count > 0) await flush();
  }
}
