/** The Select tool: keep/drop, rename, retype (with conversion), reorder, describe fields. Streams. */
import type { InputConnection, Plugin, Provider } from '../../shared/sdk/index.js';
import { readColumn, tableOf, type ColumnValues } from '../common/transformColumns.js';
import { writeColumns } from '../common/transformOutput.js';
import { fitToField, sizedType } from '../common/transformFieldFit.js';
import { convertColumn } from '../common/transformTypes.js';
import { planSelect, readSelectConfig, type SelectConfig, type SelectPlan } from './selectPlan.js';
import { dataRecord } from '../../shared/ownValue.js';

function count(counts: Map<string, number>, name: string, n: number): void {
  if (n > 0) counts.set(name, (counts.get(name) ?? 0) + n);
}

export default class Select implements Plugin {
  private readonly config: SelectConfig;
  private plan: SelectPlan | null = null;
  private readonly lost = new Map<string, number>();
  private readonly truncated = new Map<string, number>();
  private readonly overflowed = new Map<string, number>();

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
      let values: ColumnValues = readColumn(table, f.input.name);
      if (f.convert) {
        const converted = convertColumn(values, f.input.type, f.output.type);
        values = converted.values;
        count(this.lost, f.output.name, converted.lost);
      }
      if (f.fit) {
        const fitted = fitToField(values, f.output);
        values = fitted.values as ColumnValues;
        count(this.truncated, f.output.name, fitted.truncated);
        count(this.overflowed, f.output.name, fitted.overflowed);
      }
      columns[f.output.name] = values;
    }
    await writeColumns(this.provider.getOutputAnchor('Output'), this.provider.records, this.plan.metadata, columns, table.numRows);
  }

  onComplete(): void {
    for (const [name, count] of this.lost) {
      const type = this.plan?.metadata.fields.find((f) => f.name === name)?.type;
      this.provider.io.warn(`${count} value(s) of "${name}" could not be converted to ${type} and became null`);
    }
    const fieldOf = (name: string) => this.plan!.metadata.fields.find((f) => f.name === name)!;
    for (const [name, n] of this.truncated) this.provider.io.warn(`${n} value(s) of "${name}" were longer than ${sizedType(fieldOf(name))} and were truncated`);
    for (const [name, n] of this.overflowed) this.provider.io.warn(`${n} value(s) of "${name}" did not fit ${sizedType(fieldOf(name))} and became null`);
  }
}
