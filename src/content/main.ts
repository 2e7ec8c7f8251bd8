// The content script on a real tab: the session (session.ts) wired to the
// extension's own APIs. Everything else of the content script is plain code
// that Node tests drive with a fake of ContentEnv.

import browser from 'webextension-polyfill';
import { fail, type MessageOf, type MessageType, type ReplyOf } from '../messages';
import { loadSettings, onSettingsChanged } from '../settings';
import type { ContentEnv } from './env';
import { ContentSession } from './session';

async function send<T extends MessageType>(msg: MessageOf<T>): Promise<ReplyOf<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(msg)) as ReplyOf<T> | undefined;
    return reply ?? (fail('no answer from the extension') as ReplyOf<T>);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e)) as ReplyOf<T>;
  }
}

function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Pages served over plain http are not secure contexts and have no randomUUID.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function browserEnv(): ContentEnv {
  return {
    window,
    send,
    onMessage: browser.runtime.onMessage,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    settings: { load: () => loadSettings(), onChanged: (cb) => onSettingsChanged(cb) },
    clipboard: { writeText: (text) => navigator.clipboard.writeText(text) },
    now: Date.now,
    newId,
  };
}

export function startContentScript(): ContentSession {
  const session = new ContentSession(browserEnv());
  session.start();
  return session;
}
