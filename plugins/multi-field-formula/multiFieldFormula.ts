/**
 * The Multi-Field Formula tool: one expression applied to each selected field in turn, with
 * [_CurrentField_], [_CurrentFieldName_] and [_CurrentFieldType_] standing for it. Compiled once
 * per field (the field's type decides the checked form); streams: one packet in, one packet out,
 * only the written columns built.
 */
import type { InputConnection, Metadata, Plugin, Provider, RecordValue } from '../../shared/sdk/index.js';
import { ArrowRecordPacket } from '../../shared/sdk/recordPacket.js';
import { singleBatch, withColumns } from '../common/ioArrowTake.js';
import { tableOf } from '../common/transformColumns.js';
import { ColumnBatch } from '../formula-language/batch.js';
import { broadcast } from '../formula-language/columns.js';
import { compileFormula, type CompiledFormula } from '../formula-language/formula.js';
import { columnAsField, packetBatch } from '../formula-language/packetColumns.js';
import {
  ALTERYX_TYPE_NAMES, CURRENT_FIELD, CURRENT_NAME, CURRENT_TYPE, planMultiField, readMultiFieldConfig,
  type MultiFieldConfig, type MultiFieldPlan, type PlannedField,
} from './multiFieldPlan.js';

export default class MultiFieldFormula implements Plugin {
  private readonly config: MultiFieldConfig | string;
  private plan: MultiFieldPlan | null = null;
  private input: Metadata | null = null;
  private compiled: { planned: PlannedField; formula: CompiledFormula }[] = [];
  private readonly conversionWarnings = new Map<string, number>();

  constructor(private readonly provider: Provider) {
    this.config = readMultiFieldConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    if (typeof this.config === 'string') {
      this.provider.io.error(this.config);
      return;
    }
    const plan = planMultiField(this.config, connection.metadata);
    if (typeof plan === 'string') {
      this.provider.io.error(plan);
      return;
    }
    this.plan = plan;
    this.input = connection.metadata;
    if (!this.provider.environment.updateOnly) {
      this.compiled = plan.fields.map((planned) => {
        const result = compileFormula((this.config as MultiFieldConfig).expression, planned.sees);
        if (!result.ok) throw new Error(`internal: an expression checked in planning failed to compile: ${result.error.message}`);
        return { planned, formula: result.formula };
      });
    }
    this.provider.getOutputAnchor('Output').open(plan.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (!this.plan || !this.input) return;
    const table = tableOf(connection.read());
    const n = table.numRows;
    const batch = packetBatch(table, this.input);
    const warn = (message: string) => this.conversionWarnings.set(message, (this.conversionWarnings.get(message) ?? 0) + 1);
    const written = new Map<string, ArrayLike<RecordValue>>();
    for (const { planned, formula } of this.compiled) {
      const { input, output } = planned;
      const current = new ColumnBatch(n, (name) => {
        if (name === CURRENT_FIELD) return batch.field(input.name);
        if (name === CURRENT_NAME) return broadcast('string', input.name, n);
        if (name === CURRENT_TYPE) return broadcast('string', ALTERYX_TYPE_NAMES[input.type], n);
        return batch.field(name);
      });
      const { column, values } = columnAsField(formula.evaluate(current), output, warn);
      // later fields see this result, as later formulas of the Formula tool do
      batch.assign(output.name, column);
      written.set(output.name, values);
    }
    const names = [...written.keys()];
    const fields = names.map((name) => this.plan!.metadata.fields.find((f) => f.name === name)!);
    const made = tableOf(this.provider.records.fromColumns({ fields }, Object.fromEntries(written)));
    const replace = names.map((_, i) => ({ field: made.schema.fields[i], data: made.batches[0].data.children[i] }));
    const out = withColumns(singleBatch(table), replace);
    await this.provider.getOutputAnchor('Output').write(new ArrowRecordPacket(this.plan.metadata, out));
  }

  onComplete(): void {
    for (const { planned, formula } of this.compiled) {
      for (const warning of formula.takeWarnings()) this.provider.io.warn(`field "${planned.input.name}": ${warning}`);
    }
    for (const [message, count] of this.conversionWarnings) {
      this.provider.io.warn(`${message}: the value became null${count > 1 ? ` (${count} rows)` : ''}`);
    }
  }
}
