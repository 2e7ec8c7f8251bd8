// Data safety in real Chromium: a full disk loses no highlight, and a browser
// killed (SIGKILL, every process of its profile) in the middle of an import
// leaves the library it had. Chromium only: the small disk and the kill work
// on a Chromium profile directory the test owns (launchChromiumExtension);
// Firefox runs in a profile Puppeteer makes, and these are not set up for it.
//
// The full disk is real. DevTools' Storage.overrideQuotaForOrigin changes what
// navigator.storage.estimate() reports but Chromium does not refuse IndexedDB
// writes over it (checked on Chromium 156, for the extension's origin and for
// a web origin alike). So Chromium runs in its own user and mount namespace
// (unshare, no root needed) with its profile on a small tmpfs, and the test
// fills that tmpfs through /proc/PID/root: IndexedDB then fails the commit
// with QuotaExceededError ("Encountered disk full while committing transaction").

import {
  chmodSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLibrary, type GeneratedLibrary } from '../../src/store/generate';
import { importedArticle, importReplaces } from '../../src/store/merge';
import type { Article, Highlight } from '../../src/types';
import { findChromium, NO_CHROMIUM } from '../../scripts/setup.mjs';
import {
  CAREER,
  interviewFixture,
  launchChromiumExtension,
  openFixture,
  openLibrary,
  saveSelection,
  selectText,
  serveFixture,
  squash,
  storedHighlights,
  UI,
  type ChromiumSession,
  type Session,
  type TestPage,
} from './harness';

const career = interviewFixture(CAREER);
const retryEntries = (ext: Session): Promise<{ highlight: Highlight; attempts: number }[]> =>
  ext.background((g) => g.ih.retryEntries(), null);

const toastText = (page: TestPage): Promise<string | null> =>
  page
    .locator(UI)
    .locator('.toast')
    .textContent({ timeout: 1_000 })
    .catch(() => null);

// ---- the browser's processes and its disk ----

function cmdline(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
}

/** The browser process (not a renderer or helper) running on this profile. */
function browserPid(profileDir: string): number {
  const flag = `--user-data-dir=${profileDir}`;
  const pid = allPids().find((p) => {
    const args = cmdline(p);
    return args.includes(flag) && !args.some((a) => a.startsWith('--type='));
  });
  if (pid === undefined) throw new Error(`no Chromium runs on ${profileDir}`);
  return pid;
}

/** Starts Chromium in a new user and mount namespace, with `dir` (its profile) on a tmpfs of `size`. */
function smallDiskLauncher(dir: string, size: string): string {
  const chromium = findChromium();
  if (!chromium) throw new Error(NO_CHROMIUM);
  const script = join(mkdtempSync(join(tmpdir(), 'ih-disk-')), 'chromium');
  const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      `exec unshare --user --map-root-user --mount --propagation private /bin/sh -c ` +
        q(`mount -t tmpfs -o size=${size} tmpfs ${q(dir)} || exit 97; exec ${q(chromium)} "$@"`) +
        ' chromium "$@"',
      '',
    ].join('\n'),
  );
  chmodSync(script, 0o755);
  return script;
}

/** Fills the browser's tmpfs (seen through its own root) until the disk refuses more. */
function fillDisk(pid: number, dir: string): string {
  const file = `/proc/${pid}/root${dir}/filler`;
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(1 << 20, 1);
  try {
    for (;;) {
      const free = statfsSync(`/proc/${pid}/root${dir}`);
      if (free.bavail === 0) break;
      writeSync(fd, chunk, 0, Math.min(chunk.length, free.bavail * free.bsize));
    }
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
  return file;
}

describe('a full disk, in Chromium', () => {
  let ext: ChromiumSession;
  let profileDir: string;
  let launcher: string;

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'ih-e2e-disk-'));
    launcher = smallDiskLauncher(profileDir, '64m');
    ext = await launchChromiumExtension({ profileDir, executablePath: launcher });
    await ext.blockNetwork();
    await serveFixture(ext, CAREER);
  }, 60_000);

  afterAll(async () => {
    await ext?.close();
    // The tmpfs went with the namespace; what is left is the empty mount point.
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    if (launcher) rmSync(dirname(launcher), { recursive: true, force: true });
  });

  it('is reported, loses nothing saved before, and the refused save is queued and lands once there is room', async () => {
    const pid = browserPid(profileDir);
    expect(
      statfsSync(`/proc/${pid}/root${profileDir}`).blocks *
        statfsSync(`/proc/${pid}/root${profileDir}`).bsize,
    ).toBeLessThanOrEqual(64 << 20);
    const { page, tabId } = await openFixture(ext, career.url);
    const [first, second, third, fourth] = career.questions.map((q) => q.answerStartsWith);

    for (const phrase of [first!, second!]) {
      await selectText(page, phrase);
      expect(await saveSelection(ext, tabId)).toMatchObject({ ok: true });
    }
    const before = await storedHighlights(ext, career.url);
    expect(before.map((h) => squash(h.quote)).sort()).toEqual([first, second].sort());

    const filler = fillDisk(pid, profileDir);
    await selectText(page, third!);
    const reply = await saveSelection(ext, tabId);
    expect(reply, JSON.stringify(reply)).toMatchObject({ ok: false, retrying: true });
    expect(reply.error).toMatch(/storage for Interview Highlights is full/);
    // The reader is told, on the page, that it is not saved yet and will be retried.
    await expect
      .poll(() => toastText(page), { timeout: 5_000 })
      .toMatch(/^Not saved yet: .*storage .* is full.*It will be retried\./);

    // The reader tries again with another quote while the disk is still full: refused and queued too.
    await selectText(page, fourth!);
    expect(await saveSelection(ext, tabId)).toMatchObject({ ok: false, retrying: true });
    await expect
      .poll(() => toastText(page), { timeout: 5_000 })
      .toMatch(/^Not saved yet: .*It will be retried\./);

    // The refused highlights wait in the queue (in memory: storage.local is on the full disk too),
    // and the page keeps showing them, since their paint was not taken back.
    const queued = await retryEntries(ext);
    expect(queued.map((e) => squash(e.highlight.quote)).sort()).toEqual([third, fourth].sort());
    const queuedIds = queued.map((e) => e.highlight.id);
    expect(await page.evaluate(() => [...(CSS.highlights.get('ih-yellow') ?? [])].length)).toBe(4);

    // Room again: the queue's own backoff timer saves it, with no help from the test.
    // (While no byte is free Chromium cannot even open the database to read it.)
    unlinkSync(filler);
    await expect
      .poll(async () => (await storedHighlights(ext, career.url).catch(() => [])).map((h) => h.id), {
        timeout: 45_000,
        interval: 500,
      })
      .toEqual(expect.arrayContaining(queuedIds));
    expect(await retryEntries(ext)).toEqual([]);
    const after = await storedHighlights(ext, career.url);
    expect(after.map((h) => squash(h.quote)).sort()).toEqual([first, second, third, fourth].sort());
    // Everything saved before the disk filled is there, unchanged.
    for (const h of before) expect(after).toContainEqual(h);
    await page.close();
  }, 90_000);
});

// ---- killed in the middle of an import ----

/** The process and all its descendants, found through /proc. */
function processTree(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const pid of allPids()) {
    try {
      // The command name may hold spaces and parentheses: the fields after its closing one are fixed.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parentOf.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone since the listing.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parentOf) if (ppid === tree[i] && !tree.includes(pid)) tree.push(pid);
  }
  return tree;
}

async function killHard(profileDir: string): Promise<number[]> {
  const pids = processTree(browserPid(profileDir));
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone with its parent.
    }
  }
  const deadline = Date.now() + 10_000;
  while (pids.some((p) => existsSync(`/proc/${p}/cmdline`) && cmdline(p).length > 1)) {
    if (Date.now() > deadline) throw new Error(`Chromium processes ${pids.join(', ')} outlived SIGKILL`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return pids;
}

interface Rows {
  articles: unknown[];
  highlights: unknown[];
}
interface PageHooks {
  ihLibrary: {
    library: {
      importBackup(b: unknown): Promise<unknown>;
      db: { articles: { toArray(): Promise<unknown[]> }; highlights: { toArray(): Promise<unknown[]> } };
    };
  };
}

async function openLibraryPage(ext: Session): Promise<TestPage> {
  const page = await openLibrary(ext);
  await page.waitForFunction(
    () => (globalThis as unknown as Partial<PageHooks>).ihLibrary !== undefined,
    null,
  );
  return page;
}

/** Every raw row of both tables, in key order. */
const rawRows = (page: TestPage): Promise<Rows> =>
  page.evaluate(async () => {
    const { db } = (globalThis as unknown as PageHooks).ihLibrary.library;
    return { articles: await db.articles.toArray(), highlights: await db.highlights.toArray() };
  });

function backupOf(g: GeneratedLibrary): unknown {
  return { format: 'interview-highlights-backup', version: 1, exportedAt: new Date().toISOString(), ...g };
}

describe('the browser killed in the middle of an import, in Chromium', () => {
  let profileDir: string;
  let ext: ChromiumSession | undefined;

  beforeAll(() => {
    profileDir = mkdtempSync(join(tmpdir(), 'ih-e2e-kill-'));
  });

  afterAll(async () => {
    await ext?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('leaves exactly the library it had, and the next launch reads it and saves', async () => {
    ext = await launchChromiumExtension({ profileDir });
    const { extensionId } = ext;
    let page = await openLibraryPage(ext);
    const old = generateLibrary(12, 150, 3);
    await page.evaluate(
      (b) => (globalThis as unknown as PageHooks).ihLibrary.library.importBackup(b),
      backupOf(old),
    );
    const before = await rawRows(page);
    expect(before.highlights).toHaveLength(150);

    const big = generateLibrary(400, 8_000, 11);
    // Some of its articles are already here (the generator's addresses repeat), so old rows are being rewritten too.
    expect(big.articles.some((a) => old.articles.some((o) => o.key === a.key))).toBe(true);
    // What the import writes, by the store's own merge rules: an article or a
    // highlight here that was edited later than the file's copy is kept.
    const oldArticles = new Map((before.articles as Article[]).map((a) => [a.key, a]));
    const oldHighlights = new Map((before.highlights as Highlight[]).map((h) => [h.id, h]));
    const expectedPuts =
      big.articles.filter((a) => importedArticle(oldArticles.get(a.key), a) !== null).length +
      big.highlights.filter((h) => importReplaces(oldHighlights.get(h.id), h)).length;
    expect(expectedPuts).toBeGreaterThan(8_000);

    // Watch every read-write transaction from inside the page: its writes, how
    // many succeeded, whether it ended. Once one transaction holds a successful
    // write for every row of the file, a chain of reads keeps it open, so the
    // kill lands inside it whatever the machine's speed. An import split over
    // several transactions never gets there, and the test fails.
    await page.evaluate((expected) => {
      interface TxState {
        writes: number;
        succeeded: number;
        completed: boolean;
        aborted: boolean;
        stores: string[];
      }
      const states = new Map<IDBTransaction, TxState>();
      const probe = { transactions: [] as TxState[], held: null as TxState | null };
      (globalThis as unknown as { probe: typeof probe }).probe = probe;
      // Dexie holds IDBDatabase.transaction bound since it opened; puts go through the prototype.
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['put']>
      ) {
        const t = this.transaction;
        let st = states.get(t);
        if (!st) {
          const fresh: TxState = {
            writes: 0,
            succeeded: 0,
            completed: false,
            aborted: false,
            stores: Array.from(t.objectStoreNames),
          };
          st = fresh;
          states.set(t, fresh);
          probe.transactions.push(fresh);
          t.addEventListener('complete', () => (fresh.completed = true));
          t.addEventListener('abort', () => (fresh.aborted = true));
        }
        const state = st;
        const r = put.apply(this, args);
        state.writes++;
        r.addEventListener('success', () => {
          state.succeeded++;
          if (probe.held === null && state.writes >= expected && state.succeeded === state.writes) {
            probe.held = state;
            const store = t.objectStore(state.stores[0]!);
            const spin = (): void => {
              store.count().onsuccess = spin;
            };
            spin();
          }
        });
        return r;
      };
    }, expectedPuts);
    // Started, not awaited: the page is killed before it could answer.
    await page.evaluate((b) => {
      void (globalThis as unknown as PageHooks).ihLibrary.library.importBackup(b).catch(() => undefined);
    }, backupOf(big));
    interface Held {
      writes: number;
      succeeded: number;
      completed: boolean;
      aborted: boolean;
      stores: string[];
    }
    const held = await page
      .waitForFunction(
        () => (globalThis as unknown as { probe: { held: Held | null } }).probe.held !== null,
        null,
        { timeout: 60_000, polling: 50 },
      )
      .then(() => page.evaluate(() => (globalThis as unknown as { probe: { held: Held } }).probe.held))
      .catch(async (e: unknown) => {
        const seen = await page.evaluate(() =>
          JSON.stringify((globalThis as unknown as { probe: unknown }).probe),
        );
        throw new Error(`no one transaction wrote the whole file (${expectedPuts} rows): ${seen}`, {
          cause: e,
        });
      });
    // Every row of the file is written inside the one transaction, which has not ended;
    // the sync outbox takes part in every write transaction (src/sync/outbox.ts).
    expect(held).toMatchObject({
      completed: false,
      aborted: false,
      stores: ['articles', 'highlights', 'outbox'],
    });
    expect(held.writes).toBeGreaterThanOrEqual(expectedPuts);
    expect(held.succeeded).toBe(held.writes);

    const killed = await killHard(profileDir);
    expect(killed.length).toBeGreaterThan(1);
    await ext.close();
    ext = undefined;

    // The same profile again: the library is the old one, row for row.
    ext = await launchChromiumExtension({ profileDir });
    expect(ext.extensionId).toBe(extensionId);
    page = await openLibraryPage(ext);
    expect(await rawRows(page)).toEqual(before);

    // And it is usable: a quote saved on a page lands beside the old rows.
    await ext.blockNetwork();
    await serveFixture(ext, CAREER);
    const { page: article, tabId } = await openFixture(ext, career.url);
    const phrase = career.questions[1]!.answerStartsWith;
    await selectText(article, phrase);
    expect(await saveSelection(ext, tabId)).toMatchObject({ ok: true });
    expect((await storedHighlights(ext, career.url)).map((h) => squash(h.quote))).toEqual([phrase]);
    const after = await rawRows(page);
    expect(after.highlights).toHaveLength(before.highlights.length + 1);
    expect(after.highlights).toEqual(expect.arrayContaining(before.highlights));
  }, 180_000);
});
