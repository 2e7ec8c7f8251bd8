// One sync run: the library (Dexie) ⇄ this device's copy (PouchDB) ⇄ the
// reader's CouchDB server. A run is one-shot and resumable:
//
//   1. apply what the local copy holds that the library does not yet
//      (a previous run cut between pulling and applying);
//   2. drain the outbox into the local copy (works with the server down);
//   3. one-shot replication with the server, push then pull (PouchDB
//      checkpoints both directions, so a cut one resumes where it stopped);
//   4. merge documents changed on two sides, remove the losing revisions, and
//      apply every change to the library, a batch per transaction, each batch
//      with the checkpoint (`appliedSeq`) that says it is in;
//   5. drain again (rows edited during the run) and send the merges.
//
// Nothing is lost at any cut: the outbox entry of a row is removed only
// after its document is in the local copy and only if the row was not
// written again meanwhile; a change from the server is in the local copy
// before the library, and the checkpoint moves only with the library.
// Rows with a pending outbox entry are never overwritten by step 4: the next
// drain folds the reader's change into the newer document instead.

import type Dexie from 'dexie';
import type { LibraryDB } from '../store/db';
import { ValidationError } from '../check';
import { checkArticle, checkHighlight } from '../store/validate';
import type { Article, Highlight } from '../types';
import {
  articleFromDoc,
  checkDoc,
  docId,
  type HighlightDoc,
  highlightFromDoc,
  rowOfDocId,
  sameDoc,
  type SyncDoc,
} from './docs';
import {
  localFailure,
  replicationFailure,
  type SyncCounts,
  SyncError,
  type SyncResult,
  syncMessage,
} from './faults';
import { foldArticle, foldHighlight, foldHighlightDelete } from './fold';
import { mergeDocs } from './merge';
import {
  entryKey,
  isEntry,
  OUTBOX_TABLE,
  type OutboxEntry,
  type OutboxRow,
  quietTransaction,
  readState,
  STATE_KEY,
  SYNCED_TABLES,
  type SyncState,
} from './outbox';
import type { PouchDatabase, PouchDoc } from './pouch-api';

export interface SyncDeps {
  /** The library's database (LibraryDB, whose middleware fills the outbox). */
  db: LibraryDB;
  /** This device's copy. */
  local: PouchDatabase;
  /** The reader's server database. */
  remote: PouchDatabase;
  /** Documents per batch (changes read, outbox entries drained, PouchDB replication batch). */
  batchSize?: number;
  now?: () => number;
  /**
   * The article keys whose highlights the run changed in the library, after
   * each transaction that changed some commits, as Library.onChange tells of
   * the reader's own writes: the background tells the open pages from there.
   */
  onChange?: (articleKeys: string[]) => void;
}

const DEFAULT_BATCH = 500;

interface Run {
  db: LibraryDB;
  local: PouchDatabase;
  batch: number;
  counts: SyncCounts;
  /** Article keys of the highlights written in the transaction under way (see libraryWrite). */
  touched: Set<string>;
  onChange: ((articleKeys: string[]) => void) | undefined;
}

/** Runs one after another per database: two runs never interleave their drains and applies. */
const running = new WeakMap<object, Promise<unknown>>();

export function runSync(deps: SyncDeps): Promise<SyncResult> {
  const prev = running.get(deps.db) ?? Promise.resolve();
  const next = prev.then(
    () => runOnce(deps),
    () => runOnce(deps),
  );
  running.set(deps.db, next);
  return next;
}

async function runOnce(deps: SyncDeps): Promise<SyncResult> {
  const now = deps.now ?? Date.now;
  const counts: SyncCounts = { sent: 0, received: 0, merged: 0, refused: 0 };
  const run: Run = {
    db: deps.db,
    local: deps.local,
    batch: deps.batchSize ?? DEFAULT_BATCH,
    counts,
    touched: new Set(),
    onChange: deps.onChange,
  };
  const fail = (e: SyncError): SyncResult => ({
    ok: false,
    at: now(),
    reason: e.reason,
    message: syncMessage(e.reason),
    detail: e.message,
    ...counts,
  });

  try {
    if (!(await readState(run.db))) return fail(new SyncError('off', 'sync is not turned on'));
    await recover(run);
    await applyChanges(run);
    await drain(run);
  } catch (e) {
    return fail(localFailure(e));
  }

  // Push, then pull: one after the other rather than PouchDB's sync(), which
  // runs both at once. Some servers answer a _changes read made during a
  // write with half of it (express-pouchdb did here: a pull listed only one
  // leaf of a conflict and never fetched the other); in turn, nothing is
  // read while this run writes.
  let lost: SyncError | undefined;
  const options = { live: false, retry: false, batch_size: run.batch } as const;
  try {
    const pushed = await deps.local.replicate.to(deps.remote, options);
    counts.sent += pushed.docs_written;
    if (pushed.doc_write_failures > 0) {
      lost = new SyncError('forbidden', `the server refused ${pushed.doc_write_failures} documents`);
    }
    await deps.local.replicate.from(deps.remote, options);
  } catch (e) {
    lost = replicationFailure(e);
  }

  const mergedBefore = counts.merged;
  let drained = 0;
  try {
    await applyChanges(run);
    drained = await drain(run);
  } catch (e) {
    lost ??= localFailure(e);
  }
  if (!lost && (counts.merged > mergedBefore || drained > 0)) {
    try {
      const r = await deps.local.replicate.to(deps.remote, options);
      counts.sent += r.docs_written;
    } catch (e) {
      lost = replicationFailure(e);
    }
  }
  return lost ? fail(lost) : { ok: true, at: now(), ...counts };
}

// ---- state ----

function outbox(db: Dexie): Dexie.Table<OutboxRow, string> {
  return db.table<OutboxRow, string>(OUTBOX_TABLE);
}

async function writeState(db: Dexie, patch: Partial<Omit<SyncState, 'key'>>): Promise<void> {
  await db.transaction('rw', OUTBOX_TABLE, async () => {
    const s = await readState(db);
    if (s) await outbox(db).put({ ...s, ...patch });
  });
}

/**
 * A run that died while draining: every change in the local copy since
 * appliedSeq is its own, and each entry's draft says what it was about to
 * write. Where that is in the local copy, the row it came from is the
 * entry's new `before`; where not, the next drain simply makes it again.
 */
async function recover(run: Run): Promise<void> {
  const { db, local } = run;
  const state = await readState(db);
  if (!state?.draining) return;
  const drafted = (await outbox(db).toArray()).filter((e): e is OutboxEntry => isEntry(e) && !!e.draft);
  const found = await local.allDocs({ keys: drafted.map((e) => docId(e.table, e.id)), include_docs: true });
  const written = drafted.map((e, i) => {
    const hit = found.rows[i];
    const doc = hit && 'doc' in hit && hit.doc ? checked(hit.doc, run) : null;
    return !!doc && sameDoc(doc, e.draft!.doc as SyncDoc);
  });
  const info = await local.info();
  await libraryWrite(run, async () => {
    for (const [i, e] of drafted.entries()) {
      const now = await outbox(db).get(e.key);
      if (!now || !isEntry(now) || !now.draft) continue;
      const { draft, ...rest } = now;
      await outbox(db).put(written[i] ? { ...rest, before: draft.row } : rest);
    }
    await writeState(db, { appliedSeq: info.update_seq, draining: false });
  });
}

/**
 * The same transaction scope and quiet mark for every write the run makes to
 * the library, and the one place that tells of the highlights it changed
 * (those showHighlights wrote): once committed, since a page that reads them
 * sooner finds the old rows; a transaction that failed changed nothing.
 */
async function libraryWrite<T>(run: Run, fn: () => Promise<T>): Promise<T> {
  const { db } = run;
  run.touched.clear();
  const out = await db.transaction('rw', [db.highlights, db.articles, db.table(OUTBOX_TABLE)], async (tx) => {
    quietTransaction(tx.idbtrans);
    return fn();
  });
  if (run.touched.size > 0) run.onChange?.([...run.touched]);
  return out;
}

// ---- rows ----

function asHighlight(row: unknown): Highlight {
  return checkHighlight(row, 'row');
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

// ---- local copy → library ----

interface Incoming {
  id: string;
  /** null: the document was removed outright (not by us: our deletes are documents too). */
  doc: SyncDoc | null;
}

/** Applies every change in the local copy after appliedSeq, a batch per transaction. */
async function applyChanges(run: Run): Promise<void> {
  for (;;) {
    const state = await readState(run.db);
    if (!state) return;
    const feed = await run.local.changes({
      since: state.appliedSeq,
      limit: run.batch,
      include_docs: true,
      conflicts: true,
    });
    if (feed.results.length === 0) return;
    const incoming: Incoming[] = [];
    for (const change of feed.results) {
      if (!rowOfDocId(change.id)) continue;
      if (change.deleted || !change.doc) {
        incoming.push({ id: change.id, doc: null });
        continue;
      }
      const doc = await resolve(run, change.doc);
      if (doc) incoming.push({ id: change.id, doc });
    }
    await applyBatch(run, incoming, feed.last_seq);
    if (feed.results.length < run.batch) return;
  }
}

function checked(raw: unknown, run: Run): SyncDoc | null {
  try {
    return checkDoc(raw);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    run.counts.refused++;
    return null;
  }
}

/**
 * The document to apply: the winning revision, or, when other devices'
 * revisions conflict with it, the merge of them all, written as the new
 * winner with the others removed. Both devices of a conflict compute the same
 * merge on the same parent, and PouchDB's revision ids are a hash of the
 * content, so they write the very same revision and agree.
 */
async function resolve(run: Run, winner: PouchDoc): Promise<SyncDoc | null> {
  const conflicts = winner._conflicts ?? [];
  const mine = checked(winner, run);
  if (conflicts.length === 0) return mine;
  const leaves = await run.local.get(winner._id, { open_revs: conflicts });
  let merged = mine;
  const losers: string[] = [];
  for (const leaf of leaves) {
    if (!('ok' in leaf) || leaf.ok._deleted) continue;
    losers.push(leaf.ok._rev);
    const doc = checked(leaf.ok, run);
    if (doc) merged = merged ? mergeDocs(merged, doc) : doc;
  }
  if (!merged) return null;
  const writes: object[] = losers.map((rev) => ({ _id: winner._id, _rev: rev, _deleted: true }));
  if (!mine || !sameDoc(merged, mine)) writes.unshift({ ...merged, _rev: winner._rev });
  await writeDocs(run.local, writes);
  run.counts.merged++;
  return merged;
}

async function writeDocs(local: PouchDatabase, docs: object[]): Promise<void> {
  if (docs.length === 0) return;
  const res = await local.bulkDocs(docs);
  const bad = res.find((r) => 'error' in r && r.error);
  if (bad) throw bad;
}

async function applyBatch(run: Run, incoming: Incoming[], lastSeq: number | string): Promise<void> {
  const { db } = run;
  await libraryWrite(run, async () => {
    const pending = new Set(
      (await outbox(db).bulkGet(incoming.map((x) => entryKeyOfDoc(x.id))))
        .filter((e): e is OutboxEntry => e !== undefined && isEntry(e))
        .map((e) => e.key),
    );
    const articles = incoming.flatMap((x) =>
      x.doc?.type === 'article' && !pending.has(entryKeyOfDoc(x.id)) ? (articleOf(x.doc, run) ?? []) : [],
    );
    const oldArticles = await db.articles.bulkGet(articles.map((a) => a.key));
    const changedArticles = articles.filter((a, i) => !same(oldArticles[i], a));
    await db.articles.bulkPut(changedArticles);
    run.counts.received += changedArticles.length;

    const highlights = incoming.filter((x) => x.doc === null || x.doc.type === 'highlight');
    const ids = highlights.map((x) => rowOfDocId(x.id)!.id);
    const current = await db.highlights.bulkGet(ids);
    const views: HighlightView[] = [];
    highlights.forEach((x, i) => {
      const next = x.doc === null ? null : viewOf(x.doc as HighlightDoc, run);
      if (next === undefined || pending.has(entryKeyOfDoc(x.id))) return;
      views.push({ id: ids[i]!, row: current[i], next });
    });
    await showHighlights(db, views, run);
    const state = await readState(db);
    if (state) await outbox(db).put({ ...state, appliedSeq: lastSeq });
  });
}

function entryKeyOfDoc(id: string): string {
  const r = rowOfDocId(id)!;
  return entryKey(r.table, r.id);
}

/** The row a highlight document shows (null: deleted), or undefined when it cannot make a valid row. */
function viewOf(doc: HighlightDoc, run: Run): Highlight | null | undefined {
  try {
    return highlightFromDoc(doc);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    run.counts.refused++;
    return undefined;
  }
}

function articleOf(doc: SyncDoc & { type: 'article' }, run: Run): Article | undefined {
  try {
    return checkArticle(articleFromDoc(doc), doc._id);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    run.counts.refused++;
    return undefined;
  }
}

// ---- outbox → local copy ----

/** What a drain does with one outbox entry. */
interface Plan {
  entry: OutboxEntry;
  /** The local copy's current revision of the document, if any. */
  rev: string | undefined;
  current: SyncDoc | undefined;
  /** The row now (undefined: gone). */
  row: object | undefined;
  /** The document to send, or null for nothing. */
  next: SyncDoc | null;
  /** Whether `next` differs from `current` and is written. */
  write: boolean;
}

/** Drains the outbox into the local copy; returns how many documents it wrote. */
async function drain(run: Run): Promise<number> {
  const { db, local } = run;
  let written = 0;
  for (;;) {
    const entries = (await outbox(db).where('key').above(STATE_KEY).limit(run.batch).toArray()).filter(
      isEntry,
    );
    if (entries.length === 0) return written;
    const rowOf = new Map<string, object | undefined>();
    for (const table of SYNCED_TABLES) {
      const ids = entries.filter((e) => e.table === table).map((e) => e.id);
      const rows = await db.table(table).bulkGet(ids);
      ids.forEach((id, i) => {
        rowOf.set(entryKey(table, id), rows[i]);
      });
    }
    const ids = entries.map((e) => docId(e.table, e.id));
    const found = await local.allDocs({ keys: ids, include_docs: true });
    const plans = entries.map((entry, i) => {
      const hit = found.rows[i];
      const rev = hit && 'value' in hit ? hit.value.rev : undefined;
      const raw = hit && 'doc' in hit && hit.doc ? hit.doc : undefined;
      const current = raw ? (checked(raw, run) ?? undefined) : undefined;
      const row = rowOf.get(entry.key);
      const plan: Plan = { entry, rev, current, row, next: nextDoc(entry, current, row, run), write: false };
      return plan;
    });

    for (const p of plans) p.write = !!p.next && !(p.current && sameDoc(p.next, p.current));
    const writes = plans.filter((p) => p.write).map((p) => (p.rev ? { ...p.next, _rev: p.rev } : p.next!));
    if (writes.length > 0) {
      // Marked first: if the run dies between the two stores, the next run
      // knows the local copy's newest changes are its own (see recover).
      // Only an edit of a row that had a `before` needs its draft: folding
      // anything else again gives the same document.
      const drafted = plans.filter(
        (p) => p.write && p.entry.table === 'highlights' && p.entry.before && p.row,
      );
      await libraryWrite(run, async () => {
        const now = await outbox(db).bulkGet(drafted.map((p) => p.entry.key));
        await outbox(db).bulkPut(
          drafted.flatMap((p, i) => {
            const e = now[i];
            return e && isEntry(e) ? [{ ...e, draft: { doc: p.next!, row: p.row ?? null } }] : [];
          }),
        );
        await writeState(db, { draining: true });
      });
      await writeDocs(local, writes);
      written += writes.length;
    }
    const info = await local.info();
    await libraryWrite(run, async () => {
      const now = await outbox(db).bulkGet(plans.map((p) => p.entry.key));
      const done: string[] = [];
      const rebased: OutboxEntry[] = [];
      const shown: Plan[] = [];
      plans.forEach((p, i) => {
        const e = now[i];
        if (!e || !isEntry(e)) return;
        if (e.stamp === p.entry.stamp) {
          done.push(e.key);
          if (p.next) shown.push(p);
          return;
        }
        // Written again while this ran: the next drain starts from what this one sent.
        const { draft: _sent, ...rest } = e;
        rebased.push({ ...rest, before: p.row ?? null });
      });
      await outbox(db).bulkDelete(done);
      await outbox(db).bulkPut(rebased);
      await showInLibrary(db, shown, run);
      const state = await readState(db);
      if (state) await outbox(db).put({ ...state, appliedSeq: info.update_seq, draining: false });
    });
  }
}

/** The document an outbox entry makes, or null when there is nothing to send. */
function nextDoc(entry: OutboxEntry, current: SyncDoc | undefined, row: unknown, run: Run): SyncDoc | null {
  try {
    if (entry.table === 'articles') {
      // An article row is removed only locally (pruned or cleared): its highlights' deletes travel, it does not.
      if (!row) return null;
      const before = entry.before ? checkArticle(entry.before, 'before') : null;
      return foldArticle(current?.type === 'article' ? current : undefined, before, checkArticle(row, 'row'));
    }
    const doc = current?.type === 'highlight' ? current : undefined;
    const before = entry.before ? asHighlight(entry.before) : null;
    if (row) return foldHighlight(doc, before, asHighlight(row), entry.at);
    // A put whose row is gone was deleted by a run (a delete from elsewhere won): nothing to send.
    if (entry.op === 'put') return null;
    return foldHighlightDelete(doc, entry.id, Math.max(entry.at, before?.updatedAt ?? 0));
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    run.counts.refused++;
    return null;
  }
}

/**
 * After a drain: the library shows what each document now says where that
 * differs from the row (a merge with changes from elsewhere, a highlight
 * brought back or deleted by a newer change).
 */
async function showInLibrary(db: LibraryDB, plans: Plan[], run: Run): Promise<void> {
  const views: HighlightView[] = [];
  for (const { entry, next, row } of plans) {
    if (!next) continue;
    if (next.type === 'article') {
      const a = articleOf(next, run);
      if (a && !same(row ? checkArticle(row, 'row') : undefined, a)) await db.articles.put(a);
      continue;
    }
    const h = viewOf(next, run);
    if (h !== undefined) views.push({ id: entry.id, row, next: h });
  }
  await showHighlights(db, views, run);
}

/** A highlight's row as stored (if any) and what its document says it should now be (null: deleted). */
interface HighlightView {
  id: string;
  row: unknown;
  next: Highlight | null;
}

/**
 * Writes each view where it differs from its row, in two bulk calls, counts
 * what changed and notes whose pages show it (the page it was on, and the one
 * it is on now).
 */
async function showHighlights(db: LibraryDB, views: HighlightView[], run: Run): Promise<void> {
  const puts: Highlight[] = [];
  const deletes: string[] = [];
  for (const { id, row, next } of views) {
    const before = row ? asHighlight(row) : undefined;
    const unchanged = next === null ? !before : !!before && same(before, next);
    if (unchanged) continue;
    if (next === null) deletes.push(id);
    else puts.push(next);
    if (before) run.touched.add(before.articleKey);
    if (next) run.touched.add(next.articleKey);
  }
  await db.highlights.bulkDelete(deletes);
  await db.highlights.bulkPut(puts);
  run.counts.received += puts.length + deletes.length;
}
