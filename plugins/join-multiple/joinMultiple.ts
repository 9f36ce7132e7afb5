/**
 * The Join Multiple tool (see tool.json). The output opens once every connected input has opened.
 * By key fields every input is held (as it arrived) until the run completes, since any input may
 * hold rows of any key; by record position it streams (positionJoin.ts).
 */
import type { InputConnection, Metadata, Plugin, Provider, RecordValue } from '../../shared/sdk/index.js';
import { tableOf, type ColumnValues } from '../common/transformColumns.js';
import { compareConnectionNames } from '../common/transformConnectionOrder.js';
import { HeldRows } from '../common/transformHeldRows.js';
import { writeColumns } from '../common/transformOutput.js';
import { groupByKeys, wideKeys, writeCombinations } from './keyJoin.js';
import { COMBINATION_LIMIT, planJoinMultiple, readConfig, type JoinMultipleConfig, type JoinMultiplePlan } from './joinMultiplePlan.js';
import { PositionJoin } from './positionJoin.js';

export default class JoinMultiple implements Plugin {
  private readonly config: JoinMultipleConfig;
  private readonly opened = new Map<string, Metadata>();
  private readonly held = new Map<string, HeldRows>();
  private order: string[] = [];
  private plan: JoinMultiplePlan | null = null;
  private failed = false;
  private position: PositionJoin | null = null;

  constructor(private readonly provider: Provider) {
    this.config = readConfig(provider.toolConfig);
  }

  async onInputConnectionOpened(connection: InputConnection): Promise<void> {
    this.opened.set(connection.name, connection.metadata);
    this.held.set(connection.name, new HeldRows());
    if (this.opened.size < this.provider.getInputAnchor('Input').connections.length) return;
    await this.openOutput();
  }

  private async openOutput(): Promise<void> {
    if (this.plan || this.failed) return;
    this.order = [...this.opened.keys()].sort(compareConnectionNames);
    const problem = (text: string): void => { this.failed = true; this.provider.io.error(text); };
    if (this.order.length < 2) { problem('connect at least two inputs'); return; }
    const plan = planJoinMultiple(this.config, this.order.map((connection) => ({ connection, metadata: this.opened.get(connection)! })));
    if ('errors' in plan) { problem(plan.errors.join('; ')); return; }
    for (const warning of plan.warnings) this.provider.io.warn(warning);
    this.plan = plan;
    this.provider.getOutputAnchor('Output').open(plan.metadata);
    if (this.config.mode !== 'position' || this.provider.environment.updateOnly) return;
    const fields = this.order.map((_, k) => plan.columns.filter((c) => c.input === k).map((c) => c.field));
    this.position = new PositionJoin(this.order.length, fields, (slices, n) => this.writeSlices(slices, n));
    // rows that came before every input had opened were held; they go in now, in order
    for (const [k, name] of this.order.entries()) {
      const early = this.held.get(name)!;
      for (const table of early.tables) await this.position.add(k, table);
      early.release();
    }
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    const table = tableOf(connection.read());
    if (table.numRows === 0 || this.failed) return;
    if (this.position) await this.position.add(this.order.indexOf(connection.name), table);
    else this.held.get(connection.name)?.add(table);
  }

  async onComplete(): Promise<void> {
    // an upstream that never opened leaves us waiting: join the inputs that did
    await this.openOutput();
    if (!this.plan) return;
    if (this.position) { await this.position.finish(this.config.allInputs); return; }
    const held = this.order.map((name) => this.held.get(name)!);
    const groups = groupByKeys(held, this.plan.keys);
    const wide = this.config.limitMode === 'allowAll' ? { count: 0, first: null } : wideKeys(groups, this.config.allInputs, COMBINATION_LIMIT);
    if (wide.count > 0) {
      const text = `${wide.count} key value(s) join more than ${COMBINATION_LIMIT} records (a multidimensional join), the first: ${wide.first}`;
      if (this.config.limitMode === 'error') { this.provider.io.error(`${text} (choose "allow all" to allow it)`); return; }
      this.provider.io.warn(text);
    }
    await writeCombinations(groups, this.config.allInputs, (rows, n) => this.writeRows(held, rows, n));
    for (const h of held) h.release();
  }

  private async writeRows(held: HeldRows[], rows: Int32Array[], n: number): Promise<void> {
    const columns: Record<string, ColumnValues> = {};
    for (const c of this.plan!.columns) columns[c.output] = held[c.input].gather(c.field, rows[c.input]);
    await writeColumns(this.provider.getOutputAnchor('Output'), this.provider.records, this.plan!.metadata, columns, n);
  }

  private async writeSlices(slices: (Record<string, ColumnValues> | null)[], n: number): Promise<void> {
    const columns: Record<string, ColumnValues> = {};
    for (const c of this.plan!.columns) columns[c.output] = slices[c.input]?.[c.field] ?? new Array<RecordValue>(n).fill(null);
    await writeColumns(this.provider.getOutputAnchor('Output'), this.provider.records, this.plan!.metadata, columns, n);
  }
}

