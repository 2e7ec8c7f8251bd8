// When sync runs, and the one call the background makes for a run. Runs are
// one-shot, never a live replication held open in the worker (PouchDB issues
// #5851 and #8848: it stalls in MV3 service workers): on an alarm every few
// minutes, when the library or the popup opens, shortly after a write, and
// when the reader presses "Sync now". Alarms and timers are passed in, so
// the rules are tested in Node; the worker may be stopped at any time, which
// only loses a pending "after a write" timer, and the alarm catches up.

import type { LibraryDB } from '../store/db';
import { ValidationError } from '../check';
import { checkSyncConfig, type SyncConfig } from './config';
import { runSync } from './engine';
import { syncMessage, type SyncResult } from './faults';
import { startOutbox, stopOutbox } from './outbox';
import { LOCAL_COPY, openLocalCopy, openServer, type PouchOptions } from './pouch';

export const SYNC_ALARM = 'interview-highlights-sync';
/** Often enough that two devices in use agree within minutes; each quiet run costs a few small requests. */
export const SYNC_PERIOD_MINUTES = 5;
/** A note is saved as it is typed: wait for a pause so a burst of saves makes one run. */
export const AFTER_WRITE_MS = 5_000;
/** Opening the popup or library runs sync, but not again if a run ended this recently. */
export const OPENED_MIN_GAP_MS = 60_000;

export interface Alarms {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
  clear(name: string): unknown;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface SchedulerDeps {
  /** One run; SyncScheduler never calls it twice at once. */
  run: () => Promise<SyncResult>;
  alarms: Alarms;
  timers: Timers;
  /** Each run's result, e.g. to keep the last one for Settings. */
  onResult?: (r: SyncResult) => void;
}

export class SyncScheduler {
  private running: Promise<SyncResult> | null = null;
  private queued: Promise<SyncResult> | null = null;
  private writeTimer: unknown = null;
  private lastEnded = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Sync turned on (or the worker started with it on): the periodic alarm. */
  async start(): Promise<void> {
    await this.deps.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: 1 });
  }

  /** Sync turned off: no alarm, no pending run. */
  async stop(): Promise<void> {
    this.cancelWriteTimer();
    await this.deps.alarms.clear(SYNC_ALARM);
  }

  /** From the alarms API's onAlarm; other alarms are not ours. */
  onAlarm(name: string): Promise<SyncResult> | undefined {
    return name === SYNC_ALARM ? this.request() : undefined;
  }

  /** The popup or the library opened. */
  opened(): Promise<SyncResult> | undefined {
    if (this.running) return this.running;
    if (this.deps.timers.now() - this.lastEnded < OPENED_MIN_GAP_MS) return undefined;
    return this.request();
  }

  /** The library was written: one run after the writes pause. */
  wrote(): void {
    this.cancelWriteTimer();
    this.writeTimer = this.deps.timers.setTimeout(() => {
      this.writeTimer = null;
      void this.request();
    }, AFTER_WRITE_MS);
  }

  /** "Sync now": a run that starts after every change made so far. */
  now(): Promise<SyncResult> {
    this.cancelWriteTimer();
    return this.request();
  }

  /**
   * A run, or, while one is under way, one more after it, shared by every
   * request made meanwhile: what changed during a run is sent by the next.
   */
  private request(): Promise<SyncResult> {
    if (!this.running) {
      this.running = this.deps.run().finally(() => {
        this.running = null;
        this.lastEnded = this.deps.timers.now();
      });
      this.running.then(
        (r) => this.deps.onResult?.(r),
        () => undefined,
      );
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.request();
      });
    return this.queued;
  }

  private cancelWriteTimer(): void {
    if (this.writeTimer !== null) this.deps.timers.clearTimeout(this.writeTimer);
    this.writeTimer = null;
  }
}

export interface SyncEnv {
  /** The library's database (Library.db). */
  db: LibraryDB;
  /** PouchDB options; tests pass the memory adapter. */
  pouch?: PouchOptions;
  /** The local copy's name; LOCAL_COPY unless a test keeps devices apart. */
  localName?: string;
  /** The article keys whose highlights a run changed here (SyncDeps.onChange). */
  onChange?: (articleKeys: string[]) => void;
}

/** One sync run with the reader's settings, checked first. */
export async function runSyncOnce(config: unknown, env: SyncEnv): Promise<SyncResult> {
  let c: SyncConfig;
  try {
    c = checkSyncConfig(config);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return {
      ok: false,
      at: Date.now(),
      reason: 'settings',
      message: syncMessage('settings'),
      detail: e.message,
      sent: 0,
      received: 0,
      merged: 0,
      refused: 0,
    };
  }
  const local = openLocalCopy(env.localName ?? LOCAL_COPY, env.pouch);
  const remote = openServer(c, env.pouch);
  try {
    return await runSync({ db: env.db, local, remote, ...(env.onChange ? { onChange: env.onChange } : {}) });
  } finally {
    await Promise.allSettled([local.close(), remote.close()]);
  }
}

/** Turning sync on: the outbox starts recording, with an entry for every row already there. */
export async function turnSyncOn(db: LibraryDB): Promise<void> {
  await startOutbox(db);
}

/** Turning sync off: the outbox emptied and this device's copy deleted (the library and the server are untouched). */
export async function turnSyncOff(env: SyncEnv): Promise<void> {
  await stopOutbox(env.db);
  await openLocalCopy(env.localName ?? LOCAL_COPY, env.pouch).destroy();
}
