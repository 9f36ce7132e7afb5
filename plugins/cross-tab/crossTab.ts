/**
 * The Cross Tab tool (see tool.json for the config). Its new columns are named by the header
 * values, so the output opens only once all rows are in: in update-only it shows the group fields
 * and says that the rest come from the data.
 */
import type { InputConnection, Plugin, Provider } from '../../shared/sdk/index.js';
import { tableOf } from '../common/transformColumns.js';
import { writeColumns } from '../common/transformOutput.js';
import { planCrossTab, readConfig, type CrossTabConfig } from './crossTabConfig.js';
import { CrossTabber } from './crossTabber.js';

export default class CrossTab implements Plugin {
  private readonly config: CrossTabConfig;
  private tabber: CrossTabber | null = null;

  constructor(private readonly provider: Provider) {
    this.config = readConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const plan = planCrossTab(this.config, connection.metadata);
    if ('errors' in plan) {
      this.provider.io.error(plan.errors.join('; '));
      return;
    }
    if (this.provider.environment.updateOnly) {
      this.provider.getOutputAnchor('Output').open({ fields: plan.groupFields.map((f) => ({ ...f })) });
      this.provider.io.info(`the new columns are named by the values of "${plan.header.name}": they are known when the tool runs`);
      return;
    }
    this.tabber = new CrossTabber(plan, this.config);
  }

  onRecordPacket(connection: InputConnection): void {
    this.tabber?.add(tableOf(connection.read()));
  }

  async onComplete(): Promise<void> {
    if (!this.tabber) return;
    const result = this.tabber.finish();
    this.tabber = null;
    if ('error' in result) {
      this.provider.io.error(result.error);
      return;
    }
    const output = this.provider.getOutputAnchor('Output');
    output.open(result.metadata);
    await writeColumns(output, this.provider.records, result.metadata, result.columns, result.length);
    for (const warning of result.warnings) this.provider.io.warn(warning);
  }
}
