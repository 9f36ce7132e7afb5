/**
 * What the SQL generator needs to know about one database's SQL. DuckDB (embedded) is the first
 * dialect; a dialect answers null where it has no exact equivalent, and the tool then streams.
 */
export type FileFormat = 'csv' | 'parquet' | 'ndjson';

export interface SqlDialect {
  readonly name: string;
  /** a quoted identifier */
  ident(name: string): string;
  /** a quoted text literal */
  text(value: string): string;
  /** a relation reading the file, or null when this database cannot read it */
  readFile(path: string, format: FileFormat): string | null;
  /** a statement writing `select` to the file, or null */
  writeFile(select: string, path: string, format: FileFormat): string | null;
  /** a formula function with SQL arguments, or null when there is no exact translation */
  call(name: string, args: string[]): string | null;
  /** a row number in the relation's own order (input order) */
  rowNumber(): string;
}
