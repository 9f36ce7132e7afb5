/**
 * The Union tool. The output opens once every connected input has opened (its metadata decides the
 * widened types). Rows come out in stacking order (the configured order, else #1, #2, …): the first
 * connection streams straight through; the others are held in memory until the run completes.
 */
import type { Table } from 'apache-arrow';
import type { InputConnection, Metadata, Plugin, Provider, RecordValue } from '../../shared/sdk/index.js';
import { readColumn, tableOf, type ColumnValues } from '../common/transformColumns.js';
import { writeColumns } from '../common/transformOutput.js';
import { convertColumn } from '../common/transformTypes.js';
import { planUnion, readUnionOptions, stackingOrder, type UnionOptions, type UnionPlan } from './unionPlan.js';
import { dataRecord } from '../../shared/ownValue.js';

export default class Union implements Plugin {
  private readonly options: UnionOptions;
  private failed = false;
  private readonly opened = new Map<string, Metadata>();
  private plan: UnionPlan | null = null;
  /** connection names in output order, fixed when the output opens */
  private order: string[] = [];
  private readonly held = new Map<string, Table[]>();
  private readonly lost = new Map<string, number>();

  constructor(private readonly provider: Provider) {
    this.options = readUnionOptions(provider.toolConfig);
  }

  async onInputConnectionOpened(connection: InputConnection): Promise<void> {
    this.opened.set(connection.name, connection.metadata);
    this.held.set(connection.name, []);
    const expected = this.provider.getInputAnchor('Input').connections.length;
    if (this.opened.size < expected) return;
    this.openOutput();
    if (!this.plan) return;
    // rows of the first connection that came before the output opened go out now, ahead of its stream
    const first = this.held.get(this.order[0]) ?? [];
    this.held.set(this.order[0], []);
    for (const table of first) await this.writeTable(0, table);
  }

  private openOutput(): void {
    if (this.plan || this.failed || this.opened.size === 0) return;
    this.order = stackingOrder([...this.opened.keys()], this.options.inputOrder);
    const plan = planUnion(this.order.map((name) => this.opened.get(name)!), this.options, this.order);
    if ('errors' in plan) {
      this.failed = true;
      this.provider.io.error(plan.errors.join('; '));
      return;
    }
    this.plan = plan;
    this.provider.getOutputAnchor('Output').open(plan.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    const table = tableOf(connection.read());
    if (this.plan && connection.name === this.order[0]) {
      await this.writeTable(0, table);
      return;
    }
    this.held.get(connection.name)?.push(table);
  }

  private async writeTable(input: number, table: Table): Promise<void> {
    const plan = this.plan!;
    const columns: Record<string, ColumnValues> = dataRecord();
    plan.metadata.fields.forEach((out, i) => {
      const source = plan.sources[input][i];
      if (!source) { columns[out.name] = new Array<RecordValue>(table.numRows).fill(null); return; }
      const values = readColumn(table, source.name);
      if (source.type === out.type) { columns[out.name] = values; return; }
      const converted = convertColumn(values, source.type, out.type);
      columns[out.name] = converted.values;
      if (converted.lost > 0) this.lost.set(out.name, (this.lost.get(out.name) ?? 0) + converted.lost);
    });
    await writeColumns(this.provider.getOutputAnchor('Output'), this.provider.records, plan.metadata, columns, table.numRows);
  }

  async onComplete(): Promise<void> {
    // an upstream that never opened leaves us waiting: open with the inputs that did
    this.openOutput();
    if (!this.plan) return;
    for (let k = 0; k < this.order.length; k++) {
      for (const table of this.held.get(this.order[k]) ?? []) await this.writeTable(k, table);
      this.held.set(this.order[k], []);
    }
    for (const [name, count] of this.lost) this.provider.io.warn(`${count} value(s) of "${name}" could not be widened and became null`);
  }
}
