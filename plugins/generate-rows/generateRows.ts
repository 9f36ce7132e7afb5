/**
 * The Generate Rows tool (see tool.json). With an input it streams: each packet's rows are run in
 * blocks, sized so that a block's generated rows stay near a packet's worth, and written block by
 * block; without an input it generates one set of rows from the expressions alone.
 */
import type { Table } from 'apache-arrow';
import type { InputConnection, Metadata, Plugin, Provider } from '../../shared/sdk/index.js';
import { ArrowRecordPacket } from '../../shared/sdk/recordPacket.js';
import { singleBatch, takeTable, withColumns } from '../common/ioArrowTake.js';
import { tableOf } from '../common/transformColumns.js';
import { PACKET_ROWS } from '../common/transformOutput.js';
import { ColumnBatch } from '../formula-language/batch.js';
import { gather } from '../formula-language/columns.js';
import { compileFormula } from '../formula-language/formula.js';
import { columnAsField, packetBatch } from '../formula-language/packetColumns.js';
import type { Column } from '../formula-language/values.js';
import { planGenerateRows, readGenerateRowsConfig, type GenerateRowsConfig, type GenerateRowsPlan } from './generateRowsPlan.js';
import { RowGenerator } from './rowGenerator.js';
import { FieldFitWarnings } from '../common/transformFitWarnings.js';

const FIRST_BLOCK = 4096;

export default class GenerateRows implements Plugin {
  private readonly config: GenerateRowsConfig | string;
  private plan: GenerateRowsPlan | null = null;
  private generator: RowGenerator | null = null;
  private compiled: ReturnType<typeof compileFormula>[] = [];
  private readonly conversionWarnings = new Map<string, number>();
  private fit: FieldFitWarnings | null = null;
  private blockRows = FIRST_BLOCK;
  private rowsRead = 0;

  constructor(private readonly provider: Provider) {
    this.config = readGenerateRowsConfig(provider.toolConfig);
    if (provider.getInputAnchor('Input').connections.length === 0) this.start({ fields: [] });
  }

  onInputConnectionOpened(connection: InputConnection): void {
    this.start(connection.metadata);
  }

  private start(input: Metadata): void {
    if (typeof this.config === 'string') {
      this.provider.io.error(this.config);
      return;
    }
    const plan = planGenerateRows(this.config, input);
    if (typeof plan === 'string') {
      this.provider.io.error(plan);
      return;
    }
    this.plan = plan;
    if (!this.provider.environment.updateOnly) {
      this.compiled = [compileFormula(plan.config.init, plan.initSees), compileFormula(plan.config.condition, plan.loopSees), compileFormula(plan.config.loop, plan.loopSees)];
      const [init, condition, loop] = this.compiled.map((c) => {
        if (!c.ok) throw new Error(`internal: an expression checked in planning failed to compile: ${c.error.message}`);
        return c.formula;
      });
      this.generator = new RowGenerator(plan, { init, condition, loop }, this.warn, this.fit = new FieldFitWarnings(plan.field));
    }
    this.provider.getOutputAnchor('Output').open(plan.metadata);
  }

  private readonly warn = (message: string): void => {
    this.conversionWarnings.set(message, (this.conversionWarnings.get(message) ?? 0) + 1);
  };

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (!this.plan || !this.generator) return;
    const table = tableOf(connection.read());
    const input = packetBatch(table, this.plan.initSees);
    const n = table.numRows;
    for (let start = 0; start < n;) {
      const end = Math.min(n, start + this.blockRows);
      const block = Int32Array.from({ length: end - start }, (_, i) => start + i);
      const first = this.rowsRead;
      const { source, values } = this.generator.generate(input, block, (row) => `input row ${first + row + 1}`);
      // keep a block's output near one packet: fewer input rows per block when each makes many rows
      if (source.length > 4 * PACKET_ROWS) this.blockRows = Math.max(1, this.blockRows >> 2);
      else if (source.length < PACKET_ROWS / 4) this.blockRows = Math.min(PACKET_ROWS, this.blockRows * 2);
      await this.writeRows(table, source, values);
      start = end;
    }
    this.rowsRead += n;
  }

  async onComplete(): Promise<void> {
    if (!this.plan || !this.generator) return;
    if (this.provider.getInputAnchor('Input').connections.length === 0) {
      const none = new ColumnBatch(1, (name) => { throw new Error(`internal: no input field ${name}`); });
      const { values } = this.generator.generate(none, Int32Array.of(0), () => 'the expressions', true);
      await this.writeRows(null, new Int32Array(values.length), values);
    }
    const names = ['initialization', 'condition', 'loop'];
    this.compiled.forEach((c, i) => {
      if (c.ok) for (const warning of c.formula.takeWarnings()) this.provider.io.warn(`${names[i]} expression: ${warning}`);
    });
    for (const [message, count] of this.conversionWarnings) {
      this.provider.io.warn(`${message}: the value became null${count > 1 ? ` (${count} rows)` : ''}`);
    }
    for (const message of this.fit?.messages() ?? []) this.provider.io.warn(message);
  }

  /** the rows `source` of `table` (none without an input) with the field's `values`, in packets */
  private async writeRows(table: Table | null, source: Int32Array, values: Column): Promise<void> {
    const plan = this.plan!;
    const anchor = this.provider.getOutputAnchor('Output');
    for (let start = 0; start < source.length; start += PACKET_ROWS) {
      const end = Math.min(source.length, start + PACKET_ROWS);
      const part = end - start === values.length ? values : gather(values, Int32Array.from({ length: end - start }, (_, i) => start + i));
      const stored = columnAsField(part, plan.field, this.warn).values;
      const made = tableOf(this.provider.records.fromColumns({ fields: [plan.field] }, { [plan.field.name]: stored }));
      const added = [{ field: made.schema.fields[0], data: made.batches[0].data.children[0] }];
      const out = table ? withColumns(singleBatch(takeTable(table, source.subarray(start, end))), added) : made;
      await anchor.write(new ArrowRecordPacket(plan.metadata, out));
    }
  }
}
