/** The DateTime tool: text to date/time with an Alteryx format, or date/time to text. Streams. */
import type { InputConnection, Plugin, Provider } from '../../shared/sdk/index.js';
import { assemblePacket } from '../common/transformAssemble.js';
import { readColumn, tableOf } from '../common/transformColumns.js';
import { planDateTime, readDateTimeConfig, type DateTimeConfig, type DateTimePlan } from './dateTimeConfig.js';
import { DateTimeConverter } from './dateTimeConverter.js';

export default class DateTime implements Plugin {
  private readonly config: DateTimeConfig;
  private plan: DateTimePlan | null = null;
  private converter: DateTimeConverter | null = null;

  constructor(private readonly provider: Provider) {
    this.config = readDateTimeConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const plan = planDateTime(this.config, connection.metadata);
    if ('errors' in plan) {
      this.provider.io.error(plan.errors.join('; '));
      return;
    }
    this.plan = plan;
    this.converter = new DateTimeConverter(plan);
    this.provider.getOutputAnchor('Output').open(plan.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (!this.plan || !this.converter) return;
    const table = tableOf(connection.read());
    const values = this.converter.run(readColumn(table, this.plan.source.name) as ArrayLike<string | null>);
    await this.provider.getOutputAnchor('Output').write(assemblePacket(this.provider.records, table, this.plan.metadata, { [this.plan.output.name]: values }));
  }

  onComplete(): void {
    for (const warning of this.converter?.warnings() ?? []) this.provider.io.warn(warning);
  }
}
