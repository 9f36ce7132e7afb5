/**
 * PostgreSQL for the I/O tools: a client from a named connection, the map between PostgreSQL
 * column types and Weft field types, and quoting of table names. Values are read as PostgreSQL's
 * own text (except bytea), so int8 and numeric keep every digit and dates stay ISO text; the
 * session runs in UTC so timestamptz reads as UTC.
 */
import pg from 'pg';
import type { DatabaseConnection, Field } from '../../shared/sdk/index.js';

export type { DatabaseConnection };

/** pg's parser for bytea (to a Buffer); every other type stays text */
const byteaParser = pg.types.getTypeParser(17, 'text');
const textTypes = {
  getTypeParser: (oid: number) => (oid === 17 ? byteaParser : (value: string) => value),
} as unknown as pg.CustomTypesConfig;

export function postgresClient(connection: DatabaseConnection): pg.Client {
  return new pg.Client({
    host: connection.host, port: connection.port, database: connection.database, user: connection.user, password: connection.password,
    ssl: connection.ssl ? { rejectUnauthorized: true } : false, types: textTypes, connectionTimeoutMillis: 15_000,
    application_name: 'weft', options: '-c TimeZone=UTC',
  });
}

/** the named connection from the tool's provider, or an error that says how to add it */
export function namedConnection(connections: Readonly<Record<string, DatabaseConnection>> | undefined, name: string): DatabaseConnection {
  if (!name) throw new Error('no connection chosen: set "connection" to a connection added with `weft connections add NAME --url postgres://…`');
  const connection = connections?.[name];
  if (!connection) throw new Error(`there is no connection named "${name}": add it with \`weft connections add ${name} --url postgres://user@host:5432/database --password-stdin\` (\`weft connections list\` shows those there are)`);
  return connection;
}

const OID = {
  bool: 16, bytea: 17, int8: 20, int2: 21, int4: 23, text: 25, oid: 26, float4: 700, float8: 701, bpchar: 1042, varchar: 1043,
  date: 1082, time: 1083, timestamp: 1114, timestamptz: 1184, numeric: 1700,
} as const;

/** the Weft field a PostgreSQL result column stands for */
export function fieldOfPostgres(name: string, oid: number, typmod: number): Field {
  switch (oid) {
    case OID.bool: return { name, type: 'bool' };
    case OID.int2: return { name, type: 'int16' };
    case OID.int4: return { name, type: 'int32' };
    case OID.int8: case OID.oid: return { name, type: 'int64' };
    case OID.float4: return { name, type: 'float' };
    case OID.float8: return { name, type: 'double' };
    case OID.numeric: {
      // numeric(p, s) keeps every digit as fixeddecimal; an unconstrained numeric has no size to give
      if (typmod < 4) return { name, type: 'double' };
      const size = ((typmod - 4) >> 16) & 0xffff;
      const scale = (typmod - 4) & 0xffff;
      return { name, type: 'fixeddecimal', size, scale };
    }
    case OID.date: return { name, type: 'date' };
    case OID.time: return { name, type: 'time' };
    case OID.timestamp: case OID.timestamptz: return { name, type: 'datetime' };
    case OID.bytea: return { name, type: 'blob' };
    case OID.varchar: case OID.bpchar:
      return typmod >= 4 ? { name, type: 'v_wstring', size: typmod - 4 } : { name, type: 'v_wstring' };
    default: return { name, type: 'v_wstring' };
  }
}

/** timestamptz text in a UTC session ends in +00; Weft datetimes carry no zone */
export function postgresTextToWeft(oid: number, text: string): string {
  return oid === OID.timestamptz ? text.replace(/\+00(:00)?$/, '') : text;
}

/** the PostgreSQL column type a Weft field is written as */
export function postgresTypeOf(field: Field): string {
  switch (field.type) {
    case 'bool': return 'boolean';
    case 'byte': case 'int16': return 'smallint';
    case 'int32': return 'integer';
    case 'int64': return 'bigint';
    case 'float': return 'real';
    case 'double': return 'double precision';
    case 'fixeddecimal': return field.size ? `numeric(${field.size}, ${field.scale ?? 0})` : 'numeric';
    case 'date': return 'date';
    case 'time': return 'time';
    case 'datetime': return 'timestamp';
    case 'blob': return 'bytea';
    default: return 'text';
  }
}

/** `"schema"."table"` from `table` or `schema.table` (a quoted part may hold dots: `"my.schema".t`) */
export function qualifiedTableName(table: string): string {
  const parts: string[] = [];
  const pattern = /\s*(?:"((?:[^"]|"")*)"|([^".\s]+))\s*(\.|$)/y;
  let at = 0;
  while (at < table.length) {
    pattern.lastIndex = at;
    const m = pattern.exec(table);
    if (!m) throw new Error(`"${table}" is not a table name: write table or schema.table (quote a part with ")`);
    parts.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
    at = pattern.lastIndex;
    if (m[3] === '' ) break;
  }
  if (parts.length === 0 || parts.length > 2) throw new Error(`"${table}" is not a table name: write table or schema.table`);
  return parts.map((p) => `"${p.replace(/"/g, '""')}"`).join('.');
}

/** the SELECT a database source runs: the query as written, or every column of the table */
export function sourceQuery(source: { table: string; query: string }): string {
  const query = source.query.trim().replace(/;\s*$/, '');
  if (query) return query;
  if (!source.table.trim()) throw new Error('no table or query: set "table" (schema.table) or "query"');
  return `SELECT * FROM ${qualifiedTableName(source.table.trim())}`;
}
