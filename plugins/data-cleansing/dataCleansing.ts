/**
 * The Data Cleansing tool (Alteryx's Cleanse macro). Streams, except with "remove null columns":
 * whether a field is null in every row is known only at the end, so then the tool holds every
 * packet until its input is complete.
 */
import type { Table } from 'apache-arrow';
import type { InputConnection, Metadata, Plugin, Provider } from '../../shared/sdk/index.js';
import { tableOf } from '../common/transformColumns.js';
import { planDataCleansing, readDataCleansingConfig, type DataCleansingConfig, type DataCleansingPlan } from './dataCleansingConfig.js';
import { DataCleanser } from './dataCleanser.js';

export default class DataCleansing implements Plugin {
  private readonly config: DataCleansingConfig;
  private plan: DataCleansingPlan | null = null;
  private cleanser: DataCleanser | null = null;
  private readonly held: Table[] = [];

  constructor(private readonly provider: Provider) {
    this.config = readDataCleansingConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const plan = planDataCleansing(this.config, connection.metadata);
    if ('errors' in plan) {
      this.provider.io.error(plan.errors.join('; '));
      return;
    }
    this.plan = plan;
    this.cleanser = new DataCleanser(plan);
    // with "remove null columns" a full run opens the output at the end, when the data is known;
    // update-only cannot know and shows every field
    if (!this.config.removeNullColumns || this.provider.environment.updateOnly) this.provider.getOutputAnchor('Output').open(connection.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (!this.plan || !this.cleanser) return;
    const table = tableOf(connection.read());
    if (this.config.removeNullColumns) {
      this.cleanser.noteValues(table);
      this.held.push(table);
      return;
    }
    await this.provider.getOutputAnchor('Output').write(this.cleanser.cleanse(table, this.plan.input, this.provider.records));
  }

  async onComplete(): Promise<void> {
    if (!this.plan || !this.cleanser) return;
    if (this.config.removeNullColumns) {
      const cleanser = this.cleanser;
      // without any row nothing shows a field to be null: every field stays
      const keep = cleanser.rowsSeen === 0 ? () => true : (name: string) => cleanser.seenValues.has(name);
      const output: Metadata = { fields: this.plan.input.fields.filter((f) => keep(f.name)) };
      const dropped = this.plan.input.fields.filter((f) => !output.fields.includes(f)).map((f) => `"${f.name}"`);
      if (dropped.length > 0) this.provider.io.info(`removed ${dropped.length} field(s) that are null in every row: ${dropped.join(', ')}`);
      const anchor = this.provider.getOutputAnchor('Output');
      anchor.open(output);
      while (this.held.length > 0) await anchor.write(cleanser.cleanse(this.held.shift()!, output, this.provider.records));
    }
    if (this.cleanser.removedRows > 0) this.provider.io.info(`removed ${this.cleanser.removedRows} row(s) that are null in every field`);
  }
}
