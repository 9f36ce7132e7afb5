/** The Unique tool: first occurrence of each key → Unique, the rest → Duplicates. Streams. */
import type { InputConnection, Metadata, Plugin, Provider } from '../../shared/sdk/index.js';
import { findField, missingFields, tableOf, takeRows } from '../common/transformColumns.js';
import { writeColumns } from '../common/transformOutput.js';
import { UniqueSplitter } from './uniqueSplit.js';

export default class Unique implements Plugin {
  private readonly fieldNames: string[];
  private metadata: Metadata | null = null;
  private splitter: UniqueSplitter | null = null;

  constructor(private readonly provider: Provider) {
    const raw = provider.toolConfig.fields;
    this.fieldNames = Array.isArray(raw) ? (raw as string[]) : [];
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const metadata = connection.metadata;
    const missing = missingFields(metadata, this.fieldNames);
    if (missing.length > 0) {
      this.provider.io.error(`field(s) not in the input: ${missing.map((m) => `"${m}"`).join(', ')}`);
      return;
    }
    // no fields chosen: the whole row is the key
    const keys = this.fieldNames.length > 0 ? this.fieldNames.map((name) => findField(metadata, name)!.name) : metadata.fields.map((f) => f.name);
    this.metadata = metadata;
    this.splitter = new UniqueSplitter(keys);
    this.provider.getOutputAnchor('Unique').open(metadata);
    this.provider.getOutputAnchor('Duplicates').open(metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (!this.metadata || !this.splitter) return;
    const table = tableOf(connection.read());
    const { unique, duplicates } = this.splitter.split(table);
    const { records } = this.provider;
    if (unique.length > 0) await writeColumns(this.provider.getOutputAnchor('Unique'), records, this.metadata, takeRows(table, this.metadata, unique), unique.length);
    if (duplicates.length > 0) await writeColumns(this.provider.getOutputAnchor('Duplicates'), records, this.metadata, takeRows(table, this.metadata, duplicates), duplicates.length);
  }
}
