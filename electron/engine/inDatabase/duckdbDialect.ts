/** DuckDB's SQL (embedded, `@duckdb/node-api`): the first dialect of the in-database engine. */
import type { FileFormat, SqlDialect } from './sqlDialect.js';

const quote = (value: string, mark: string) => `${mark}${value.replaceAll(mark, mark + mark)}${mark}`;

// Formula functions whose DuckDB form gives the same value for every input, nulls included
// (docs/formula.md). Anything not here keeps its tool streaming.
const FUNCTIONS: Record<string, (a: string[]) => string | null> = {
  isnull: ([x]) => (x === undefined ? null : `(${x} IS NULL)`),
  isempty: ([x]) => (x === undefined ? null : `(${x} IS NULL OR CAST(${x} AS VARCHAR) = '')`),
  abs: ([x]) => (x === undefined ? null : `abs(${x})`),
  lowercase: ([x]) => (x === undefined ? null : `lower(${x})`),
  uppercase: ([x]) => (x === undefined ? null : `upper(${x})`),
  length: ([x]) => (x === undefined ? null : `length(${x})`),
  iif: ([c, a, b]) => (b === undefined ? null : `(CASE WHEN ${c} THEN ${a} ELSE ${b} END)`),
};

export const duckdbDialect: SqlDialect = {
  name: 'duckdb',
  ident: (name) => quote(name, '"'),
  text: (value) => quote(value, "'"),
  readFile(path, format: FileFormat) {
    const file = quote(path, "'");
    if (format === 'csv') return `read_csv(${file}, header = true, delim = ',', quote = '"', escape = '"')`;
    if (format === 'parquet') return `read_parquet(${file})`;
    return `read_json(${file}, format = 'newline_delimited')`;
  },
  writeFile(select, path, format) {
    const file = quote(path, "'");
    if (format === 'csv') return `COPY (${select}) TO ${file} (FORMAT csv, HEADER true, DELIMITER ',')`;
    if (format === 'parquet') return `COPY (${select}) TO ${file} (FORMAT parquet)`;
    return null;
  },
  call(name, args) {
    const translate = FUNCTIONS[name.toLowerCase()];
    return translate ? translate(args) : null;
  },
  rowNumber: () => 'row_number() OVER ()',
};
