/**
 * Rows of one worksheet of an .xlsx file through exceljs's streaming reader (rows are never all in
 * memory). `sheet` picks a worksheet by name (empty: the first). Cell values: formulas give their
 * result, rich text its text, dates become ISO text (a date at midnight, else a date-time).
 */
import type ExcelJS from 'exceljs';
import { openRegularFile } from '../../common/ioRegularFile.js';
import { isoDate, isoDatetime } from '../../common/ioValues.js';
import { checkXlsxZip, xlsxReadError } from './xlsxZipCheck.js';

export interface XlsxReadOptions {
  path: string;
  file: string;
  sheet: string;
  hasHeader: boolean;
  skipRows: number;
}

export type CellValue = string | number | boolean | null;

function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    return value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0 && value.getUTCMilliseconds() === 0
      ? isoDate(value) : isoDatetime(value);
  }
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ('result' in v) return cellValue(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return cellValue(v.text);
    return null;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** the header (when `hasHeader`) through `onHeader`, then data rows; stops after `limit` rows; errors name the file */
export async function* readXlsxRows(options: XlsxReadOptions, onHeader: (names: string[]) => void, limit?: number): AsyncGenerator<CellValue[]> {
  try {
    yield* readRows(options, onHeader, limit);
  } catch (error) {
    throw xlsxReadError(options.file, error);
  }
}

async function* readRows(options: XlsxReadOptions, onHeader: (names: string[]) => void, limit?: number): AsyncGenerator<CellValue[]> {
  const { handle, size } = await openRegularFile(options.path, options.file);
  if (size === 0) {
    await handle.close();
    return;
  }
  try {
    checkXlsxZip(options.path, options.file);
  } catch (error) {
    await handle.close();
    throw error;
  }
  // loaded on first use: exceljs costs ~0.5 s of CPU to import, too much for every Input Data tool
  const { default: excel } = await import('exceljs');
  // the stream closes the handle when it ends or is destroyed
  const reader = new excel.stream.xlsx.WorkbookReader(handle.createReadStream(), {
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit',
  });
  let found = false;
  const sheets: string[] = [];
  let count = 0;
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name: string }).name;
    sheets.push(name);
    if (found || (options.sheet !== '' && name !== options.sheet)) {
      for await (const _row of sheet as AsyncIterable<ExcelJS.Row>) { /* drain: sheets come in file order */ }
      continue;
    }
    found = true;
    let skipped = 0;
    let headerDone = !options.hasHeader;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[]).slice(1).map(cellValue);
      if (skipped < options.skipRows) { skipped++; continue; }
      if (!headerDone) {
        onHeader(values.map((v) => (v === null ? '' : String(v))));
        headerDone = true;
        continue;
      }
      if (limit !== undefined && count >= limit) break;
      count++;
      yield values;
    }
    if (limit !== undefined) break;
  }
  if (!found) throw new Error(`${options.file}: no worksheet named "${options.sheet}"${sheets.length ? ` (sheets: ${sheets.join(', ')})` : ''}`);
}
