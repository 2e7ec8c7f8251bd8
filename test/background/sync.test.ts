// The background's sync rules over a real library (fake-indexeddb): the
// server's origin must be granted before sync turns on and is released when
// it turns off, the password is forgotten then, a write schedules a run only
// when there is something to send, the last result is kept for Settings, and
// what a run brings from another device is told as it lands, for open pages.

import '../sync/self';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NO_PERMISSION, SYNC_KEY, SYNC_LAST_KEY, SyncService } from '../../src/background/sync';
import { Library } from '../../src/store/library';
import type { SyncConfig } from '../../src/sync/config';
import type { SyncResult } from '../../src/sync/faults';
import { pendingChanges, readState } from '../../src/sync/outbox';
import { AFTER_WRITE_MS, SYNC_ALARM } from '../../src/sync/scheduler';
import { makeArticle, makeHighlight } from '../rows';
import { makeDevice } from '../sync/devices';
import { PouchDB } from '../sync/pouch';
import { startServer } from '../sync/server';

const CONFIG: SyncConfig = {
  server: 'http://127.0.0.1:5984',
  database: 'highlights',
  username: 'ann',
  password: 'secret',
};
const ORIGIN = 'http://127.0.0.1:5984/*';

let seq = 0;

function setup(
  granted: string[] = [ORIGIN],
  opts: { realRuns?: boolean; onChange?: (articleKeys: string[]) => void } = {},
) {
  const store = new Map<string, unknown>();
  const storage = {
    get: async (k: string | string[] | null) => {
      const keys = typeof k === 'string' ? [k] : (k ?? [...store.keys()]);
      return Object.fromEntries(
        keys.filter((x) => store.has(x)).map((x) => [x, structuredClone(store.get(x))]),
      );
    },
    set: async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) store.set(k, structuredClone(v));
    },
    remove: async (k: string | string[]) => {
      for (const x of typeof k === 'string' ? [k] : k) store.delete(x);
    },
  };
  const perms = new Set(granted);
  const permissions = {
    contains: async (p: { origins: string[] }) => p.origins.every((o) => perms.has(o)),
    remove: vi.fn(async (p: { origins: string[] }) => {
      for (const o of p.origins) perms.delete(o);
      return true;
    }),
  };
  const alarms = new Map<string, unknown>();
  const lib = new Library(`bg-sync-${process.pid}-${++seq}`);
  const runs: SyncConfig[] = [];
  const run = vi.fn(async (c: SyncConfig): Promise<SyncResult> => {
    runs.push(c);
    return { ok: true, at: 1, sent: 1, received: 0, merged: 0, refused: 0 };
  });
  const service = new SyncService({
    storage,
    alarms: {
      create: (name, info) => alarms.set(name, info),
      clear: (name) => alarms.delete(name),
    },
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as number),
      now: Date.now,
    },
    permissions,
    db: async () => lib.db,
    pouch: { PouchDB, local: { adapter: 'memory' } },
    ...(opts.realRuns ? {} : { run }),
    ...(opts.onChange ? { onChange: opts.onChange } : {}),
  });
  return { service, store, perms, permissions, alarms, lib, run, runs };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the background sync service', () => {
  it('is off until turned on, and runs nothing then', async () => {
    const t = setup();
    expect(await t.service.status()).toEqual({ on: false, config: null, last: null, running: false });
    await t.service.now();
    await t.service.opened();
    await t.service.wrote();
    expect(t.run).not.toHaveBeenCalled();
    expect(await readState(t.lib.db)).toBeUndefined();
  });

  it('refuses to turn on without the server’s origin granted, and stays off', async () => {
    const t = setup([]);
    await expect(t.service.turnOn(CONFIG)).rejects.toThrow(NO_PERMISSION);
    expect((await t.service.status()).on).toBe(false);
    expect(t.alarms.size).toBe(0);
    expect(t.run).not.toHaveBeenCalled();
  });

  it('turns on: the outbox records, the alarm is set, a first run is made and its result kept', async () => {
    const t = setup();
    await t.lib.saveHighlight(makeHighlight({ id: 'h1' }), makeArticle());
    const s = await t.service.turnOn(CONFIG);
    expect(s).toMatchObject({ on: true, config: CONFIG, last: { ok: true, sent: 1 }, running: false });
    expect(t.alarms.has(SYNC_ALARM)).toBe(true);
    expect(t.runs).toEqual([CONFIG]);
    expect(await readState(t.lib.db)).toBeDefined();
    expect(await pendingChanges(t.lib.db)).toBeGreaterThan(0);
    expect(t.store.get(SYNC_LAST_KEY)).toMatchObject({ ok: true });
  });

  it('turns off: no alarm, no outbox, the password forgotten and the origin released', async () => {
    const t = setup();
    await t.service.turnOn(CONFIG);
    const s = await t.service.turnOff();
    expect(s).toEqual({ on: false, config: { ...CONFIG, password: '' }, last: null, running: false });
    expect(t.alarms.size).toBe(0);
    expect(await readState(t.lib.db)).toBeUndefined();
    expect(t.permissions.remove).toHaveBeenCalledWith({ origins: [ORIGIN] });
    expect(t.perms.has(ORIGIN)).toBe(false);
    expect(JSON.stringify(t.store.get(SYNC_KEY))).not.toContain('secret');
  });

  it('says so in plain words when the permission was taken away after turning on', async () => {
    const t = setup();
    await t.service.turnOn(CONFIG);
    t.perms.clear();
    const s = await t.service.now();
    expect(s.last).toMatchObject({ ok: false, reason: 'settings', message: NO_PERMISSION });
    expect(t.run).toHaveBeenCalledTimes(1);
  });

  it('after a write, one run once the writes pause, only when there is something to send', async () => {
    const t = setup();
    await t.service.turnOn(CONFIG);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // The first run's fake sent nothing for real: the outbox still holds the entries turning on made.
    await t.lib.db.table('outbox').where('key').above('#state').delete();
    await t.service.wrote();
    await vi.advanceTimersByTimeAsync(AFTER_WRITE_MS * 2);
    expect(t.run).toHaveBeenCalledTimes(1);

    await t.lib.saveHighlight(makeHighlight({ id: 'h2' }), makeArticle());
    await t.service.wrote();
    await t.service.wrote();
    await vi.advanceTimersByTimeAsync(AFTER_WRITE_MS - 1);
    expect(t.run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2);
    await vi.waitFor(() => expect(t.run).toHaveBeenCalledTimes(2));
  });

  it('runs on its own alarm only', async () => {
    const t = setup();
    await t.service.turnOn(CONFIG);
    expect(t.service.onAlarm('something-else')).toBeUndefined();
    await t.service.onAlarm(SYNC_ALARM);
    expect(t.run).toHaveBeenCalledTimes(2);
  });

  it('tells which articles a run changed highlights of here, as each change lands, for the open pages', async () => {
    const server = await startServer();
    try {
      await server.createDb('bg-sync');
      const config: SyncConfig = { server: server.url, database: 'bg-sync', username: '', password: '' };
      const other = await makeDevice('other', config);
      const art = makeArticle();
      const h = await other.lib.saveHighlight(makeHighlight(), art);
      expect(await other.sync()).toMatchObject({ ok: true });

      const told: string[][] = [];
      const t = setup([`${new URL(server.url).origin}/*`], { realRuns: true, onChange: (k) => told.push(k) });
      // Turning on makes the first run, which brings the other device's highlight.
      expect((await t.service.turnOn(config)).last).toMatchObject({ ok: true, received: 2 });
      expect(await t.lib.getHighlight(h.id)).toEqual(h);
      expect(told).toEqual([[art.key]]);

      await other.lib.updateHighlight(h.id, { color: 'green' });
      expect(await other.sync()).toMatchObject({ ok: true });
      await t.service.now();
      expect(told).toEqual([[art.key], [art.key]]);
      // Nothing new: nothing told.
      await t.service.now();
      expect(told).toHaveLength(2);
      await other.close();
      await t.service.turnOff();
    } finally {
      await server.close();
    }
  });
});
