/**
 * Every row of any anchor of a past run, from the anchor cache (docs/cache.md): the run's
 * `tools.json` names the entry holding the tool's outputs, whose Arrow IPC file is read once and
 * kept (with its sort orders and profile) while the Results panel pages through it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { tableFromIPC, type Table, type Vector } from 'apache-arrow';
import type { AnchorProfile, AnchorSort } from '../../../shared/anchorData.js';
import type { Metadata } from '../../../shared/metadata.js';
import type { PreviewRow } from '../../../shared/runEvents.js';
import { dataRecord } from '../../../shared/ownValue.js';
import type { BrowsePage } from '../../../shared/weftApi.js';
import type { AnchorCacheStore } from '../runtime/anchorCache/anchorCacheStore.js';
import { previewValue } from '../runtime/packets/previewRows.js';
import { profileField } from './fieldProfile.js';

interface LoadedAnchor {
  key: string;
  table: Table;
  metadata: Metadata;
  orders: Map<string, Uint32Array>;
  profile: AnchorProfile | null;
}

/** how many anchors stay loaded (the one on screen and the one before it) */
const KEPT = 2;

export class AnchorRowsReader {
  private readonly loaded: LoadedAnchor[] = [];

  constructor(private readonly store: AnchorCacheStore | null) {}

  async page(runId: string, toolId: string, anchor: string, offset: number, limit: number, sort: AnchorSort | null): Promise<BrowsePage> {
    const loaded = await this.load(runId, toolId, anchor);
    const total = loaded.table.numRows;
    const end = Math.min(total, offset + limit);
    const order = sort ? this.order(loaded, sort) : null;
    const columns = loaded.table.schema.fields.map((f, i) => ({ name: f.name, vector: loaded.table.getChildAt(i) }));
    const rows: PreviewRow[] = [];
    for (let r = offset; r < end; r++) {
      const index = order ? order[r] : r;
      const row: PreviewRow = dataRecord();
      for (const column of columns) row[column.name] = previewValue(column.vector?.get(index));
      rows.push(row);
    }
    return { rows, offset, total };
  }

  async profile(runId: string, toolId: string, anchor: string): Promise<AnchorProfile> {
    const loaded = await this.load(runId, toolId, anchor);
    loaded.profile ??= {
      records: loaded.table.numRows,
      fields: loaded.metadata.fields.map((field, i) => profileField(field, loaded.table.getChildAt(i)!)),
    };
    return loaded.profile;
  }

  private async load(runId: string, toolId: string, anchor: string): Promise<LoadedAnchor> {
    const key = JSON.stringify([runId, toolId, anchor]);
    const kept = this.loaded.find((l) => l.key === key);
    if (kept) return kept;
    const stored = this.store ? await this.store.entryOfRunTool(runId, toolId) : null;
    if (!stored) throw new Error(`run ${runId} kept no rows of tool "${toolId}" (the anchor cache is off for that run, or its entry was removed to stay within the budget)`);
    const cached = Object.hasOwn(stored.entry.anchors, anchor) ? stored.entry.anchors[anchor] : undefined;
    if (!cached || !cached.opened || !cached.metadata) throw new Error(`tool "${toolId}" has no output "${anchor}" in run ${runId}`);
    if (!cached.file) throw new Error(`the rows of ${toolId}.${anchor} were not kept in the cache (over the budget); only the first ${cached.preview.length} are shown`);
    let table: Table;
    try {
      table = tableFromIPC(await fs.readFile(path.join(stored.dir, cached.file)));
    } catch (error) {
      throw new Error(`the cached rows of ${toolId}.${anchor} could not be read (${(error as Error).message})`);
    }
    const loaded: LoadedAnchor = { key, table, metadata: cached.metadata, orders: new Map(), profile: null };
    this.loaded.unshift(loaded);
    this.loaded.length = Math.min(this.loaded.length, KEPT);
    return loaded;
  }

  /** row indexes sorted by the field (nulls last in both directions); kept per field and direction */
  private order(loaded: LoadedAnchor, sort: AnchorSort): Uint32Array {
    const key = `${sort.descending ? '-' : '+'}${sort.field}`;
    const kept = loaded.orders.get(key);
    if (kept) return kept;
    const column = loaded.table.schema.fields.findIndex((f) => f.name === sort.field);
    if (column < 0) throw new Error(`no field "${sort.field}" to sort by`);
    const values = valuesOf(loaded.table.getChildAt(column)!);
    const order = Uint32Array.from({ length: values.length }, (_, i) => i);
    const sign = sort.descending ? -1 : 1;
    order.sort((a, b) => {
      const x = values[a];
      const y = values[b];
      if (x === null) return y === null ? a - b : 1;
      if (y === null) return -1;
      return x < y ? -sign : x > y ? sign : a - b;
    });
    loaded.orders.set(key, order);
    return order;
  }
}

function valuesOf(vector: Vector): Array<string | number | bigint | boolean | null> {
  const values = new Array<string | number | bigint | boolean | null>(vector.length);
  for (let i = 0; i < vector.length; i++) {
    const value: unknown = vector.get(i);
    values[i] = value === null || value === undefined ? null
      : value instanceof Date ? value.getTime()
        : typeof value === 'object' ? String(value) : (value as string | number | bigint | boolean);
  }
  return values;
}
