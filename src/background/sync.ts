// Sync as the background runs it: the reader's switch and settings in
// extension storage, the scheduler's one-shot runs (src/sync/scheduler.ts),
// and the server's origin as an optional host permission. Extension APIs come
// in as deps, so the rules run in Node tests.

import type { SyncStatus } from '../messages';
import type { LibraryDB } from '../store/db';
import { checkSyncConfig, type SyncConfig, serverOrigin } from '../sync/config';
import { type SyncFailure, type SyncResult, syncMessage } from '../sync/faults';
import { pendingChanges } from '../sync/outbox';
import type { PouchOptions } from '../sync/pouch';
import {
  type Alarms,
  runSyncOnce,
  type SyncEnv,
  SyncScheduler,
  type Timers,
  turnSyncOff,
  turnSyncOn,
} from '../sync/scheduler';
import type { KeyValueArea } from './ports';

/** Where the switch and the settings live in storage.local; Settings reads the result from there too. */
export const SYNC_KEY = 'sync';
export const SYNC_LAST_KEY = 'syncLast';

interface Stored {
  on: boolean;
  config: SyncConfig | null;
}

export interface HostPermissions {
  contains(p: { origins: string[] }): Promise<boolean>;
  remove(p: { origins: string[] }): Promise<boolean>;
}

export interface SyncServiceDeps {
  storage: KeyValueArea;
  alarms: Alarms;
  timers: Timers;
  permissions: HostPermissions;
  db: () => Promise<LibraryDB>;
  /** PouchDB options for this device's copy; Node tests pass the memory adapter. */
  pouch?: PouchOptions;
  /** One run; runSyncOnce against the real server unless a test swaps it. */
  run?: (config: SyncConfig, env: SyncEnv) => Promise<SyncResult>;
  /** The article keys whose highlights a run changed here, as each change commits, so open pages repaint. */
  onChange?: (articleKeys: string[]) => void;
}

export const NO_PERMISSION =
  'The browser does not let Interview Highlights reach the sync server. Turn sync off and on again in Settings and allow it.';

function failed(reason: SyncFailure, detail: string, message = syncMessage(reason)): SyncResult {
  return { ok: false, at: Date.now(), reason, message, detail, sent: 0, received: 0, merged: 0, refused: 0 };
}

export class SyncService {
  private readonly scheduler: SyncScheduler;
  private running = false;

  constructor(private readonly deps: SyncServiceDeps) {
    this.scheduler = new SyncScheduler({
      run: () => this.runOnce(),
      alarms: deps.alarms,
      timers: deps.timers,
      onResult: (r) => void this.remember(r),
    });
  }

  private async stored(): Promise<Stored> {
    const v = (await this.deps.storage.get(SYNC_KEY))[SYNC_KEY];
    const o = typeof v === 'object' && v !== null ? (v as Partial<Stored>) : {};
    let config: SyncConfig | null = null;
    try {
      config = o.config ? checkSyncConfig(o.config) : null;
    } catch {
      config = null;
    }
    return { on: o.on === true && config !== null, config };
  }

  private async remember(r: SyncResult): Promise<void> {
    await this.deps.storage.set({ [SYNC_LAST_KEY]: r });
  }

  async status(): Promise<SyncStatus> {
    const s = await this.stored();
    const last = (await this.deps.storage.get(SYNC_LAST_KEY))[SYNC_LAST_KEY];
    return {
      on: s.on,
      config: s.config,
      last: typeof last === 'object' && last !== null ? (last as SyncResult) : null,
      running: this.running,
    };
  }

  /** Settings turned sync on, after the page was granted the server's origin. */
  async turnOn(config: SyncConfig): Promise<SyncStatus> {
    const c = checkSyncConfig(config);
    if (!(await this.deps.permissions.contains({ origins: [serverOrigin(c)] })))
      throw new Error(NO_PERMISSION);
    const before = await this.stored();
    // Another server or database is another copy: start this device's over.
    if (before.on && before.config && !sameTarget(before.config, c)) await this.turnOff();
    await this.deps.storage.set({ [SYNC_KEY]: { on: true, config: c } satisfies Stored });
    await turnSyncOn(await this.deps.db());
    await this.scheduler.start();
    await this.scheduler.now();
    return this.status();
  }

  /** Off: no alarm, no outbox, no local copy, the password forgotten and the server's origin released. */
  async turnOff(): Promise<SyncStatus> {
    const s = await this.stored();
    await this.scheduler.stop();
    const config = s.config ? { ...s.config, password: '' } : null;
    await this.deps.storage.set({ [SYNC_KEY]: { on: false, config } satisfies Stored });
    await this.deps.storage.remove(SYNC_LAST_KEY);
    await turnSyncOff({ db: await this.deps.db(), ...(this.deps.pouch ? { pouch: this.deps.pouch } : {}) });
    // A permission the manifest itself grants cannot be removed; nothing is sent once off anyway.
    if (s.config)
      await this.deps.permissions.remove({ origins: [serverOrigin(s.config)] }).catch(() => false);
    return this.status();
  }

  async now(): Promise<SyncStatus> {
    if ((await this.stored()).on) await this.scheduler.now();
    return this.status();
  }

  /** The worker started or the browser did: the alarm again if sync is on (alarms may not survive a restart). */
  async resume(): Promise<void> {
    if ((await this.stored()).on) await this.scheduler.start();
  }

  async opened(): Promise<void> {
    if ((await this.stored()).on) void this.scheduler.opened();
  }

  /** The library was written somewhere: a run soon, if there is something to send. */
  async wrote(): Promise<void> {
    if (!(await this.stored()).on) return;
    if ((await pendingChanges(await this.deps.db())) > 0) this.scheduler.wrote();
  }

  onAlarm(name: string): Promise<unknown> | undefined {
    return this.scheduler.onAlarm(name);
  }

  private async runOnce(): Promise<SyncResult> {
    const s = await this.stored();
    if (!s.on || !s.config) return failed('off', 'sync is not turned on');
    if (!(await this.deps.permissions.contains({ origins: [serverOrigin(s.config)] })))
      return failed('settings', 'no host permission for the server', NO_PERMISSION);
    this.running = true;
    try {
      const { pouch, onChange } = this.deps;
      const env: SyncEnv = {
        db: await this.deps.db(),
        ...(pouch ? { pouch } : {}),
        ...(onChange ? { onChange } : {}),
      };
      return await (this.deps.run ?? runSyncOnce)(s.config, env);
    } finally {
      this.running = false;
    }
  }
}

function sameTarget(a: SyncConfig, b: SyncConfig): boolean {
  return a.server === b.server && a.database === b.database;
}
