/**
 * The Tile tool: adds Tile_Num and Tile_SequenceNum (see tool.json). Equal records, equal sum,
 * smart tile and sorted unique values need a whole group before the first tile is known, so the
 * tool holds every row; manual cut-offs and unsorted unique values without group-by stream.
 */
import type { Table } from 'apache-arrow';
import type { InputConnection, Plugin, Provider, RecordValue } from '../../shared/sdk/index.js';
import { ArrowRecordPacket } from '../../shared/sdk/recordPacket.js';
import { singleBatch, withColumns } from '../common/ioArrowTake.js';
import { concatColumns, gather, readColumn, tableOf, type ColumnValues } from '../common/transformColumns.js';
import { GroupIndex } from '../common/transformGroupKeys.js';
import { writeColumns } from '../common/transformOutput.js';
import { planTile, readTileConfig, type TileConfig, type TilePlan } from './tileConfig.js';
import { sequenceOf, tileHeldRows, tilesOf } from './tileGroups.js';

function streams(plan: TilePlan): boolean {
  const { method, dontSort } = plan.config;
  return plan.groupNames.length === 0 && (method === 'manual' || (method === 'uniqueValue' && dontSort));
}

export default class Tile implements Plugin {
  private readonly config: TileConfig;
  private plan: TilePlan | null = null;
  private held: Table[] = [];
  /** streaming: tile numbers of unique values by first appearance, and rows so far per tile */
  private uniques: GroupIndex | null = null;
  private readonly counters = new Map<number | null, number>();

  constructor(private readonly provider: Provider) {
    this.config = readTileConfig(provider.toolConfig);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    const plan = planTile(this.config, connection.metadata);
    if (typeof plan === 'string') {
      this.provider.io.error(plan);
      return;
    }
    this.plan = plan;
    this.uniques = new GroupIndex(plan.uniqueNames.length);
    this.provider.getOutputAnchor('Output').open(plan.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (!this.plan) return;
    const table = tableOf(connection.read());
    if (table.numRows === 0) return;
    if (!streams(this.plan)) {
      this.held.push(table);
      return;
    }
    const n = table.numRows;
    const tiles = this.plan.config.method === 'manual'
      ? tilesOf(this.plan, Int32Array.from({ length: n }, (_, i) => i), (name) => readColumn(table, name))
      : Array.from(this.uniques!.addTable(table, this.plan.uniqueNames), (id) => id + 1);
    const sequence = new Int32Array(n);
    sequenceOf(tiles, this.counters, sequence, 0);
    const made = tableOf(this.provider.records.fromColumns({ fields: this.plan.metadata.fields.slice(-2) }, { Tile_Num: tiles, Tile_SequenceNum: sequence as unknown as ArrayLike<RecordValue> }));
    const out = withColumns(singleBatch(table), made.schema.fields.map((field, i) => ({ field, data: made.batches[0].data.children[i] })));
    await this.provider.getOutputAnchor('Output').write(new ArrowRecordPacket(this.plan.metadata, out));
  }

  async onComplete(): Promise<void> {
    if (!this.plan || streams(this.plan)) return;
    const { rows, tileNum, sequence, names } = tileHeldRows(this.held, this.plan);
    const columns: Record<string, ColumnValues> = {};
    const inputFields = this.plan.metadata.fields.slice(0, this.plan.metadata.fields.length - (names ? 3 : 2));
    for (const field of inputFields) columns[field.name] = gather(concatColumns(this.held.map((t) => readColumn(t, field.name))), rows);
    this.held = [];
    columns.Tile_Num = tileNum;
    columns.Tile_SequenceNum = sequence;
    if (names) columns.Tile_Name = names;
    await writeColumns(this.provider.getOutputAnchor('Output'), this.provider.records, this.plan.metadata, columns, rows.length);
  }
}
