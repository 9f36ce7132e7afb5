/**
 * The Filter tool: rows where the condition is true go to True, the others (false or null) to
 * False. The condition is checked in update-only and compiled once per run; each packet is
 * evaluated column-wise and split, or passed on whole when every row goes the same way. A side
 * no tool reads gets only the rows its preview shows; the others are counted (OutputAnchor.skip).
 */
import type { InputConnection, Metadata, Plugin, Provider, RecordPacket } from '../../shared/sdk/index.js';
import { tableOf } from '../common/transformColumns.js';
import { ArrowRecordPacket } from '../../shared/sdk/recordPacket.js';
import { takeTable } from '../common/ioArrowTake.js';
import { writeRowsRead } from '../common/ioUnreadRows.js';
import { compileFormula, type CompiledFormula } from '../formula-language/formula.js';
import { formatFormulaError } from '../formula-language/formulaError.js';
import { packetBatch } from '../formula-language/packetColumns.js';
import { typeLabel } from '../formula-language/values.js';

export default class Filter implements Plugin {
  private readonly expression: string;
  private condition: CompiledFormula | null = null;
  private metadata: Metadata | null = null;
  /** row numbers of each side, reused by every packet (packets are handled one at a time, and takeTable copies) */
  private yes = new Int32Array(0);
  private no = new Int32Array(0);

  constructor(private readonly provider: Provider) {
    const raw = provider.toolConfig.expression;
    this.expression = typeof raw === 'string' ? raw : '';
  }

  onInputConnectionOpened(connection: InputConnection): void {
    if (this.expression.trim() === '') {
      this.provider.io.error('Condition: write a formula that gives true or false, e.g. [Amount] > 100');
      return;
    }
    const compiled = compileFormula(this.expression, connection.metadata);
    if (!compiled.ok) {
      this.provider.io.error(`Condition: ${formatFormulaError(compiled.error)}`);
      return;
    }
    if (compiled.formula.type !== 'bool' && compiled.formula.type !== 'null') {
      this.provider.io.error(`Condition: line 1, column 1: the condition gives ${typeLabel(compiled.formula.type)}; it must give true or false (e.g. compare it: ... > 0)`);
      return;
    }
    this.condition = compiled.formula;
    this.metadata = connection.metadata;
    this.provider.getOutputAnchor('True').open(connection.metadata);
    this.provider.getOutputAnchor('False').open(connection.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (this.condition === null || this.metadata === null) return;
    const packet = connection.read();
    const table = tableOf(packet);
    const n = table.numRows;
    if (n === 0) return;
    const result = this.condition.evaluate(packetBatch(table, this.metadata));
    if (this.yes.length < n) {
      this.yes = new Int32Array(n);
      this.no = new Int32Array(n);
    }
    const { yes, no } = this;
    let y = 0;
    let o = 0;
    if (result.type === 'bool') {
      const { values, nulls } = result;
      for (let i = 0; i < n; i++) {
        if (values[i] === 1 && (nulls === null || nulls[i] === 0)) yes[y++] = i;
        else no[o++] = i;
      }
    } else {
      for (let i = 0; i < n; i++) no[o++] = i;
    }
    await this.send('True', packet, yes.subarray(0, y));
    await this.send('False', packet, no.subarray(0, o));
  }

  private async send(anchorName: 'True' | 'False', packet: RecordPacket, rows: Int32Array): Promise<void> {
    const anchor = this.provider.getOutputAnchor(anchorName);
    // a side nothing reads gets only the rows its preview still shows; the rest are counted
    await writeRowsRead(anchor, rows.length, (head) => {
      // the whole packet goes one way: hand it on as is (it is ours, and we are done with it)
      if (head === packet.length) return packet;
      // the rows taken on the Arrow buffers (dictionary strings stay dictionary, nothing decoded)
      return new ArrowRecordPacket(this.metadata!, takeTable(tableOf(packet), rows.subarray(0, head)));
    });
  }

  onComplete(): void {
    for (const warning of this.condition?.takeWarnings() ?? []) this.provider.io.warn(`Condition: ${warning}`);
  }
}
