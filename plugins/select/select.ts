/** The Select tool: keep/drop, rename, retype (with conversion), reorder, describe fields. Streams. */
import type { InputConnection, Plugin, Provider } from '../../shared/sdk/index.js';
import { readColumn, tableOf, type ColumnValues } from '../common/transformColumns.js';
import { writeColumns } from '../common/transformOutput.js';
import { convertColumn } from '../common/transformTypes.js';
import { planSelect, readSelectConfig, type SelectConfig, type SelectPlan } from './selectPlan.js';
import { dataRecord } from '../../shared/ownValue.js';

export default class Select implements Plugin {
  private readonly config: SelectConfig;
  private plan: SelectPlan | null = null;
  private readonly lost = new Map<string, number>();

  constructor(private readonly provider: Provider) {
    this.config = readSelectConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const plan = planSelect(this.config, connection.metadata);
    if ('errors' in plan) {
      this.provider.io.error(plan.errors.join('; '));
      return;
    }
    for (const warning of plan.warnings) this.provider.io.warn(warning);
    this.plan = plan;
    this.provider.getOutputAnchor('Output').open(plan.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (!this.plan) return;
    const table = tableOf(connection.read());
    const columns: Record<string, ColumnValues> = dataRecord();
    for (const f of this.plan.fields) {
      const values = readColumn(table, f.input.name);
      if (!f.convert) { columns[f.output.name] = values; continue; }
      const converted = convertColumn(values, f.input.type, f.output.type);
      columns[f.output.name] = converted.values;
      if (converted.lost > 0) this.lost.set(f.output.name, (this.lost.get(f.output.name) ?? 0) + converted.lost);
    }
    await writeColumns(this.provider.getOutputAnchor('Output'), this.provider.records, this.plan.metadata, columns, table.numRows);
  }

  onComplete(): void {
    for (const [name, count] of this.lost) {
      const type = this.plan?.metadata.fields.find((f) => f.name === name)?.type;
      this.provider.io.warn(`${count} value(s) of "${name}" could not be converted to ${type} and became null`);
    }
  }
}
