import './self';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Library } from '../../src/store/library';
import { checkSyncConfig, databaseUrl, serverOrigin } from '../../src/sync/config';
import type { SyncResult } from '../../src/sync/faults';
import { OUTBOX_TABLE } from '../../src/sync/outbox';
import {
  AFTER_WRITE_MS,
  OPENED_MIN_GAP_MS,
  runSyncOnce,
  SYNC_ALARM,
  SYNC_PERIOD_MINUTES,
  SyncScheduler,
  turnSyncOff,
  turnSyncOn,
} from '../../src/sync/scheduler';
import { PouchDB } from './pouch';
import { startServer } from './server';
import { makeArticle, makeHighlight } from '../store/helpers';

const ok = (n: number): SyncResult => ({ ok: true, at: n, sent: 0, received: 0, merged: 0, refused: 0 });

function setup() {
  vi.useFakeTimers();
  const alarms = { create: vi.fn(), clear: vi.fn() };
  const runs: { resolve: (r: SyncResult) => void }[] = [];
  const run = vi.fn(
    () =>
      new Promise<SyncResult>((resolve) => {
        runs.push({ resolve });
      }),
  );
  const results: SyncResult[] = [];
  const s = new SyncScheduler({
    run,
    alarms,
    timers: { setTimeout, clearTimeout, now: Date.now },
    onResult: (r) => results.push(r),
  });
  /** Ends the oldest unfinished run. */
  const finish = async (n: number) => {
    runs.shift()!.resolve(ok(n));
    await vi.advanceTimersByTimeAsync(0);
  };
  return { s, alarms, run, finish, results };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SyncScheduler', () => {
  it('sets a periodic alarm when started and clears it when stopped; runs on its own alarm only', async () => {
    const { s, alarms, run, finish } = setup();
    await s.start();
    expect(alarms.create).toHaveBeenCalledWith(SYNC_ALARM, {
      periodInMinutes: SYNC_PERIOD_MINUTES,
      delayInMinutes: 1,
    });
    expect(s.onAlarm('something-else')).toBeUndefined();
    const p = s.onAlarm(SYNC_ALARM);
    expect(run).toHaveBeenCalledTimes(1);
    await finish(1);
    expect(await p).toEqual(ok(1));
    await s.stop();
    expect(alarms.clear).toHaveBeenCalledWith(SYNC_ALARM);
  });

  it('runs once shortly after a burst of writes, not once per write', async () => {
    const { s, run, finish } = setup();
    for (let i = 0; i < 5; i++) {
      s.wrote();
      await vi.advanceTimersByTimeAsync(AFTER_WRITE_MS / 2);
    }
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(AFTER_WRITE_MS);
    expect(run).toHaveBeenCalledTimes(1);
    await finish(1);
  });

  it('stopping cancels a run still waiting for the writes to pause', async () => {
    const { s, run } = setup();
    s.wrote();
    await s.stop();
    await vi.advanceTimersByTimeAsync(AFTER_WRITE_MS * 2);
    expect(run).not.toHaveBeenCalled();
  });

  it('runs when the popup or library opens, unless a run just ended', async () => {
    const { s, run, finish } = setup();
    const first = s.opened();
    expect(first).toBeDefined();
    await finish(1);
    expect(s.opened()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(OPENED_MIN_GAP_MS);
    expect(s.opened()).toBeDefined();
    expect(run).toHaveBeenCalledTimes(2);
    await finish(2);
  });

  it('never runs twice at once: requests during a run share one more run after it', async () => {
    const { s, run, finish, results } = setup();
    const a = s.now();
    const b = s.now();
    const c = s.onAlarm(SYNC_ALARM);
    expect(run).toHaveBeenCalledTimes(1);
    await finish(1);
    expect(await a).toEqual(ok(1));
    expect(run).toHaveBeenCalledTimes(2);
    await finish(2);
    expect(await b).toEqual(ok(2));
    expect(await c).toEqual(ok(2));
    expect(results).toEqual([ok(1), ok(2)]);
  });

  it('"Sync now" runs at once, taking the place of a run waiting for writes to pause', async () => {
    const { s, run, finish } = setup();
    s.wrote();
    const p = s.now();
    expect(run).toHaveBeenCalledTimes(1);
    await finish(1);
    await p;
    await vi.advanceTimersByTimeAsync(AFTER_WRITE_MS * 2);
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe('checkSyncConfig', () => {
  it('takes a server address, a CouchDB database name and an account', () => {
    const c = checkSyncConfig({
      server: ' https://couch.example.org/ ',
      database: 'highlights',
      username: 'me',
      password: 'pw',
    });
    expect(c.server).toBe('https://couch.example.org');
    expect(databaseUrl(c)).toBe('https://couch.example.org/highlights');
    expect(serverOrigin(c)).toBe('https://couch.example.org/*');
    expect(databaseUrl({ ...c, server: 'http://127.0.0.1:5984/couch' })).toBe(
      'http://127.0.0.1:5984/couch/highlights',
    );
  });

  it.each([
    [{ server: 'couch.example.org', database: 'x', username: '', password: '' }, /server address/],
    [{ server: 'ftp://couch.example.org', database: 'x', username: '', password: '' }, /http or https/],
    [{ server: 'https://me:pw@couch.example.org', database: 'x', username: '', password: '' }, /own fields/],
    [{ server: 'https://couch.example.org', database: 'My DB', username: '', password: '' }, /lowercase/],
    [{ server: 'https://couch.example.org', database: '_users', username: '', password: '' }, /lowercase/],
    [{ server: 'https://couch.example.org', database: 'x', username: 1, password: '' }, /username/],
  ])('refuses %j with a message', (v, message) => {
    expect(() => checkSyncConfig(v)).toThrow(message);
  });
});

describe('runSyncOnce, turnSyncOn and turnSyncOff', () => {
  it('checks the settings, syncs, and turning off empties the outbox and this device’s copy', async () => {
    const server = await startServer();
    await server.createDb('mine');
    const lib = new Library(`scheduler-${Math.random().toString(36).slice(2)}`);
    const env = {
      db: lib.db,
      pouch: { PouchDB, local: { adapter: 'memory' } },
      localName: `copy-${process.pid}`,
    };
    try {
      const config = { server: server.url, database: 'mine', username: '', password: '' };
      expect(await runSyncOnce({ ...config, database: 'Not A Name' }, env)).toMatchObject({
        ok: false,
        reason: 'settings',
      });
      expect(await runSyncOnce(config, env)).toMatchObject({ ok: false, reason: 'off' });
      await lib.saveHighlight(makeHighlight(), makeArticle());
      await turnSyncOn(lib.db);
      expect(await runSyncOnce(config, env)).toMatchObject({ ok: true, sent: 2 });
      await turnSyncOff(env);
      expect(await lib.db.table(OUTBOX_TABLE).count()).toBe(0);
      const copy = new PouchDB(env.localName, { adapter: 'memory' });
      expect((await copy.info()).doc_count).toBe(0);
      await copy.destroy();
    } finally {
      lib.close();
      await server.close();
    }
  });
});
