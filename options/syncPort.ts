// What the Settings panel's sync section needs from the extension: the
// background's sync:* messages and the server's origin as an optional host
// permission. The permission is asked from the page because the browser
// shows its prompt only for a click (Firefox: only while the click's handler
// runs, so `turnOn` asks before it awaits anything).

import type Browser from 'webextension-polyfill';
import { isReply, message, type MessageMap, type MessageType, type SyncStatus } from '../src/messages';
import { type SyncConfig, serverOrigin } from '../src/sync/config';

export interface SyncPort {
  status(): Promise<SyncStatus>;
  /** Asks for the server's origin, then turns sync on; throws with a sentence for the reader. */
  turnOn(config: SyncConfig): Promise<SyncStatus>;
  turnOff(): Promise<SyncStatus>;
  now(): Promise<SyncStatus>;
  /** Calls back when a run (an alarm's, another page's) changed what status() says. */
  onChanged(cb: () => void): () => void;
}

/** The storage keys src/background/sync.ts writes. */
const KEYS = ['sync', 'syncLast'];

export function browserSyncPort(browser: typeof Browser): SyncPort {
  const ask = async <T extends MessageType>(
    type: T,
    payload: MessageMap[T]['req'],
  ): Promise<MessageMap[T]['res']> => {
    const raw: unknown = await browser.runtime.sendMessage(message(type, payload));
    if (!isReply(raw))
      throw new Error('The extension’s background did not answer. Reload the page and try again.');
    if (!raw.ok) throw new Error(raw.error);
    return raw.value as MessageMap[T]['res'];
  };
  return {
    status: () => ask('sync:status', {}),
    turnOn(config) {
      const origin = serverOrigin(config);
      // Called at once, inside the click: no await before it.
      const granted = browser.permissions.request({ origins: [origin] });
      return granted.then((yes) => {
        if (!yes)
          throw new Error(
            `Sync stays off: the browser was not allowed to reach ${new URL(config.server).origin}.`,
          );
        return ask('sync:on', { config });
      });
    },
    turnOff: () => ask('sync:off', {}),
    now: () => ask('sync:now', {}),
    onChanged(cb) {
      const listener = (changes: Record<string, unknown>, area: string): void => {
        if (area === 'local' && KEYS.some((k) => k in changes)) cb();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
