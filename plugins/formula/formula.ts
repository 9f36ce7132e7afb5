/**
 * The Formula tool: computes fields with formulas applied in order (new fields appended, existing
 * fields replaced in place). Planned and checked in update-only; compiled once per run; each
 * packet is evaluated column-wise and written as one packet.
 */
import type { InputConnection, Metadata, Plugin, Provider, RecordValue } from '../../shared/sdk/index.js';
import type { Table } from 'apache-arrow';
import { tableOf, type ColumnValues } from '../common/transformColumns.js';
import { ArrowRecordPacket } from '../../shared/sdk/recordPacket.js';
import { singleBatch, withColumns } from '../common/ioArrowTake.js';
import { compileFormula, type CompiledFormula } from '../formula-language/formula.js';
import { fitToField, sizedType } from '../common/transformFieldFit.js';
import { columnAsField, columnOfValues, packetBatch } from '../formula-language/packetColumns.js';
import { planFormulas, readFormulaConfig, type FormulaConfigEntry, type PlannedFormula } from './formulaPlan.js';

interface Compiled {
  planned: PlannedFormula;
  formula: CompiledFormula;
}

export default class Formula implements Plugin {
  private readonly entries: FormulaConfigEntry[] | string;
  private compiled: Compiled[] = [];
  private input: Metadata | null = null;
  private output: Metadata | null = null;
  private readonly conversionWarnings = new Map<string, number>();
  private readonly truncations = new Map<string, number>();

  constructor(private readonly provider: Provider) {
    this.entries = readFormulaConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    if (typeof this.entries === 'string') {
      this.provider.io.error(this.entries);
      return;
    }
    const plan = planFormulas(this.entries, connection.metadata);
    if (!plan.ok) {
      this.provider.io.error(plan.error);
      return;
    }
    this.input = connection.metadata;
    this.output = plan.metadata;
    if (!this.provider.environment.updateOnly) {
      this.compiled = plan.formulas.map((planned) => {
        const result = compileFormula(planned.expression, planned.sees);
        if (!result.ok) throw new Error(`internal: formula checked in planning failed to compile: ${result.error.message}`);
        return { planned, formula: result.formula };
      });
    }
    this.provider.getOutputAnchor('Output').open(plan.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (this.input === null || this.output === null) return;
    const table = tableOf(connection.read());
    const batch = packetBatch(table, this.input);
    const computed = new Map<string, ArrayLike<RecordValue>>();
    const warn = (message: string) => this.conversionWarnings.set(message, (this.conversionWarnings.get(message) ?? 0) + 1);
    for (const { planned, formula } of this.compiled) {
      const { column, values } = columnAsField(formula.evaluate(batch), planned.field, warn);
      const fitted = fitToField(values, planned.field);
      if (fitted.truncated > 0) this.count(this.truncations, `[${planned.field.name}]: text longer than ${sizedType(planned.field)} was truncated`, fitted.truncated);
      if (fitted.overflowed > 0) this.count(this.conversionWarnings, `field ${planned.field.name}: a number does not fit ${sizedType(planned.field)}`, fitted.overflowed);
      // later formulas see the value as the field stores it
      batch.assign(planned.field.name, fitted.values === values ? column : columnOfValues(planned.field, fitted.values as ColumnValues));
      computed.set(planned.field.name, fitted.values);
    }
    // Only the computed fields are built; every other column keeps its Arrow buffers (no decoding
    // to JS values and re-encoding: that was ~75% of this tool's time in the benchmark pipeline).
    const output = this.output;
    const names = [...computed.keys()];
    const made = tableOf(this.provider.records.fromColumns(
      { fields: names.map((name) => output.fields.find((f) => f.name === name)!) }, Object.fromEntries(computed)));
    const replace = names.map((name, i) => ({ field: made.schema.fields[i], data: made.batches[0].data.children[i] }));
    const out: Table = withColumns(singleBatch(table), replace);
    await this.provider.getOutputAnchor('Output').write(new ArrowRecordPacket(output, out));
  }

  onComplete(): void {
    for (const { planned, formula } of this.compiled) {
      for (const warning of formula.takeWarnings()) this.provider.io.warn(`[${planned.field.name}]: ${warning}`);
    }
    for (const [message, count] of this.conversionWarnings) {
      this.provider.io.warn(`${message}: the value became null${count > 1 ? ` (${count} rows)` : ''}`);
    }
    for (const [message, count] of this.truncations) this.provider.io.warn(`${message}${count > 1 ? ` (${count} rows)` : ''}`);
  }

  private count(counts: Map<string, number>, message: string, n: number): void {
    counts.set(message, (counts.get(message) ?? 0) + n);
  }
}
