/** The Summarize tool: group by and aggregate (see tool.json for the config). */
import type { InputConnection, Plugin, Provider } from '../../shared/sdk/index.js';
import { tableOf } from '../common/transformColumns.js';
import { writeColumns } from '../common/transformOutput.js';
import { planSummarize, readConfig, type SummarizeConfig, type SummarizePlan } from './summarizeConfig.js';
import { Summarizer } from './summarizer.js';

export default class Summarize implements Plugin {
  private readonly config: SummarizeConfig;
  private plan: SummarizePlan | null = null;
  private summarizer: Summarizer | null = null;

  constructor(private readonly provider: Provider) {
    this.config = readConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const plan = planSummarize(this.config, connection.metadata);
    if ('errors' in plan) {
      this.provider.io.error(plan.errors.join('; '));
      return;
    }
    this.plan = plan;
    this.provider.getOutputAnchor('Output').open(plan.metadata);
    if (!this.provider.environment.updateOnly) this.summarizer = new Summarizer(plan, this.config.aggregations);
  }

  onRecordPacket(connection: InputConnection): void {
    this.summarizer?.add(tableOf(connection.read()));
  }

  async onComplete(): Promise<void> {
    if (!this.plan || !this.summarizer) return;
    const { columns, length } = this.summarizer.finish();
    await writeColumns(this.provider.getOutputAnchor('Output'), this.provider.records, this.plan.metadata, columns, length);
  }
}
