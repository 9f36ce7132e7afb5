/** The Text To Columns tool: splits a text field at delimiter characters into columns or rows. Streams. */
import type { InputConnection, Plugin, Provider } from '../../shared/sdk/index.js';
import { takeTable } from '../common/ioArrowTake.js';
import { assemblePacket } from '../common/transformAssemble.js';
import { readColumn, tableOf } from '../common/transformColumns.js';
import { planTextToColumns, readTextToColumnsConfig, type TextToColumnsConfig, type TextToColumnsPlan } from './textToColumnsConfig.js';
import { ExtraPartsError, TextSplitter } from './textToColumnsRunner.js';

export default class TextToColumns implements Plugin {
  private readonly config: TextToColumnsConfig;
  private plan: TextToColumnsPlan | null = null;
  private splitter: TextSplitter | null = null;

  constructor(private readonly provider: Provider) {
    this.config = readTextToColumnsConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const plan = planTextToColumns(this.config, connection.metadata);
    if ('errors' in plan) {
      this.provider.io.error(plan.errors.join('; '));
      return;
    }
    this.plan = plan;
    this.splitter = new TextSplitter(plan);
    this.provider.getOutputAnchor('Output').open(plan.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (!this.plan || !this.splitter) return;
    const table = tableOf(connection.read());
    let result;
    try {
      result = this.splitter.run(readColumn(table, this.plan.source.name) as ArrayLike<string | null>);
    } catch (error) {
      if (error instanceof ExtraPartsError) { this.provider.io.error(error.message); this.plan = null; return; }
      throw error;
    }
    const rows = result.rows ? takeTable(table, result.rows) : table;
    await this.provider.getOutputAnchor('Output').write(assemblePacket(this.provider.records, rows, this.plan.metadata, result.computed));
  }

  onComplete(): void {
    for (const warning of this.splitter?.warnings() ?? []) this.provider.io.warn(warning);
  }
}
