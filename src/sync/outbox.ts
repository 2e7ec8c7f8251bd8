// The outbox: which library rows changed since the last sync run, written in
// the same transaction as the change itself, so no write path can forget it.
// It is a Dexie DBCore middleware installed where the database is declared
// (LibraryDB), not a call in each write function: saves, edits, deletes, undo,
// backup import and clearing the library are all covered because they all
// reach IndexedDB through Dexie's core.
//
// Nothing is recorded unless sync is on (the `#state` row exists), so a
// reader who never turns sync on pays one small read per write and stores
// nothing. While sync is on the outbox holds at most one entry per row
// (the key is the row's table and id, a later write replaces the earlier
// entry), and every run drains it into the local PouchDB copy whether or not
// the server answers, so it cannot grow without bound. Turning sync off
// empties it.

import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type Dexie from 'dexie';

export const OUTBOX_TABLE = 'outbox';
export const SYNCED_TABLES = ['highlights', 'articles'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/**
 * The outbox row that says sync is on and how far the local copy has been
 * applied to the library. Entry keys (`table/id`) all sort after it.
 */
export const STATE_KEY = '#state';

export interface SyncState {
  key: typeof STATE_KEY;
  /** The local PouchDB's update_seq up to which its changes are in the library. */
  appliedSeq: number | string;
  /** Set while a run writes the outbox into PouchDB: if the run dies then, those writes are its own. */
  draining: boolean;
}

/** A row as Dexie stores it (a highlight or an article). */
export type StoredRow = object;

export interface OutboxEntry {
  /** `${table}/${id}`: one entry per row. */
  key: string;
  table: SyncedTable;
  id: string;
  op: 'put' | 'delete';
  /** When the write was made, on this device's clock; 0 for the entries turning sync on makes for existing rows. */
  at: number;
  /** New on every write, so a run can tell whether the row was written again while it worked. */
  stamp: string;
  /**
   * The row as it was before this device's pending changes to it (null if it
   * did not exist): a run turns `before → now` into edits of the synced copy.
   * Later writes keep it; a run moves it on when it folds the changes in.
   */
  before: StoredRow | null;
  /**
   * Set by a run just before it writes this entry's document to the local
   * copy: the document and the row it was made from. If the run dies before
   * it can take the entry off, the next run finds out whether the write
   * happened and, if so, takes `row` as the new `before`.
   */
  draft?: { doc: object; row: StoredRow | null };
}

export type OutboxRow = SyncState | OutboxEntry;

export const entryKey = (table: SyncedTable, id: string): string => `${table}/${id}`;

export function isEntry(row: OutboxRow): row is OutboxEntry {
  return row.key !== STATE_KEY;
}

function newStamp(): string {
  return globalThis.crypto.randomUUID();
}

const isSynced = (name: string): name is SyncedTable => (SYNCED_TABLES as readonly string[]).includes(name);

/**
 * Transactions the sync run itself writes with: what it applies came from
 * the synced copy, so recording it would only echo it back.
 */
const quiet = new WeakSet<object>();

/** Marks a Dexie transaction (its `idbtrans`) as the sync run's own. */
export function quietTransaction(idbtrans: object): void {
  quiet.add(idbtrans);
}

export interface OutboxOptions {
  /** The clock for `at`; Date.now unless a test moves it. */
  now?: () => number;
}

export function outboxMiddleware(options: OutboxOptions = {}): Middleware<DBCore> {
  const now = options.now ?? Date.now;
  return {
    stack: 'dbcore',
    name: 'sync-outbox',
    create(down) {
      if (!down.schema.tables.some((t) => t.name === OUTBOX_TABLE)) return {};
      const outbox = down.table(OUTBOX_TABLE);
      // One read of the switch per transaction, however many writes it makes.
      const on = new WeakMap<DBCoreTransaction, Promise<boolean>>();
      const syncOn = (trans: DBCoreTransaction): Promise<boolean> => {
        let p = on.get(trans);
        if (!p) {
          p = outbox.get({ trans, key: STATE_KEY }).then((s: unknown) => s !== undefined);
          on.set(trans, p);
        }
        return p;
      };

      const recording = (table: DBCoreTable & { name: SyncedTable }): DBCoreTable => ({
        ...table,
        async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
          const mode = (req.trans as { mode?: string }).mode;
          if (quiet.has(req.trans) || mode === 'versionchange' || !(await syncOn(req.trans)))
            return table.mutate(req);
          const extract = table.schema.primaryKey.extractKey!;
          // The rows as they were, for the keys this write touches.
          let keys: unknown[];
          let oldRows: (StoredRow | undefined)[];
          if (req.type === 'deleteRange') {
            const all = await table.query({
              trans: req.trans,
              query: { index: table.schema.primaryKey, range: req.range },
              values: true,
            });
            oldRows = all.result as StoredRow[];
            keys = oldRows.map(extract);
          } else {
            keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map(extract));
            oldRows = await table.getMany({ trans: req.trans, keys });
          }
          const res = await table.mutate(req);
          const op = req.type === 'delete' || req.type === 'deleteRange' ? 'delete' : 'put';
          const ids = keys.map(String);
          const existing = (await outbox.getMany({
            trans: req.trans,
            keys: ids.map((id) => entryKey(table.name, id)),
          })) as (OutboxEntry | undefined)[];
          const at = now();
          const entries: OutboxEntry[] = [];
          ids.forEach((id, i) => {
            if (res.failures[i]) return;
            const had = existing[i];
            entries.push({
              key: entryKey(table.name, id),
              table: table.name,
              id,
              op,
              at,
              stamp: newStamp(),
              before: had ? had.before : (oldRows[i] ?? null),
              ...(had?.draft ? { draft: had.draft } : {}),
            });
          });
          if (entries.length > 0) {
            const r = await outbox.mutate({ trans: req.trans, type: 'put', values: entries });
            if (r.numFailures > 0) throw Object.values(r.failures)[0];
          }
          return res;
        },
      });

      return {
        transaction(stores, mode, opts) {
          const scope =
            mode === 'readwrite' && stores.some(isSynced) && !stores.includes(OUTBOX_TABLE)
              ? [...stores, OUTBOX_TABLE]
              : stores;
          return down.transaction(scope, mode, opts);
        },
        table(name) {
          const table = down.table(name);
          return isSynced(name) ? recording(table as DBCoreTable & { name: SyncedTable }) : table;
        },
      };
    },
  };
}

/**
 * Turns recording on: the state row, and an entry for every row already in
 * the library so the first run sends all of it. Does nothing if already on.
 */
export async function startOutbox(db: Dexie): Promise<void> {
  await db.transaction('rw', [OUTBOX_TABLE, ...SYNCED_TABLES], async (tx) => {
    quietTransaction(tx.idbtrans);
    const out = db.table<OutboxRow, string>(OUTBOX_TABLE);
    if (await out.get(STATE_KEY)) return;
    const state: SyncState = { key: STATE_KEY, appliedSeq: 0, draining: false };
    const entries: OutboxEntry[] = [];
    for (const table of SYNCED_TABLES) {
      for (const id of await db.table(table).toCollection().primaryKeys()) {
        entries.push({
          key: entryKey(table, String(id)),
          table,
          id: String(id),
          op: 'put',
          at: 0,
          stamp: newStamp(),
          before: null,
        });
      }
    }
    await out.bulkPut([state, ...entries]);
  });
}

/** Turns recording off and forgets every pending entry (the library itself is untouched). */
export async function stopOutbox(db: Dexie): Promise<void> {
  await db.table(OUTBOX_TABLE).clear();
}

/** How many rows wait to be sent: the background schedules a run after a write only when this is above 0. */
export async function pendingChanges(db: Dexie): Promise<number> {
  return db.table(OUTBOX_TABLE).where('key').above(STATE_KEY).count();
}

export async function readState(db: Dexie): Promise<SyncState | undefined> {
  return (await db.table<OutboxRow, string>(OUTBOX_TABLE).get(STATE_KEY)) as SyncState | undefined;
}
