// The message protocol: one typed map of every message and its reply, named
// by direction, and who may send each type. Messages cross a trust boundary (a
// content script runs beside page code; a compromised renderer can send
// anything), so each is checked where it arrives (check.ts, sender.ts), never
// trusted for its declared type.

import type { SyncConfig } from '../sync/config';
import type { SyncResult } from '../sync/faults';
import type { Article, Highlight, HighlightPatch, Interview } from '../types';

export type { HighlightPatch };

export const STEP_DIRECTIONS = ['next', 'previous'] as const;
export type StepDirection = (typeof STEP_DIRECTIONS)[number];

// ---- Replies ----

export type Ok<T> = { ok: true; value: T };
export type Failure = { ok: false; error: string; retrying?: boolean };
export type Reply<T> = Ok<T> | Failure;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const fail = (error: string, retrying?: boolean): Failure =>
  retrying === undefined ? { ok: false, error } : { ok: false, error, retrying };

/** What `page:get` answers: the page as the content script sees it now. */
export interface PageState {
  interview: Interview | null;
  articleKey: string;
  orphanedIds: string[];
  placedIds: string[];
  /** Set when the page is too large to be read for questions (highlights still work). */
  tooLarge?: boolean;
}

// ---- The map: request payload and reply value per type ----

/** What Settings shows about sync (`sync:*` replies). */
export interface SyncStatus {
  on: boolean;
  /** The settings last used (kept when sync is turned off, without the password). */
  config: SyncConfig | null;
  /** The last run's result, null before the first run. */
  last: SyncResult | null;
  running: boolean;
}

/** A message with nothing but its type. */
export type Empty = Record<never, never>;

export interface MessageMap {
  // content → background
  'page:extracted': { req: { url: string; questionCount: number; interview: boolean }; res: null };
  /** Answers the row already saved at the same place instead of adding a second (store/duplicate.ts). */
  'highlight:save': { req: { highlight: Highlight; article: Article }; res: { existing: Highlight } | null };
  /** articleKey, when given, must be the sender's page (the rows are checked to be filed under it). */
  'highlight:update': { req: { id: string; patch: HighlightPatch; articleKey?: string }; res: null };
  'highlight:delete': { req: { ids: string[]; articleKey?: string }; res: Highlight[] };
  'highlight:restore': { req: { rows: Highlight[] }; res: null };
  'highlights:list': { req: { url: string }; res: Highlight[] };
  'highlights:orphaned': { req: { articleKey: string; orphanedIds: string[] }; res: null };
  /** The tags already in the library, for the page card's suggestions. */
  'tags:suggest': { req: Empty; res: string[] };
  // background → content
  'selection:save': { req: Empty; res: Highlight };
  'highlights:changed': { req: { articleKeys: string[] }; res: null };
  /** The keyboard commands: move to the next or previous highlight on the page; answers its id. */
  'page:stepHighlight': { req: { direction: StepDirection }; res: string | null };
  // popup → content
  'page:get': { req: Empty; res: PageState };
  'page:scrollTo': { req: { sectionId: string }; res: null };
  'page:saveSection': { req: { sectionId: string; paragraphIndex?: number }; res: Highlight };
  /** Scrolls the page to a saved highlight and flashes it. */
  'page:showHighlight': { req: { id: string }; res: null };
  // extension pages → background
  'library:changed': { req: { articleKeys: string[] }; res: null };
  /**
   * An edit the background writes for an extension page: a popup that closes
   * mid-write (the reader clicked back into the page) would lose its own
   * IndexedDB write, while a message already sent still arrives.
   */
  'library:update': { req: { id: string; patch: HighlightPatch; articleKey: string }; res: null };
  // extension pages → background: sync (src/background/sync.ts)
  'sync:status': { req: Empty; res: SyncStatus };
  /** Sent after the page was granted the server's origin (permissions.request needs the click). */
  'sync:on': { req: { config: SyncConfig }; res: SyncStatus };
  'sync:off': { req: Empty; res: SyncStatus };
  'sync:now': { req: Empty; res: SyncStatus };
  /** The popup or the library opened: a run unless one ended a moment ago. */
  'sync:opened': { req: Empty; res: null };
}

export type MessageType = keyof MessageMap;
export type MessageOf<T extends MessageType> = { type: T } & MessageMap[T]['req'];
export type Message = { [T in MessageType]: MessageOf<T> }[MessageType];
export type ReplyOf<T extends MessageType> = Reply<MessageMap[T]['res']>;

/** Who may send each type. */
export const CONTENT_TO_BACKGROUND = [
  'page:extracted',
  'highlight:save',
  'highlight:update',
  'highlight:delete',
  'highlight:restore',
  'highlights:list',
  'highlights:orphaned',
  'tags:suggest',
] as const satisfies readonly MessageType[];
export const EXTENSION_TO_BACKGROUND = [
  'library:changed',
  'library:update',
  'sync:status',
  'sync:on',
  'sync:off',
  'sync:now',
  'sync:opened',
] as const satisfies readonly MessageType[];
export const TO_CONTENT = [
  'selection:save',
  'highlights:changed',
  'page:get',
  'page:scrollTo',
  'page:saveSection',
  'page:stepHighlight',
  'page:showHighlight',
] as const satisfies readonly MessageType[];

export function message<T extends MessageType>(type: T, payload: MessageMap[T]['req']): MessageOf<T> {
  return { type, ...payload } as MessageOf<T>;
}

export function isMessageOf<T extends MessageType>(m: Message, type: T): m is Extract<Message, { type: T }> {
  return m.type === type;
}
