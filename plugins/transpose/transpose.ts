/**
 * The Transpose tool: each input row becomes one row per data field (key fields repeated, `Name`,
 * `Value`), in input order and then data field order. It streams: each packet in gives its rows out.
 */
import type { InputConnection, Plugin, Provider, RecordValue } from '../../shared/sdk/index.js';
import { readColumn, tableOf, type ColumnValues } from '../common/transformColumns.js';
import { writeColumns } from '../common/transformOutput.js';
import { convertColumn } from '../common/transformTypes.js';
import { planTranspose, readConfig, type TransposePlan } from './transposePlan.js';
import { dataRecord } from '../../shared/ownValue.js';

export default class Transpose implements Plugin {
  private plan: TransposePlan | null = null;
  private readonly lost = new Map<string, number>();

  constructor(private readonly provider: Provider) {}

  onInputConnectionOpened(connection: InputConnection): void {
    const plan = planTranspose(readConfig(this.provider.toolConfig), connection.metadata);
    if ('errors' in plan) {
      this.provider.io.error(plan.errors.join('; '));
      return;
    }
    for (const warning of plan.warnings) this.provider.io.warn(warning);
    this.plan = plan;
    this.provider.getOutputAnchor('Output').open(plan.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    const plan = this.plan;
    if (!plan) return;
    const table = tableOf(connection.read());
    const n = table.numRows;
    const d = plan.data.length;
    if (n === 0) return;
    const columns: Record<string, ColumnValues> = dataRecord();
    for (const key of plan.keys) {
      const values = readColumn(table, key.name);
      const out: RecordValue[] = new Array(n * d);
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = values[i] as RecordValue;
      columns[key.name] = out;
    }
    const names: string[] = new Array(n * d);
    const values: RecordValue[] = new Array(n * d);
    plan.data.forEach((field, j) => {
      let column: ArrayLike<RecordValue> = readColumn(table, field.name) as ArrayLike<RecordValue>;
      if (field.type !== plan.value.type) {
        const converted = convertColumn(column, field.type, plan.value.type);
        column = converted.values;
        if (converted.lost > 0) this.lost.set(field.name, (this.lost.get(field.name) ?? 0) + converted.lost);
      }
      for (let i = 0; i < n; i++) {
        names[i * d + j] = field.name;
        values[i * d + j] = column[i];
      }
    });
    columns.Name = names;
    columns.Value = values;
    await writeColumns(this.provider.getOutputAnchor('Output'), this.provider.records, plan.metadata, columns, n * d);
  }

  onComplete(): void {
    for (const [name, count] of this.lost) this.provider.io.warn(`${count} value(s) of "${name}" could not be converted to ${this.plan?.value.type} and became null`);
  }
}
