// Data safety in real Chromium: a full disk loses no highlight, and a browser
// killed in the middle of an import leaves the library it had.
//
// The full disk is real. DevTools' Storage.overrideQuotaForOrigin changes what
// navigator.storage.estimate() reports but Chromium does not refuse IndexedDB
// writes over it (checked on Chromium 156, for the extension's origin and for
// a web origin alike). So Chromium runs in its own user and mount namespace
// (unshare, no root needed) with its profile on a small tmpfs, and the test
// fills that tmpfs through /proc/PID/root: IndexedDB then fails the commit
// with QuotaExceededError ("Encountered disk full while committing transaction").

import { mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync, openSync, writeSync, closeSync, chmodSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Highlight } from '../../src/types';
import { articleKey } from '../../src/url';
import { findChromium, NO_CHROMIUM } from '../../scripts/chromium.mjs';
import { badgeText, blockNetwork, fixtureExpected, launchExtension, selectText, serveFixture, tabIdOf, type Launched } from './harness';

const CAREER = 'pinterest-engineering-career-interview';
const career = fixtureExpected(CAREER) as unknown as {
  url: string;
  questions: { question: string; answerStartsWith: string; answerEndsWith: string }[];
};
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

type Reply = { ok: boolean; error?: string; retrying?: boolean; value?: Highlight };
interface RetryEntryView {
  highlight: Highlight;
  attempts: number;
}
interface WorkerHooks {
  saveSelectionInTab(tabId: number): Promise<Reply>;
  retryEntries(): Promise<RetryEntryView[]>;
  library(): Promise<{ highlightsForArticle(key: string): Promise<Highlight[]> }>;
}

const stored = (worker: Worker, url: string): Promise<Highlight[]> =>
  worker.evaluate(async (key) => {
    const ih = (globalThis as unknown as { ih: WorkerHooks }).ih;
    return (await ih.library()).highlightsForArticle(key);
  }, articleKey(url));

const retryEntries = (worker: Worker): Promise<RetryEntryView[]> =>
  worker.evaluate(() => (globalThis as unknown as { ih: WorkerHooks }).ih.retryEntries());

const saveSelection = (worker: Worker, tabId: number): Promise<Reply> =>
  worker.evaluate((id) => (globalThis as unknown as { ih: WorkerHooks }).ih.saveSelectionInTab(id), tabId);

async function openFixture(context: BrowserContext, worker: Worker, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(worker, url);
  await expect.poll(() => badgeText(worker, tabId), { timeout: 10_000 }).not.toBe('');
  return { page, tabId };
}

const toastText = (page: Page): Promise<string | null> =>
  page.locator('[data-interview-highlights-ui] .toast').textContent({ timeout: 1_000 }).catch(() => null);

// ---- the browser's processes and its disk ----

function cmdline(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

function allPids(): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
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

describe('a full disk', () => {
  let ext: Launched;
  let profileDir: string;

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'ih-e2e-disk-'));
    ext = await launchExtension({ profileDir, executablePath: smallDiskLauncher(profileDir, '64m') });
    await blockNetwork(ext.context);
    await serveFixture(ext.context, CAREER);
  }, 60_000);

  afterAll(async () => {
    await ext?.close();
    // The tmpfs went with the namespace; what is left is the empty mount point.
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it('is reported, loses nothing saved before, and the refused save is queued and lands once there is room', async () => {
    const { context, worker } = ext;
    const pid = browserPid(profileDir);
    expect(statfsSync(`/proc/${pid}/root${profileDir}`).blocks * statfsSync(`/proc/${pid}/root${profileDir}`).bsize).toBeLessThanOrEqual(64 << 20);
    const { page, tabId } = await openFixture(context, worker, career.url);
    const [first, second, third, fourth] = career.questions.map((q) => q.answerStartsWith);

    for (const phrase of [first!, second!]) {
      await selectText(page, phrase);
      expect(await saveSelection(worker, tabId)).toMatchObject({ ok: true });
    }
    const before = await stored(worker, career.url);
    expect(before.map((h) => squash(h.quote)).sort()).toEqual([first, second].sort());

    const filler = fillDisk(pid, profileDir);
    await selectText(page, third!);
    const reply = await saveSelection(worker, tabId);
    expect(reply, JSON.stringify(reply)).toMatchObject({ ok: false, retrying: true });
    expect(reply.error).toMatch(/storage for Interview Highlights is full/);
    // The reader is told, on the page, that it is not saved yet and will be retried.
    await expect.poll(() => toastText(page), { timeout: 5_000 }).toMatch(/^Not saved yet: .*storage .* is full.*It will be retried\./);

    // The reader tries again with another quote while the disk is still full: refused and queued too.
    await selectText(page, fourth!);
    expect(await saveSelection(worker, tabId)).toMatchObject({ ok: false, retrying: true });
    await expect.poll(() => toastText(page), { timeout: 5_000 }).toMatch(/^Not saved yet: .*It will be retried\./);

    // The refused highlights wait in the queue (in memory: storage.local is on the full disk too),
    // and the page keeps showing them, since their paint was not taken back.
    const queued = await retryEntries(worker);
    expect(queued.map((e) => squash(e.highlight.quote)).sort()).toEqual([third, fourth].sort());
    const queuedIds = queued.map((e) => e.highlight.id);
    expect(await page.evaluate(() => [...(CSS.highlights.get('ih-yellow') ?? [])].length)).toBe(4);

    // Room again: the queue's own backoff timer saves it, with no help from the test.
    // (While no byte is free Chromium cannot even open the database to read it.)
    unlinkSync(filler);
    await expect
      .poll(async () => (await stored(worker, career.url).catch(() => [])).map((h) => h.id), { timeout: 45_000, interval: 500 })
      .toEqual(expect.arrayContaining(queuedIds));
    expect(await retryEntries(worker)).toEqual([]);
    const after = await stored(worker, career.url);
    expect(after.map((h) => squash(h.quote)).sort()).toEqual([first, second, third, fourth].sort());
    // Everything saved before the disk filled is there, unchanged.
    for (const h of before) expect(after).toContainEqual(h);
    await page.close();
  }, 90_000);
});
