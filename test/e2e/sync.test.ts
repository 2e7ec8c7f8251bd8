// Two browser profiles with the extension syncing through a real local
// server, in Chromium and then in Firefox: `pouchdb-server --in-memory` from
// node_modules on a free port, reached through a small TCP relay this test can
// take down (the server is "stopped": connections refused) or cut in the
// middle of a run, without losing the in-memory server's data. Settings are
// filled in and "Sync now" is pressed as a reader would. B keeps the article
// open while A's save, edit and delete arrive: each is painted there without
// a reload.
//
// The host permission: Chromium shows its prompt for permissions.request in a
// window no driver can click, so there the test loads a copy of dist/chrome
// whose manifest already grants http://127.0.0.1/* (the request then answers
// yes at once). Firefox runs dist/firefox as it is: the harness's pref grants
// an optional permission without its doorhanger, so the request Settings makes
// on "Turn sync on" is the real one. What the extension asks for and releases
// is checked in Node (test/background/sync.test.ts); here, that it talks to
// the configured server only, and to nothing once sync is off.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SyncStatus } from '../../src/messages';
import type { Article, Highlight, HighlightPatch } from '../../src/types';
import { makeArticle, makeHighlight } from '../rows';
import { launchChromium } from './drivers/chromium';
import {
  eachBrowser,
  fixtureExpected,
  launchExtension,
  openFixture,
  paint,
  painted,
  ROOT,
  saveSelection,
  selectText,
  serveFixture,
  squash,
  storedHighlights,
  type Session,
  type TestPage,
} from './harness';
import type { BrowserName } from './session';
import { extensionGranting127, startPouchServer, startRelay, turnSyncOn } from './sync-server';

const DB = 'ih-e2e';
const FIXTURE = 'pinterest-engineering-career-interview';

type Hooks = {
  ih: {
    library(): Promise<{
      saveHighlight(h: Highlight, a: Article): Promise<unknown>;
      updateHighlight(id: string, patch: HighlightPatch): Promise<unknown>;
      deleteHighlights(ids: string[]): Promise<unknown>;
      highlightsForArticle(key: string): Promise<Highlight[]>;
    }>;
    sync: { status(): Promise<SyncStatus> };
  };
};

interface Device {
  ext: Session;
  settings: TestPage;
}

const status = (ext: Session): Promise<SyncStatus> =>
  ext.background((g) => (g as unknown as Hooks).ih.sync.status(), null);

/** Presses "Sync now" in Settings (brought to the front, as a reader would) and waits for that run's result. */
async function syncNow(d: Device): Promise<NonNullable<SyncStatus['last']>> {
  const before = (await status(d.ext)).last?.at ?? 0;
  await d.settings.bringToFront();
  await d.settings.getByRole('button', { name: 'Sync now' }).click();
  await expect
    .poll(
      async () => {
        const s = await status(d.ext);
        return !s.running && (s.last?.at ?? 0) > before;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return (await status(d.ext)).last!;
}

/** The background's IndexedDB databases that hold a PouchDB copy. */
const localCopies = (ext: Session): Promise<string[]> =>
  ext.background(
    async (g) =>
      (await (g as unknown as typeof globalThis).indexedDB.databases())
        .map((d) => d.name ?? '')
        .filter((n) => n.startsWith('_pouch_')),
    null,
  );

const statusText = (d: Device): Promise<string> => d.settings.locator('.sync-status').textContent();

/** Every range the extension paints on page, whatever its colour or note. */
const allPaint = async (page: TestPage): Promise<string[]> => Object.values(await paint(page)).flat();

/** Marks page's document, so a later check can tell it was not loaded again. */
const mark = (page: TestPage): Promise<void> =>
  page.evaluate(() => {
    (window as unknown as { ihSameDocument?: true }).ihSameDocument = true;
  });
const sameDocument = (page: TestPage): Promise<boolean> =>
  page.evaluate(() => (window as unknown as { ihSameDocument?: true }).ihSameDocument === true);

eachBrowser('sync between two browser profiles through pouchdb-server', (browser: BrowserName) => {
  let server: Awaited<ReturnType<typeof startPouchServer>>;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  /** Chromium's copy of dist/chrome that grants 127.0.0.1 (Firefox needs none). */
  let extDir: string | undefined;
  let a: Device;
  let b: Device;
  let saved: Highlight;
  let pageUrl: string;
  /** The article, open on B from before A's save arrives until its delete has. */
  let pageOnB: TestPage;

  const expectOnlyServer = async (d: Device): Promise<void> => {
    // Firefox reports none of the background page's requests: they are read from its Resource Timing.
    await d.ext.sweepBackground(d.ext.network);
    d.ext.network.expect((r) => r.url.startsWith(`${relay.url}/`));
    expect(d.ext.network.unexpected()).toEqual([]);
    // The watch sees the worker's requests to the server (else this test proves nothing).
    expect(d.ext.network.requests().some((r) => r.url.startsWith(`${relay.url}/${DB}`))).toBe(true);
  };

  async function device(): Promise<Device> {
    const ext = extDir ? await launchChromium({ extensionDir: extDir }) : await launchExtension(browser);
    const settings = await ext.openExtensionPage('options/index.html?view=settings');
    await turnSyncOn(settings, relay.url, DB);
    return { ext, settings };
  }

  beforeAll(async () => {
    server = await startPouchServer();
    const created = await fetch(`http://127.0.0.1:${server.port}/${DB}`, { method: 'PUT' });
    expect(created.status).toBe(201);
    relay = await startRelay(server.port);
    if (browser === 'chromium') extDir = extensionGranting127(join(ROOT, 'dist/chrome'));
    a = await device();
    b = await device();
  }, 180_000);

  afterAll(async () => {
    await a?.ext.close();
    await b?.ext.close();
    await relay?.down();
    await server?.stop();
    if (extDir) rmSync(extDir, { recursive: true, force: true });
  });

  it('a highlight saved on A appears on B after Sync now, painted on the article B has open', async () => {
    pageUrl = await serveFixture(a.ext, FIXTURE);
    await serveFixture(b.ext, FIXTURE);
    const { page, tabId } = await openFixture(a.ext, pageUrl);
    ({ page: pageOnB } = await openFixture(b.ext, pageUrl));
    await mark(pageOnB);
    await selectText(page, fixtureExpected(FIXTURE).questions![0]!.answerStartsWith!);
    const reply = await saveSelection(a.ext, tabId);
    expect(reply.ok).toBe(true);
    saved = reply.value!;
    expect(await syncNow(a)).toMatchObject({ ok: true });
    expect(await statusText(a)).toMatch(/^Last synced .*change/);
    expect(await allPaint(pageOnB)).toEqual([]);
    expect(await syncNow(b)).toMatchObject({ ok: true });
    const onB = await storedHighlights(b.ext, pageUrl);
    expect(onB.map((h) => [h.id, h.quote])).toEqual([[saved.id, saved.quote]]);
    await expect.poll(() => painted(pageOnB, saved.color)).toEqual([squash(saved.quote)]);
    expect(await sameDocument(pageOnB)).toBe(true);
    // Each profile's copy is pouchdb-browser's IndexedDB database (the name README gives), as a reader's is.
    for (const d of [a, b]) expect(await localCopies(d.ext)).toEqual(['_pouch_interview-highlights-sync']);
    await page.close();
    await expectOnlyServer(a);
    await expectOnlyServer(b);
  }, 120_000);

  it('the same note edited on both with the server stopped: both keep both notes once it is back', async () => {
    await relay.down();
    const edit = (d: Device, note: string) =>
      d.ext.background(
        async (g, arg) => (await (g as unknown as Hooks).ih.library()).updateHighlight(arg.id, arg.patch),
        { id: saved.id, patch: { note } },
      );
    await edit(a, 'Asked on the laptop');
    await edit(b, 'Answered on the desktop');
    const down = await syncNow(a);
    expect(down).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(await statusText(a)).toContain('could not be reached');

    await relay.up();
    expect(await syncNow(a)).toMatchObject({ ok: true });
    expect(await syncNow(b)).toMatchObject({ ok: true });
    expect(await syncNow(a)).toMatchObject({ ok: true });
    const [onA] = await storedHighlights(a.ext, pageUrl);
    const [onB] = await storedHighlights(b.ext, pageUrl);
    expect(onA!.note).toContain('Asked on the laptop');
    expect(onA!.note).toContain('Answered on the desktop');
    expect(onB).toEqual(onA);
    // B's page marks it as a highlight with a note now (B's own edit went through the store, not the page).
    await expect.poll(async () => (await paint(pageOnB))['ih-note']).toEqual([squash(saved.quote)]);
    expect(await sameDocument(pageOnB)).toBe(true);
    await expectOnlyServer(a);
    await expectOnlyServer(b);
  }, 120_000);

  it('a highlight deleted on A is gone from B', async () => {
    await a.ext.background(
      async (g, id) => (await (g as unknown as Hooks).ih.library()).deleteHighlights([id]),
      saved.id,
    );
    expect(await syncNow(a)).toMatchObject({ ok: true });
    expect(await syncNow(b)).toMatchObject({ ok: true });
    expect(await storedHighlights(b.ext, pageUrl)).toEqual([]);
    expect(await storedHighlights(a.ext, pageUrl)).toEqual([]);
    await expect.poll(() => allPaint(pageOnB)).toEqual([]);
    expect(await sameDocument(pageOnB)).toBe(true);
    await pageOnB.close();
    await expectOnlyServer(a);
    await expectOnlyServer(b);
  }, 120_000);

  it('opening the popup, or the library, syncs without Sync now', async () => {
    // What A saves and sends; B should fetch each when the reader merely opens a page of the extension.
    const sendFromA = async (n: number): Promise<string> => {
      const url = `https://medium.com/pinterest-engineering/opened-sync-${n}`;
      const article = makeArticle({ url, key: url, title: `Opened ${n}` });
      const row = makeHighlight({ id: `opened-sync-${n}`, url, articleKey: url, quote: `Quote ${n}` });
      await a.ext.background(
        async (g, arg) => (await (g as unknown as Hooks).ih.library()).saveHighlight(arg.row, arg.article),
        { row, article },
      );
      expect(await syncNow(a)).toMatchObject({ ok: true });
      // B synced moments ago, and an "opened" run waits a minute after the last: start B's clock afresh.
      await b.ext.background((g) => {
        (g as unknown as { ih: { sync: { scheduler: { lastEnded: number } } } }).ih.sync.scheduler.lastEnded =
          Number.NEGATIVE_INFINITY;
      }, null);
      return url;
    };
    for (const [n, path] of [
      [1, 'popup/index.html'],
      [2, 'options/index.html'],
    ] as const) {
      const url = await sendFromA(n);
      expect(await storedHighlights(b.ext, url)).toEqual([]);
      const opened = await b.ext.openExtensionPage(path);
      await expect
        .poll(async () => (await storedHighlights(b.ext, url)).map((h) => h.id), { timeout: 30_000 })
        .toEqual([`opened-sync-${n}`]);
      await opened.close();
    }
    await expectOnlyServer(a);
    await expectOnlyServer(b);
  }, 120_000);

  it('the server stopping mid-sync loses nothing, says so, and the next run finishes', async () => {
    const url = 'https://medium.com/pinterest-engineering/a-long-interview-for-sync';
    const article = makeArticle({ url, key: url, title: 'A long interview' });
    const rows = Array.from({ length: 300 }, (_, i) =>
      makeHighlight({ id: `mid-sync-${i}`, url, articleKey: url, quote: `Quote number ${i} `.repeat(20) }),
    );
    await a.ext.background(
      async (g, arg) => {
        const lib = await (g as unknown as Hooks).ih.library();
        for (const h of arg.rows) await lib.saveHighlight(h, arg.article);
      },
      { rows, article },
    );
    relay.cutAfter(60_000);
    const cut = await syncNow(a);
    relay.heal();
    expect(relay.cuts).toBeGreaterThan(0);
    expect(cut).toMatchObject({ ok: false });
    expect(['interrupted', 'unreachable']).toContain(cut.ok ? '' : cut.reason);
    expect(await statusText(a)).toMatch(/Nothing was lost|your highlights are safe here/);
    expect(await storedHighlights(a.ext, url)).toHaveLength(300);

    expect(await syncNow(a)).toMatchObject({ ok: true });
    expect(await syncNow(b)).toMatchObject({ ok: true });
    const onB = await storedHighlights(b.ext, url);
    expect(onB).toHaveLength(300);
    expect(new Set(onB.map((h) => h.id))).toEqual(new Set(rows.map((h) => h.id)));
    await expectOnlyServer(a);
    await expectOnlyServer(b);
  }, 180_000);

  it('once sync is off, nothing is sent: not on a write, not when the library opens, not on Sync now', async () => {
    await a.settings.getByRole('button', { name: 'Turn sync off' }).click();
    await expect.poll(() => statusText(a)).toBe('Sync is off.');
    expect(await status(a.ext)).toMatchObject({ on: false, config: { server: relay.url, password: '' } });
    await expectOnlyServer(a);
    const seen = a.ext.network.requests().length;
    await a.ext.background(
      async (g, arg) => (await (g as unknown as Hooks).ih.library()).saveHighlight(arg.h, arg.a),
      { h: makeHighlight({ id: 'after-off' }), a: makeArticle() },
    );
    const library = await a.ext.openExtensionPage('options/index.html');
    await a.ext.background(
      (g) => (g as unknown as { ih: { sync: { now(): Promise<unknown> } } }).ih.sync.now(),
      null,
    );
    await library.close();
    await a.ext.sweepBackground(a.ext.network);
    expect(a.ext.network.requests().length).toBe(seen);
  }, 60_000);
});
