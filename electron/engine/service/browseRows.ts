/**
 * Pages through the rows the browse tool stored for a run (`browse-<toolId>.arrow`, an Arrow IPC
 * file) and makes them JSON-safe for the renderer: int64 as a decimal string, blob as base64.
 * The last file read is kept, so scrolling through a large result reads it once.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import type { PreviewRow } from '../../../shared/runEvents.js';
import { previewValue } from '../runtime/packets/previewRows.js';
import type { BrowsePage } from '../../../shared/weftApi.js';
import { dataRecord } from '../../../shared/ownValue.js';

export { browseResultFileName as browseFileName } from '../../../shared/browseResult.js';

export function tableRows(table: Table, offset: number, limit: number): PreviewRow[] {
  const end = Math.min(table.numRows, offset + limit);
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((_, i) => table.getChildAt(i));
  const rows: PreviewRow[] = [];
  for (let r = offset; r < end; r += 1) {
    const row: PreviewRow = dataRecord();
    names.forEach((name, i) => {
      row[name] = previewValue(columns[i]?.get(r));
    });
    rows.push(row);
  }
  return rows;
}

export class BrowseReader {
  private cached: { file: string; mtimeMs: number; table: Table } | null = null;

  async page(file: string, offset: number, limit: number): Promise<BrowsePage> {
    const table = await this.table(file);
    return { rows: tableRows(table, offset, limit), offset, total: table.numRows };
  }

  private async table(file: string): Promise<Table> {
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      throw new Error(`no browse result ${path.basename(file)} for this run (was the run cleaned, or did the tool not finish?)`);
    }
    if (this.cached && this.cached.file === file && this.cached.mtimeMs === stat.mtimeMs) return this.cached.table;
    const bytes = await fs.readFile(file);
    let table: Table;
    try {
      table = tableFromIPC(bytes);
    } catch (error) {
      throw new Error(`${file}: not an Arrow IPC file (${(error as Error).message})`);
    }
    this.cached = { file, mtimeMs: stat.mtimeMs, table };
    return table;
  }
}
