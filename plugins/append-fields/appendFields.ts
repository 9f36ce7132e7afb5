/**
 * The Append Fields tool: every Target row once per Source row, with the Source fields appended
 * (a cross join, Target order first). The Source is held whole (it is meant to be small); so is
 * the Target, as Arrow tables, until the run completes, since only then is the Source known to be
 * complete (its packets may come after the Target's).
 */
import type { Table } from 'apache-arrow';
import type { InputConnection, Metadata, Plugin, Provider, RecordValue } from '../../shared/sdk/index.js';
import { concatColumns, readColumn, tableOf, type ColumnValues } from '../common/transformColumns.js';
import { PACKET_ROWS, writeColumns } from '../common/transformOutput.js';
import { planAppendFields, readConfig, SOURCE_RECORD_LIMIT, type AppendFieldsConfig, type AppendFieldsPlan } from './appendFieldsPlan.js';

type Side = 'Target' | 'Source';

export default class AppendFields implements Plugin {
  private readonly config: AppendFieldsConfig;
  private readonly metadata: Record<Side, Metadata | null> = { Target: null, Source: null };
  private readonly held: Record<Side, Table[]> = { Target: [], Source: [] };
  private plan: AppendFieldsPlan | null = null;

  constructor(private readonly provider: Provider) {
    this.config = readConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    this.metadata[connection.anchor as Side] = connection.metadata;
    const { Target: target, Source: source } = this.metadata;
    if (!target || !source) return;
    const plan = planAppendFields(this.config, target, source);
    if ('errors' in plan) {
      this.provider.io.error(plan.errors.join('; '));
      return;
    }
    for (const warning of plan.warnings) this.provider.io.warn(warning);
    this.plan = plan;
    this.provider.getOutputAnchor('Output').open(plan.metadata);
  }

  onRecordPacket(connection: InputConnection): void {
    const table = tableOf(connection.read());
    if (table.numRows > 0) this.held[connection.anchor as Side].push(table);
  }

  async onComplete(): Promise<void> {
    const plan = this.plan;
    if (!plan) return;
    const sourceRows = this.held.Source.reduce((n, t) => n + t.numRows, 0);
    if (sourceRows > SOURCE_RECORD_LIMIT && this.config.limitMode !== 'allowAll') {
      const text = `the Source has ${sourceRows} records, more than ${SOURCE_RECORD_LIMIT}: each Target record is appended ${sourceRows} times`;
      if (this.config.limitMode === 'error') { this.provider.io.error(`${text} (choose "allow all appends" to allow it)`); return; }
      this.provider.io.warn(text);
    }
    const source = new Map<string, ColumnValues>();
    for (const c of plan.columns) {
      if (c.side === 'Source') source.set(c.input, concatColumns(this.held.Source.map((t) => readColumn(t, c.input))));
    }
    this.held.Source = [];
    const targets = this.held.Target;
    this.held.Target = [];
    if (sourceRows === 0) return;
    for (const table of targets) await this.appendTo(table, source, sourceRows);
  }

  /** the rows of one Target table, each repeated once per Source row, in slices of about a packet */
  private async appendTo(table: Table, source: Map<string, ColumnValues>, m: number): Promise<void> {
    const plan = this.plan!;
    const target = new Map<string, ColumnValues>();
    for (const c of plan.columns) if (c.side === 'Target') target.set(c.input, readColumn(table, c.input));
    const step = Math.max(1, Math.floor(PACKET_ROWS / m));
    for (let start = 0; start < table.numRows; start += step) {
      const end = Math.min(table.numRows, start + step);
      const rows = (end - start) * m;
      const columns: Record<string, ColumnValues> = {};
      for (const c of plan.columns) {
        const values = (c.side === 'Target' ? target : source).get(c.input)!;
        const out: RecordValue[] = new Array(rows);
        let at = 0;
        if (c.side === 'Target') {
          for (let i = start; i < end; i++) for (let j = 0; j < m; j++) out[at++] = values[i] as RecordValue;
        } else {
          for (let i = start; i < end; i++) for (let j = 0; j < m; j++) out[at++] = values[j] as RecordValue;
        }
        columns[c.output] = out;
      }
      await writeColumns(this.provider.getOutputAnchor('Output'), this.provider.records, plan.metadata, columns, rows);
    }
  }
}
