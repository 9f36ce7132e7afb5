/**
 * A named database connection as the app stores it (`weft connections add`). Workflows name the
 * connection only; the password stays in the OS keychain or the app's private connections file.
 */
export type DatabaseKind = 'postgresql';

export interface DatabaseConnection {
  name: string;
  kind: DatabaseKind;
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /** require TLS to the server */
  ssl: boolean;
}

/** what listing shows: everything but the password, and where the password is kept */
export interface DatabaseConnectionSummary extends Omit<DatabaseConnection, 'password'> {
  passwordIn: 'keychain' | 'file' | 'none';
}

/** a connection name: letters, digits, `.`, `_`, `-`, at most 64 characters, starting with a letter or digit */
export const CONNECTION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** the fields of `postgres://user:password@host:port/database?sslmode=require` (a missing password is '') */
export function parseConnectionUrl(name: string, url: string): DatabaseConnection {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`connection "${name}": "${url.replace(/:[^:@/]*@/, ':***@')}" is not a URL like postgres://user:password@host:5432/database`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`connection "${name}": only PostgreSQL URLs (postgres://…) are supported, not ${parsed.protocol}//`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const sslmode = parsed.searchParams.get('sslmode');
  return {
    name, kind: 'postgresql', host: decodeURIComponent(parsed.hostname) || 'localhost', port: parsed.port ? Number(parsed.port) : 5432,
    database: database || 'postgres', user: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password),
    ssl: sslmode === 'require' || sslmode === 'verify-full' || sslmode === 'verify-ca',
  };
}
