/**
 * The Join tool. Both inputs are held in memory (Arrow form) until the run completes, since either
 * may be the larger one; then the hash table is built on the smaller side. Outputs: Join (matched
 * pairs, left order then right order), Left (unmatched left rows, in order), Right (unmatched right
 * rows, in order).
 */
import type { InputConnection, Metadata, Plugin, Provider } from '../../shared/sdk/index.js';
import { tableOf, type ColumnValues } from '../common/transformColumns.js';
import { PACKET_ROWS, writeColumns } from '../common/transformOutput.js';
import { HeldRows } from '../common/transformHeldRows.js';
import { matchSides } from './joinMatch.js';
import { planJoinOutput, readJoinKeys, resolveJoinKeys, type JoinKeyConfig, type JoinKeys, type JoinOutput } from './joinPlan.js';
import { dataRecord } from '../../shared/ownValue.js';

type Side = 'Left' | 'Right';

export default class Join implements Plugin {
  private readonly keyConfig: JoinKeyConfig[];
  private readonly metadata: Record<Side, Metadata | null> = { Left: null, Right: null };
  private readonly held: Record<Side, HeldRows> = { Left: new HeldRows(), Right: new HeldRows() };
  private keys: JoinKeys | null = null;
  private output: JoinOutput | null = null;
  private failed = false;

  constructor(private readonly provider: Provider) {
    this.keyConfig = readJoinKeys(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const side = connection.anchor as Side;
    this.metadata[side] = connection.metadata;
    const keys = resolveJoinKeys(this.keyConfig, this.metadata.Left, this.metadata.Right);
    if ('errors' in keys) {
      this.failed = true;
      this.provider.io.error(keys.errors.join('; '));
      return;
    }
    this.provider.getOutputAnchor(side).open(connection.metadata);
    if (this.metadata.Left && this.metadata.Right) {
      this.keys = keys;
      this.output = planJoinOutput(this.metadata.Left, this.metadata.Right);
      this.provider.getOutputAnchor('Join').open(this.output.metadata);
    }
  }

  onRecordPacket(connection: InputConnection): void {
    const table = tableOf(connection.read());
    if (table.numRows > 0) this.held[connection.anchor as Side].add(table);
  }

  async onComplete(): Promise<void> {
    if (this.failed || !this.keys || !this.output) return;
    const left = this.metadata.Left!;
    const right = this.metadata.Right!;
    const matches = matchSides(this.held.Left.tables, this.held.Right.tables, this.keys);
    const { records } = this.provider;
    const joined = this.provider.getOutputAnchor('Join');
    for (let start = 0; start < matches.left.length; start += PACKET_ROWS) {
      const end = Math.min(matches.left.length, start + PACKET_ROWS);
      const l = matches.left.subarray(start, end);
      const r = matches.right.subarray(start, end);
      const columns: Record<string, ColumnValues> = dataRecord();
      for (const f of left.fields) columns[f.name] = this.held.Left.gather(f.name, l);
      right.fields.forEach((f, i) => { columns[this.output!.rightNames[i]] = this.held.Right.gather(f.name, r); });
      await writeColumns(joined, records, this.output.metadata, columns, end - start);
    }
    await this.writeRows('Left', left, matches.leftUnmatched);
    await this.writeRows('Right', right, matches.rightUnmatched);
    this.held.Left.release();
    this.held.Right.release();
  }

  private async writeRows(side: Side, metadata: Metadata, rows: Int32Array): Promise<void> {
    for (let start = 0; start < rows.length; start += PACKET_ROWS) {
      const slice = rows.subarray(start, Math.min(rows.length, start + PACKET_ROWS));
      const out: Record<string, ColumnValues> = dataRecord();
      for (const f of metadata.fields) out[f.name] = this.held[side].gather(f.name, slice);
      await writeColumns(this.provider.getOutputAnchor(side), this.provider.records, metadata, out, slice.length);
    }
  }
}
