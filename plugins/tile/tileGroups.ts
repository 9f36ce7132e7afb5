/**
 * Tiles of held rows: rows arranged group after group (transformGroupOrder), each group's rows
 * ordered by the sort field where the method has one, then tile numbers and sequence numbers (the
 * position of a row within its tile) per group.
 */
import type { Table } from 'apache-arrow';
import type { RecordValue } from '../../shared/sdk/index.js';
import { concatColumns, gather, readColumn, type ColumnValues } from '../common/transformColumns.js';
import { rowComparator } from '../common/transformCompare.js';
import { GroupIndex } from '../common/transformGroupKeys.js';
import { groupOrder } from '../common/transformGroupOrder.js';
import { isNumericType } from '../common/transformTypes.js';
import type { TilePlan } from './tileConfig.js';
import { equalRecords, equalSum, keepRunsTogether, manualTile, SMART_TILE_NAMES, smartTile } from './tileMethods.js';

export interface TiledRows {
  /** the input row (numbered across the tables) of each output row */
  rows: Int32Array;
  tileNum: (number | null)[];
  sequence: Int32Array;
  names: (string | null)[] | null;
}

/** tile numbers of one group's rows (already in output order); null where no tile applies */
export function tilesOf(plan: TilePlan, rows: Int32Array, column: (name: string) => ColumnValues): (number | null)[] {
  const { config } = plan;
  const values = (name: string): RecordValue[] => Array.from(rows, (r) => column(name)[r] as RecordValue);
  switch (config.method) {
    case 'equalRecords': {
      const tiles = equalRecords(rows.length, config.numTiles);
      if (plan.dontSplitField) keepRunsTogether(tiles, values(plan.dontSplitField.name));
      return Array.from(tiles);
    }
    case 'equalSum': return Array.from(equalSum(values(plan.field!.name), config.numTiles));
    case 'smartTile': return Array.from(smartTile(values(plan.field!.name)), (t) => (t === 0 ? null : t - 4));
    case 'manual': return Array.from(manualTile(values(plan.field!.name), config.cutoffs), (t) => (t === 0 ? null : t));
    case 'uniqueValue': {
      const ids = new GroupIndex(plan.uniqueNames.length).addColumns(plan.uniqueNames.map((n) => gather(column(n), rows)));
      return Array.from(ids, (id) => id + 1);
    }
  }
}

/** the rows of one group in output order: sorted by the sort field, or by the unique fields, where the method says */
function orderWithin(plan: TilePlan, rows: Int32Array, column: (name: string) => ColumnValues): Int32Array {
  const { config } = plan;
  let keys: { values: ColumnValues; descending: boolean; nullsFirst: boolean }[] = [];
  if (plan.sortField && (config.method === 'equalRecords' || config.method === 'equalSum')) {
    // Alteryx sorts numbers descending, every other type ascending
    const descending = isNumericType(plan.sortField.type);
    keys = [{ values: gather(column(plan.sortField.name), rows), descending, nullsFirst: !descending }];
  } else if (config.method === 'uniqueValue' && !config.dontSort) {
    keys = plan.uniqueNames.map((n) => ({ values: gather(column(n), rows), descending: false, nullsFirst: true }));
  }
  if (keys.length === 0) return rows;
  const local = Int32Array.from(rows.keys()).sort(rowComparator(keys));
  return Int32Array.from(local, (i) => rows[i]);
}

/** sequence numbers: the position of each row within its tile, counting in output order */
export function sequenceOf(tiles: (number | null)[], counters: Map<number | null, number>, out: Int32Array, at: number): void {
  tiles.forEach((t, i) => {
    const next = (counters.get(t) ?? 0) + 1;
    counters.set(t, next);
    out[at + i] = next;
  });
}

export function tileHeldRows(tables: Table[], plan: TilePlan): TiledRows {
  const cache = new Map<string, ColumnValues>();
  const column = (name: string): ColumnValues => {
    let values = cache.get(name);
    if (!values) cache.set(name, (values = concatColumns(tables.map((t) => readColumn(t, name)))));
    return values;
  };
  const { rowAt, starts } = groupOrder(tables, plan.groupNames);
  const n = rowAt.length;
  const rows = new Int32Array(n);
  const tileNum: (number | null)[] = new Array(n);
  const sequence = new Int32Array(n);
  for (let g = 0; g + 1 < starts.length; g++) {
    const ordered = orderWithin(plan, rowAt.subarray(starts[g], starts[g + 1]), column);
    const tiles = tilesOf(plan, ordered, column);
    rows.set(ordered, starts[g]);
    tiles.forEach((t, i) => { tileNum[starts[g] + i] = t; });
    sequenceOf(tiles, new Map(), sequence, starts[g]);
  }
  const names = plan.config.method === 'smartTile' && plan.config.smartTileName ? tileNum.map((t) => (t === null ? null : SMART_TILE_NAMES[t])) : null;
  return { rows, tileNum, sequence, names };
}
