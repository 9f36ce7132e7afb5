/**
 * The Find Replace tool: finds values of the Replace (R) input in a field of the Find (F) input and
 * replaces the found text or appends the Replace row's fields. The engine gives no signal when one
 * input is finished, only when both are, so both inputs are held (Arrow form) until the run
 * completes; then the Find packets go out one by one.
 */
import type { Table } from 'apache-arrow';
import type { InputConnection, Metadata, Plugin, Provider } from '../../shared/sdk/index.js';
import { assemblePacket } from '../common/transformAssemble.js';
import { tableOf } from '../common/transformColumns.js';
import { planFindReplace, readFindReplaceConfig, type FindReplaceConfig, type FindReplacePlan } from './findReplaceConfig.js';
import { FindReplacer } from './findReplacer.js';

type Side = 'Find' | 'Replace';

export default class FindReplace implements Plugin {
  private readonly config: FindReplaceConfig;
  private readonly metadata: Record<Side, Metadata | null> = { Find: null, Replace: null };
  private readonly held: Record<Side, Table[]> = { Find: [], Replace: [] };
  private plan: FindReplacePlan | null = null;

  constructor(private readonly provider: Provider) {
    this.config = readFindReplaceConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    this.metadata[connection.anchor as Side] = connection.metadata;
    const { Find: find, Replace: replace } = this.metadata;
    if (!find || !replace) return;
    const plan = planFindReplace(this.config, find, replace);
    if ('errors' in plan) {
      this.provider.io.error(plan.errors.join('; '));
      return;
    }
    this.plan = plan;
    this.provider.getOutputAnchor('Output').open(plan.metadata);
  }

  onRecordPacket(connection: InputConnection): void {
    const table = tableOf(connection.read());
    if (table.numRows > 0) this.held[connection.anchor as Side].push(table);
  }

  async onComplete(): Promise<void> {
    if (!this.plan) return;
    const replacer = new FindReplacer(this.plan, this.held.Replace);
    this.held.Replace = [];
    const anchor = this.provider.getOutputAnchor('Output');
    while (this.held.Find.length > 0) {
      const table = this.held.Find.shift()!;
      await anchor.write(assemblePacket(this.provider.records, table, this.plan.metadata, replacer.run(table)));
    }
    this.provider.io.info(`${replacer.matchedRows} record(s) had a match`);
  }
}
