// Two (or more) "devices" for sync tests: each a library on its own
// fake-indexeddb database with sync turned on, its own in-memory PouchDB
// copy, and the server database reached over HTTP through the extension's
// own openServer (so timeouts and credentials are the real ones).

import './self';
import 'fake-indexeddb/auto';
import { Library } from '../../src/store/library';
import type { SyncConfig } from '../../src/sync/config';
import { runSync } from '../../src/sync/engine';
import type { SyncResult } from '../../src/sync/faults';
import { startOutbox } from '../../src/sync/outbox';
import { openServer } from '../../src/sync/pouch';
import type { PouchDatabase } from '../../src/sync/pouch-api';
import { memoryCopy, PouchDB } from './pouch';

export interface Device {
  name: string;
  lib: Library;
  local: PouchDatabase;
  config: SyncConfig;
  /** What each of its runs told (SyncDeps.onChange): the article keys of highlights changed here, per commit. */
  told: string[][];
  sync(overrides?: Partial<SyncConfig> & { timeoutMs?: number; batchSize?: number }): Promise<SyncResult>;
  close(): Promise<void>;
}

let seq = 0;

export async function makeDevice(
  name: string,
  config: SyncConfig,
  options: { syncOn?: boolean; now?: () => number } = {},
): Promise<Device> {
  const lib = new Library(`device-${name}-${process.pid}-${++seq}`, { now: options.now ?? Date.now });
  if (options.syncOn !== false) await startOutbox(lib.db);
  const local = memoryCopy(`local-${name}`);
  const told: string[][] = [];
  return {
    name,
    lib,
    local,
    config,
    told,
    sync(overrides = {}) {
      const { timeoutMs, batchSize, ...c } = overrides;
      const remote = openServer({ ...config, ...c }, { PouchDB, ...(timeoutMs ? { timeoutMs } : {}) });
      const onChange = (keys: string[]) => void told.push(keys);
      return runSync({ db: lib.db, local, remote, onChange, ...(batchSize ? { batchSize } : {}) });
    },
    async close() {
      lib.close();
      await local.destroy();
    },
  };
}
