/**
 * What every input format offers the tool: its fields (cheap, for update-only) and its rows as
 * a stream of Arrow record batches. Warnings (values that did not convert…) are collected as text.
 */
import type { RecordBatch } from 'apache-arrow';
import type { Field } from '../../../shared/sdk/index.js';
import type { FieldType } from '../../../shared/metadata.js';
import type { CsvEncoding } from '../csv/csvReader.js';

export type InputFormat = 'csv' | 'tsv' | 'ndjson' | 'json' | 'parquet' | 'xlsx' | 'arrow';

/** how to read the file, as the user sets it in the tool's config (besides path and format) */
export interface ReadSettings {
  delimiter: string;
  quote: string;
  hasHeader: boolean;
  encoding: CsvEncoding;
  skipRows: number;
  sheet: string;
  fieldTypes: Record<string, FieldType>;
}

export interface InputOptions extends ReadSettings {
  /** absolute path */
  path: string;
  /** the path as the user wrote it, for messages */
  file: string;
  format: InputFormat;
  /** rows per packet */
  batchRows: number;
}

export interface Source {
  /** synchronous: update-only calls only the constructor, which must open the anchor */
  fields(): Field[];
  batches(onProgress?: (fraction: number) => void): AsyncGenerator<RecordBatch>;
  /** problems met while reading, as messages (each names the file and the place) */
  warnings(): string[];
}

const EXTENSIONS: Record<string, InputFormat> = {
  '.csv': 'csv', '.txt': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.json': 'json',
  '.parquet': 'parquet', '.pq': 'parquet', '.xlsx': 'xlsx', '.arrow': 'arrow', '.feather': 'arrow', '.arrows': 'arrow', '.ipc': 'arrow',
};

/** the format named by a file's extension, or null */
export function formatOfPath(file: string): InputFormat | null {
  const m = /\.[^./\\]+$/.exec(file.toLowerCase());
  return m ? EXTENSIONS[m[0]] ?? null : null;
}

export function describeFailures(file: string, failures: { row: number; field: string; value: unknown }[], rowOffset: number, type: (f: string) => string): string[] {
  return failures.slice(0, 5).map((f) => `${file}: record ${rowOffset + f.row + 1}, field "${f.field}": ${JSON.stringify(String(f.value))} is not a ${type(f.field)}; set to null`);
}
