// First paint with sync on (issue 16, point 6), shared by bench/library.mjs
// and bench/popup.mjs: a CouchDB-compatible server started as the Chromium
// sync test starts it (test/e2e/sync-server.ts: pouchdb-server --in-memory on
// 127.0.0.1 on a free port, behind its relay, which here only times the
// requests), sync turned on in Settings as a reader does, and a check that each
// measured load's own sync run ("the library or popup opened") was under way
// at its first paint. The extension must be the copy extensionGranting127()
// makes, so that Settings' request for the server's origin answers yes.

import { importTs } from '../scripts/import-ts.mjs';

const helpers = await importTs(
  "export { extensionGranting127, startPouchServer, startRelay, turnSyncOn } from './test/e2e/sync-server';",
  'bench-sync-on',
);
export const { extensionGranting127 } = helpers;

const DB = 'ih-bench';

/** The sync status the background keeps (its test hook, globalThis.ih). */
const status = (worker) => worker.evaluate(() => globalThis.ih.sync.status());

/**
 * Starts the server, turns sync on in the Settings page at settingsUrl (on
 * page) and waits for that first, full sync; expects `documents` on the server after it.
 */
export async function startSyncOn({ page, worker, settingsUrl, documents }) {
  const server = await helpers.startPouchServer();
  let relay;
  try {
    const created = await fetch(`http://127.0.0.1:${server.port}/${DB}`, { method: 'PUT' });
    if (created.status !== 201) throw new Error(`creating the database answered ${created.status}`);
    relay = await helpers.startRelay(server.port);
    await page.goto(settingsUrl);
    const t0 = Date.now();
    await helpers.turnSyncOn(page, relay.url, DB, 10 * 60_000);
    const firstSyncMs = Date.now() - t0;
    const s = await status(worker);
    if (!s.on || !s.last?.ok) throw new Error(`the first sync did not succeed: ${JSON.stringify(s.last)}`);
    const info = await (await fetch(`http://127.0.0.1:${server.port}/${DB}`)).json();
    if (info.doc_count < documents)
      throw new Error(
        `the server holds ${info.doc_count} documents after the first sync, expected ${documents}`,
      );
    return new SyncOn(server, relay, worker, firstSyncMs, info.doc_count);
  } catch (e) {
    await relay?.down();
    await server.stop();
    throw e;
  }
}

class SyncOn {
  constructor(server, relay, worker, firstSyncMs, docCount) {
    Object.assign(this, { server, relay, worker, firstSyncMs, docCount });
    /** Per measured load: was its sync run still running when first paint was read, and when the server first heard from it. */
    this.loads = [];
  }

  /**
   * Before a load: waits for any run to end, then forgets when the last one
   * ended, so the load starts a run of its own (the scheduler skips "opened"
   * runs within OPENED_MIN_GAP_MS, 60 s, of the last one: a reader opening
   * the library a minute later gets one).
   */
  async beforeLoad() {
    for (const t0 = Date.now(); (await status(this.worker)).running; ) {
      if (Date.now() - t0 > 60_000) throw new Error('a sync run did not end within a minute');
      await new Promise((r) => setTimeout(r, 20));
    }
    await this.worker.evaluate(() => {
      globalThis.ih.sync.scheduler.lastEnded = Number.NEGATIVE_INFINITY;
    });
    this.lastAt = (await status(this.worker)).last?.at ?? 0;
    this.firstByteAt = undefined;
    this.relay.onData = () => {
      this.firstByteAt ??= Date.now();
    };
  }

  /** Right after first paint was read (markEpoch: the mark's time since the epoch). */
  async atMark(markEpoch, keep) {
    const running = (await status(this.worker)).running;
    // The run this load started must end, successfully, before the next load.
    for (const t0 = Date.now(); ; ) {
      const s = await status(this.worker);
      if (!s.running && (s.last?.at ?? 0) > this.lastAt) {
        if (!s.last.ok) throw new Error(`the load's sync run failed: ${JSON.stringify(s.last)}`);
        break;
      }
      if (Date.now() - t0 > 60_000) throw new Error('the load started no sync run, or it did not end');
      await new Promise((r) => setTimeout(r, 20));
    }
    if (this.firstByteAt === undefined) throw new Error("the server saw no request from the load's sync run");
    if (keep) this.loads.push({ running, firstRequestAfterMark: this.firstByteAt - markEpoch });
  }

  /** "k of n" loads whose run was in flight at the mark, and when the server heard from them. */
  describe() {
    const inFlight = this.loads.filter((l) => l.running).length;
    const first = this.loads.map((l) => l.firstRequestAfterMark.toFixed(0)).join(', ');
    return `sync run in flight at first paint in ${inFlight} of ${this.loads.length} loads; its first request reached the server at ${first} ms from first paint`;
  }

  async stop() {
    this.relay.onData = undefined;
    await this.relay.down();
    await this.server.stop();
  }
}

/** The comparison line, and whether the sync-on median meets the page's own first-paint target (ms). */
export function compare(label, off, on, target) {
  const met = on <= target;
  const line = `${label} first paint, sync off ${off.toFixed(1)} ms / sync on ${on.toFixed(1)} ms (×${(on / off).toFixed(2)}) (${met ? 'met' : 'NOT met'} vs ≤ ${target} ms)`;
  return { met, line };
}
