// Where a reader's library syncs to: the server, the database on it, and the
// account. Checked where it is typed in (Settings) and again before each run.

import { record, str, ValidationError } from '../check';

export interface SyncConfig {
  /** The server's address, e.g. https://couch.example.org or http://127.0.0.1:5984. */
  server: string;
  /** The CouchDB database name. */
  database: string;
  username: string;
  password: string;
}

/** CouchDB's rule for database names. */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

export function checkSyncConfig(v: unknown, path = 'sync'): SyncConfig {
  const o = record(v, path);
  const server = str(o.server, `${path}.server`, 2000, { nonEmpty: true }).trim();
  let u: URL;
  try {
    u = new URL(server);
  } catch {
    throw new ValidationError(`${path}.server`, `expected a server address like https://couch.example.org`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new ValidationError(`${path}.server`, 'expected an http or https address');
  if (u.username || u.password)
    throw new ValidationError(`${path}.server`, 'put the user name and password in their own fields');
  if (u.search || u.hash) throw new ValidationError(`${path}.server`, 'expected an address without ? or #');
  const database = str(o.database, `${path}.database`, 238, { nonEmpty: true }).trim();
  if (!DB_NAME.test(database))
    throw new ValidationError(
      `${path}.database`,
      'a CouchDB database name starts with a lowercase letter and holds only a-z, 0-9 and _ $ ( ) + - /',
    );
  return {
    server: u.href.replace(/\/+$/, ''),
    database,
    username: str(o.username, `${path}.username`, 500),
    password: str(o.password, `${path}.password`, 500),
  };
}

/** The database's address. */
export function databaseUrl(c: SyncConfig): string {
  return `${c.server}/${encodeURIComponent(c.database)}`;
}

/** The match pattern to request as an optional host permission: the server's origin only. */
export function serverOrigin(c: SyncConfig): string {
  return `${new URL(c.server).origin}/*`;
}
