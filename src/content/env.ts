// What the content script needs from the browser, passed in: the real one is
// made from the extension APIs in main.ts; Node tests hand in fakes, so the
// whole session runs in happy-dom (test/content/session.test.ts).

import type { MessageOf, MessageType, Reply, ReplyOf } from '../messages';
import type { Settings } from '../types';
import type { ContentSender } from './sender';

/** A message handler as runtime.onMessage calls it: a promise answers, undefined leaves the message to others. */
export type MessageListener = (raw: unknown, sender: ContentSender) => Promise<Reply<unknown>> | undefined;

export interface ContentEnv {
  /** The page's window: its document, location, selection and events. */
  window: Window;
  /** Sends to the background; never rejects (a failure is a Failure reply). */
  send<T extends MessageType>(msg: MessageOf<T>): Promise<ReplyOf<T>>;
  onMessage: {
    addListener(listener: MessageListener): void;
    removeListener(listener: MessageListener): void;
  };
  /** This extension's id: only messages from it are answered. */
  extensionId: string;
  /** This extension's origin (`runtime.getURL('/')`): Firefox's messages from its pages open in a tab carry it. */
  extensionOrigin: string;
  settings: {
    load(): Promise<Settings>;
    /** Calls back on every change; answers the unsubscribe. */
    onChanged(cb: (s: Settings) => void): () => void;
  };
  clipboard: { writeText(text: string): Promise<void> };
  now(): number;
  newId(): string;
}
