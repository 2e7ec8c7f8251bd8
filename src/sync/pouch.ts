// The PouchDB databases a run uses: this device's copy (IndexedDB in the
// browser) and the reader's server. The only module that loads PouchDB, so
// the engine takes both as arguments and Node tests hand it memory ones.

import PouchDB from 'pouchdb-browser';
import type { PouchDatabase, PouchStatic } from './pouch-api';
import { type SyncConfig, databaseUrl } from './config';
import { transportError } from './faults';

export const LOCAL_COPY = 'interview-highlights-sync';

/** How long one request to the server may take before the run gives up (it resumes next time). */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface PouchOptions {
  /** The PouchDB to build with; pouchdb-browser unless a test adds an adapter to it. */
  PouchDB?: PouchStatic;
  /** Extra options for the local copy, e.g. `{ adapter: 'memory' }` in Node. */
  local?: Record<string, unknown>;
  timeoutMs?: number;
}

export function openLocalCopy(name: string = LOCAL_COPY, options: PouchOptions = {}): PouchDatabase {
  const P = options.PouchDB ?? PouchDB;
  // Old revisions' bodies are not needed once merged: keep only the leaves.
  return new P(name, { auto_compaction: true, ...options.local });
}

/** Statuses whose answer has no body; a Response cannot be built with one. */
const NO_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * The server's database. Its requests go through a fetch that reads each
 * answer whole and names what went wrong in the request itself (no answer,
 * a connection cut after earlier answers, an answer that is not JSON),
 * since PouchDB's own errors keep only the message.
 */
export function openServer(config: SyncConfig, options: PouchOptions = {}): PouchDatabase {
  const P = options.PouchDB ?? PouchDB;
  const timeout = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  let answered = false;
  const serverFetch = async (url: string | Request, init?: RequestInit): Promise<Response> => {
    const signals = [AbortSignal.timeout(timeout), ...(init?.signal ? [init.signal] : [])];
    let res: Response;
    let body: string;
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.any(signals) });
      body = await res.text();
    } catch (e) {
      throw transportError(answered ? 'cut' : 'no-answer', e);
    }
    // CouchDB answers JSON, as text/plain unless asked otherwise, so the body is what tells.
    if (body !== '' && !/^\s*[[{]/.test(body)) {
      const type = res.headers.get('content-type') ?? 'no content type';
      throw transportError('not-couchdb', `${res.status} ${type}: ${body.slice(0, 100)}`, res.status);
    }
    answered = true;
    return new Response(NO_BODY.has(res.status) ? null : body, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
  const db = new P(databaseUrl(config), {
    // Never create the reader's database: a missing one is reported instead.
    skip_setup: true,
    ...(config.username ? { auth: { username: config.username, password: config.password } } : {}),
    fetch: serverFetch,
  });
  // PouchDB's replicator reads the source's info() for its progress report
  // without catching a failure (completeBatch: `src.info().then(…)`), so a
  // connection cut at that moment became an unhandled rejection. Nothing here
  // uses that report; a real failure still ends the run at its next request.
  const info = db.info.bind(db);
  db.info = () => info().catch(() => ({ update_seq: 0, doc_count: 0 }));
  return db;
}
