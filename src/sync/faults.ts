// What a sync run tells the reader: a typed result with one sentence in plain
// words for each way it can fail, and the technical detail for the log.

import { toStoreError } from '../store/errors';

export const SYNC_FAILURES = [
  'off',
  'settings',
  'unreachable',
  'interrupted',
  'unauthorized',
  'forbidden',
  'db-missing',
  'bad-server',
  'quota',
  'local-storage',
] as const;
export type SyncFailure = (typeof SYNC_FAILURES)[number];

export interface SyncCounts {
  /** Changes this device sent to the server. */
  sent: number;
  /** Highlights and articles in this library that the run added, changed or removed. */
  received: number;
  /** Documents changed on two sides whose versions were merged. */
  merged: number;
  /** Documents left out because they are not valid (from a server, or a row the checker refuses). */
  refused: number;
}

export type SyncResult =
  | ({ ok: true; at: number } & SyncCounts)
  | ({ ok: false; at: number; reason: SyncFailure; message: string; detail: string } & SyncCounts);

const MESSAGES: Record<SyncFailure, string> = {
  off: 'Sync is off.',
  settings:
    'The sync settings are not complete or not valid. Check the server address, database name, user name and password.',
  unreachable:
    'The sync server could not be reached. Check its address and your connection; your highlights are safe here and will sync next time.',
  interrupted:
    'The connection to the sync server was lost during sync. Nothing was lost; the next sync continues where this one stopped.',
  unauthorized: 'The sync server refused the user name or password. Check them in Settings.',
  forbidden:
    'The sync server refused access to this database for this user. Ask its owner for access, or pick another database.',
  'db-missing':
    'The sync database does not exist on the server. Create it there (for example in CouchDB’s admin page), or check its name in Settings.',
  'bad-server':
    'The sync server gave an answer that is not a CouchDB database’s. Check the address in Settings; it should point at a CouchDB server.',
  quota:
    "Your browser's storage for Interview Highlights is full, so sync stopped. Free some disk space; nothing was lost and the next sync continues.",
  'local-storage': 'Interview Highlights could not read or write its library during sync. Please try again.',
};

export function syncMessage(reason: SyncFailure): string {
  return MESSAGES[reason];
}

/** Thrown by the run for a failure it has already named. */
export class SyncError extends Error {
  override name = 'SyncError';
  constructor(
    readonly reason: SyncFailure,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
  }
}

/** What the server's fetch saw: no answer, a connection cut after earlier answers, or an answer not from CouchDB. */
export type TransportFault = 'no-answer' | 'cut' | 'not-couchdb';

interface Described {
  status?: unknown;
  name?: unknown;
  message?: unknown;
  reason?: unknown;
  cause?: unknown;
  transport?: unknown;
}

function describe(e: unknown): string {
  if (typeof e !== 'object' || e === null) return String(e);
  const o = e as Described;
  const cause = o.cause as Described | undefined;
  const own = [
    ...new Set([o.status, o.name, o.message, o.reason].filter((x) => x !== undefined && x !== '')),
  ].join(' ');
  return cause && typeof cause === 'object' ? `${own} (${describe(cause)})` : own;
}

/**
 * An error for the server's fetch to throw. Its facts are own properties
 * because PouchDB rebuilds the errors it passes on from those alone.
 */
export function transportError(kind: TransportFault, cause: unknown, status?: number): Error {
  const e = new Error(typeof cause === 'string' ? cause : describe(cause));
  return Object.assign(e, { transport: kind, ...(status === undefined ? {} : { status }) });
}

function isQuota(e: unknown): boolean {
  if (toStoreError(e).kind === 'quota') return true;
  const o = (typeof e === 'object' && e !== null ? e : {}) as Described;
  // PouchDB's IndexedDB adapter reports a full disk as its own error with the DOM error's name as reason.
  return /quota/i.test(`${String(o.reason ?? '')} ${String(o.message ?? '')}`);
}

/** An error from the local stores (Dexie or the local PouchDB copy). */
export function localFailure(e: unknown): SyncError {
  if (e instanceof SyncError) return e;
  return new SyncError(isQuota(e) ? 'quota' : 'local-storage', describe(e), { cause: e });
}

/** An error from a replication with the server, or from the local copy while it ran. */
export function replicationFailure(e: unknown): SyncError {
  if (e instanceof SyncError) return e;
  const o = (typeof e === 'object' && e !== null ? e : {}) as Described;
  const detail = describe(e);
  const reason = ((): SyncFailure => {
    if (o.status === 401) return 'unauthorized';
    if (o.status === 403) return 'forbidden';
    if (o.transport === 'not-couchdb') return 'bad-server';
    if (o.status === 404) return 'db-missing';
    if (o.transport === 'no-answer') return 'unreachable';
    if (o.transport === 'cut') return 'interrupted';
    if (isQuota(e)) return 'quota';
    return 'bad-server';
  })();
  return new SyncError(reason, detail, { cause: e });
}
