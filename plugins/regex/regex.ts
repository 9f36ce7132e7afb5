/** The RegEx tool: parse, match, replace or tokenize a text field with a regular expression. Streams. */
import type { InputConnection, Plugin, Provider } from '../../shared/sdk/index.js';
import { takeTable } from '../common/ioArrowTake.js';
import { assemblePacket } from '../common/transformAssemble.js';
import { readColumn, tableOf } from '../common/transformColumns.js';
import { planRegex, readRegexConfig, type RegexConfig, type RegexPlan } from './regexConfig.js';
import { RegexRowError, RegexRunner } from './regexRunner.js';

export default class RegEx implements Plugin {
  private readonly config: RegexConfig;
  private plan: RegexPlan | null = null;
  private runner: RegexRunner | null = null;

  constructor(private readonly provider: Provider) {
    this.config = readRegexConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const plan = planRegex(this.config, connection.metadata);
    if ('errors' in plan) {
      this.provider.io.error(plan.errors.join('; '));
      return;
    }
    this.plan = plan;
    this.runner = new RegexRunner(plan);
    this.provider.getOutputAnchor('Output').open(plan.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (!this.plan || !this.runner) return;
    const table = tableOf(connection.read());
    let result;
    try {
      result = this.runner.run(readColumn(table, this.plan.source.name) as ArrayLike<string | null>);
    } catch (error) {
      if (error instanceof RegexRowError) { this.provider.io.error(error.message); this.plan = null; return; }
      throw error;
    }
    const rows = result.rows ? takeTable(table, result.rows) : table;
    const packet = assemblePacket(this.provider.records, rows, this.plan.metadata, result.computed);
    await this.provider.getOutputAnchor('Output').write(packet);
  }

  onComplete(): void {
    for (const warning of this.runner?.warnings() ?? []) this.provider.io.warn(warning);
  }
}
