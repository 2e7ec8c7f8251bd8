// Every message is checked by its declared type where it arrives. The rows it
// carries (a Highlight, an Article, an edit) are checked by the store's own
// checkers (src/store/validate.ts), so a row let through here is never one the
// store then refuses; the envelope around them must hold exactly its fields.

import {
  bool,
  type Check,
  type Fields,
  fields,
  int,
  list,
  oneOf,
  optional,
  record,
  text,
  ValidationError,
} from '../check';
import { ROW_LIMITS } from '../store/limits';
import { checkSyncConfig } from '../sync/config';
import { checkArticle, checkHighlight, checkHighlightPatch } from '../store/validate';
import {
  type Empty,
  type Message,
  type MessageMap,
  type MessageType,
  type Reply,
  STEP_DIRECTIONS,
} from './protocol';

/** What only messages carry; the rows inside them keep the store's ROW_LIMITS. */
export const MESSAGE_LIMITS = {
  /** Ids or rows one message may name. */
  ids: 10_000,
  articleKeys: 1_000,
  questionCount: 100_000,
  /** Which paragraph of an answer a message names. */
  paragraph: 5_000,
} as const;

/**
 * Article keys split into lists each message may carry: a sync or an import can change
 * more articles than one `highlights:changed` or `library:changed` is allowed to name, and
 * a list over the limit is refused where it arrives, so no open page would repaint.
 */
export function articleKeyBatches(articleKeys: readonly string[]): string[][] {
  const batches: string[][] = [];
  for (let at = 0; at < articleKeys.length; at += MESSAGE_LIMITS.articleKeys)
    batches.push(articleKeys.slice(at, at + MESSAGE_LIMITS.articleKeys));
  return batches;
}

const id = text(ROW_LIMITS.id, { nonEmpty: true });
const key = text(ROW_LIMITS.url, { nonEmpty: true });
const address = text(ROW_LIMITS.url);

const checkers: { [T in MessageType]: Fields<MessageMap[T]['req']> } = {
  'page:extracted': { url: address, questionCount: int(0, MESSAGE_LIMITS.questionCount), interview: bool },
  'highlight:save': { highlight: checkHighlight, article: checkArticle },
  'highlight:update': { id, patch: checkHighlightPatch, articleKey: optional(key) },
  'highlight:delete': { ids: list(id, MESSAGE_LIMITS.ids), articleKey: optional(key) },
  'highlight:restore': { rows: list(checkHighlight, MESSAGE_LIMITS.ids) },
  'highlights:list': { url: address },
  'highlights:orphaned': { articleKey: key, orphanedIds: list(id, MESSAGE_LIMITS.ids) },
  'tags:suggest': {} as Fields<Empty>,
  'selection:save': {} as Fields<Empty>,
  'highlights:changed': { articleKeys: list(key, MESSAGE_LIMITS.articleKeys) },
  'page:stepHighlight': { direction: oneOf(STEP_DIRECTIONS) },
  'page:get': {} as Fields<Empty>,
  'page:scrollTo': { sectionId: id },
  'page:saveSection': { sectionId: id, paragraphIndex: optional(int(0, MESSAGE_LIMITS.paragraph)) },
  'page:showHighlight': { id },
  'library:changed': { articleKeys: list(key, MESSAGE_LIMITS.articleKeys) },
  'library:update': { id, patch: checkHighlightPatch, articleKey: key },
  'sync:status': {} as Fields<Empty>,
  'sync:on': { config: checkSyncConfig },
  'sync:off': {} as Fields<Empty>,
  'sync:now': {} as Fields<Empty>,
  'sync:opened': {} as Fields<Empty>,
};

export function isMessageType(x: unknown): x is MessageType {
  return typeof x === 'string' && Object.hasOwn(checkers, x);
}

const envelopes = new Map<MessageType, Check<Message>>();

function envelope(type: MessageType): Check<Message> {
  let check = envelopes.get(type);
  if (!check) {
    check = fields<Message>({ type: oneOf([type]), ...checkers[type] } as Fields<Message>, true);
    envelopes.set(type, check);
  }
  return check;
}

export type Parsed = { ok: true; message: Message } | { ok: false; error: string };

/** Checks a message and says why it was refused. The message returned is a fresh copy with only known fields. */
export function checkMessage(x: unknown): Parsed {
  try {
    const { type } = record(x, 'message');
    if (!isMessageType(type))
      return { ok: false, error: `unknown message type ${JSON.stringify(String(type)).slice(0, 80)}` };
    return { ok: true, message: envelope(type)(x, type) };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, error: e.message };
    throw e;
  }
}

export function parseMessage(x: unknown): Message | null {
  const r = checkMessage(x);
  return r.ok ? r.message : null;
}

/** Checks a reply's envelope; the value's shape is the sender's contract (we sent the request). */
export function isReply(x: unknown): x is Reply<unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { ok?: unknown; error?: unknown };
  return r.ok === true || (r.ok === false && typeof r.error === 'string');
}
