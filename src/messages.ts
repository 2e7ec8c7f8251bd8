// The message protocol: one typed map of every message and its reply, and a
// runtime checker per type. Messages cross a trust boundary (a content script
// runs beside page code; a compromised renderer can send anything), so every
// message is checked where it arrives, never trusted for its declared type.

import {
  BLOCK_KINDS,
  FORBIDDEN_KEYS,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_KINDS,
  SITES,
  type Article,
  type Block,
  type BlockKind,
  type Highlight,
  type HighlightColor,
  type HighlightKind,
  type Interview,
  type Selector,
  type Site,
  type Subject,
} from './types';
import { LIMITS as ROW_LIMITS } from './store/validate';
import { articleKey } from './url';

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

export type HighlightPatch = Partial<Pick<Highlight, 'note' | 'tags' | 'color'>>;

// ---- The map: request payload and reply value per type ----

/** A message with nothing but its type. */
export type Empty = Record<never, never>;

export interface MessageMap {
  // content → background
  'page:extracted': { req: { url: string; questionCount: number; interview: boolean }; res: null };
  'highlight:save': { req: { highlight: Highlight; article: Article }; res: null };
  /** articleKey, when given, must be the sender's page (the rows are checked to be filed under it). */
  'highlight:update': { req: { id: string; patch: HighlightPatch; articleKey?: string }; res: null };
  'highlight:delete': { req: { ids: string[]; articleKey?: string }; res: Highlight[] };
  'highlight:restore': { req: { rows: Highlight[] }; res: null };
  'highlights:list': { req: { url: string }; res: Highlight[] };
  'highlights:orphaned': { req: { articleKey: string; orphanedIds: string[] }; res: null };
  // background → content
  'selection:save': { req: Empty; res: Highlight };
  'highlights:changed': { req: { articleKeys: string[] }; res: null };
  // popup → content
  'page:get': { req: Empty; res: PageState };
  'page:scrollTo': { req: { sectionId: string }; res: null };
  'page:saveSection': { req: { sectionId: string; paragraphIndex?: number }; res: Highlight };
  // extension pages → background
  'library:changed': { req: { articleKeys: string[] }; res: null };
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
] as const satisfies readonly MessageType[];
export const EXTENSION_TO_BACKGROUND = ['library:changed'] as const satisfies readonly MessageType[];
export const TO_CONTENT = [
  'selection:save',
  'highlights:changed',
  'page:get',
  'page:scrollTo',
  'page:saveSection',
] as const satisfies readonly MessageType[];

export function message<T extends MessageType>(type: T, payload: MessageMap[T]['req']): MessageOf<T> {
  return { type, ...payload } as MessageOf<T>;
}

// ---- Limits ----

export const LIMITS = {
  // Messages carry store rows: the store's own limits, so a row this check
  // lets through is never one the store then refuses.
  ...ROW_LIMITS,
  ids: 10_000,
  questionCount: 100_000,
  /** Which paragraph of an answer a message names. */
  paragraph: 5_000,
} as const;

// ---- A tiny checker kit: each returns the clean value, or throws Invalid ----

class Invalid extends Error {}

type Check<T> = (x: unknown, path: string) => T;

const DANGEROUS_KEYS = new Set<string>(FORBIDDEN_KEYS);

function plainObject(x: unknown, path: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Invalid(`${path}: not an object`);
  const proto = Object.getPrototypeOf(x);
  if (proto !== Object.prototype && proto !== null) throw new Invalid(`${path}: not a plain object`);
  for (const key of Reflect.ownKeys(x)) {
    if (typeof key !== 'string') throw new Invalid(`${path}: symbol key`);
    if (DANGEROUS_KEYS.has(key)) throw new Invalid(`${path}: forbidden key ${key}`);
  }
  return x as Record<string, unknown>;
}

const str =
  (max: number): Check<string> =>
  (x, path) => {
    if (typeof x !== 'string') throw new Invalid(`${path}: not a string`);
    if (x.length > max) throw new Invalid(`${path}: longer than ${max}`);
    return x;
  };

const nonEmpty =
  (inner: Check<string>): Check<string> =>
  (x, path) => {
    const s = inner(x, path);
    if (s.length === 0) throw new Invalid(`${path}: empty`);
    return s;
  };

const int =
  (min: number, max: number): Check<number> =>
  (x, path) => {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max)
      throw new Invalid(`${path}: not an integer in [${min}, ${max}]`);
    return x;
  };

const time: Check<number> = (x, path) => {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) throw new Invalid(`${path}: not a time`);
  return x;
};

const bool: Check<boolean> = (x, path) => {
  if (typeof x !== 'boolean') throw new Invalid(`${path}: not a boolean`);
  return x;
};

const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (x, path) => {
    if (typeof x !== 'string' || !(values as readonly string[]).includes(x))
      throw new Invalid(`${path}: not one of ${values.join(', ')}`);
    return x as T;
  };

const nullable =
  <T>(inner: Check<T>): Check<T | null> =>
  (x, path) =>
    x === null ? null : inner(x, path);

const arr =
  <T>(inner: Check<T>, max: number): Check<T[]> =>
  (x, path) => {
    if (!Array.isArray(x)) throw new Invalid(`${path}: not an array`);
    if (x.length > max) throw new Invalid(`${path}: more than ${max} items`);
    // A loop, not map(): structured clone keeps holes, and map() skips them.
    const out: T[] = [];
    for (let i = 0; i < x.length; i++) {
      if (!(i in x)) throw new Invalid(`${path}[${i}]: missing`);
      out.push(inner(x[i], `${path}[${i}]`));
    }
    return out;
  };

type Shape<T> = { [K in keyof T]-?: Check<T[K]> };

/**
 * An object with exactly these keys. Optional keys use `optional()`.
 * `strict` rejects unknown keys (message envelopes); records nested inside
 * (Highlight, Article) drop them instead, so a newer optional field added by the
 * store does not make its own rows unsendable.
 */
function record<T>(shape: Shape<T>, strict: boolean): Check<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  return (x, path) => {
    const o = plainObject(x, path);
    if (strict) {
      for (const key of Object.keys(o))
        if (!(key in shape)) throw new Invalid(`${path}: unexpected key ${key}`);
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const check = shape[key] as Check<unknown>;
      const value = check(o[key], `${path}.${key}`);
      if (value !== undefined) out[key] = value;
    }
    return out as T;
  };
}

const optional =
  <T>(inner: Check<T>): Check<T | undefined> =>
  (x, path) =>
    x === undefined ? undefined : inner(x, path);

// ---- Checkers for the shared types ----

const url = str(LIMITS.url);
const id = nonEmpty(str(LIMITS.id));
const shortText = str(LIMITS.shortText);
const color = oneOf<HighlightColor>(HIGHLIGHT_COLORS);
const site = oneOf<Site>(SITES);
const tags = arr(nonEmpty(str(LIMITS.tag)), LIMITS.tags);
const isoDate: Check<string> = (x, path) => {
  const s = str(10)(x, path);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new Invalid(`${path}: not a YYYY-MM-DD date`);
  return s;
};

const selector: Check<Selector> = (x, path) => {
  const o = plainObject(x, path);
  if (o.type === 'TextQuoteSelector') {
    return record<Selector & { type: 'TextQuoteSelector' }>(
      {
        type: oneOf(['TextQuoteSelector'] as const),
        exact: str(LIMITS.quote),
        prefix: shortText,
        suffix: shortText,
      },
      true,
    )(o, path);
  }
  if (o.type === 'TextPositionSelector') {
    const s = record<Selector & { type: 'TextPositionSelector' }>(
      { type: oneOf(['TextPositionSelector'] as const), start: int(0, 1e9), end: int(0, 1e9) },
      true,
    )(o, path);
    if (s.end < s.start) throw new Invalid(`${path}: end before start`);
    return s;
  }
  throw new Invalid(`${path}: unknown selector type`);
};

const block: Check<Block> = record<Block>(
  {
    kind: oneOf<BlockKind>(BLOCK_KINDS),
    text: str(LIMITS.blockText),
    speaker: optional(shortText),
    ordered: optional(bool),
  },
  false,
);

const subject: Check<Subject> = record<Subject>(
  {
    name: optional(shortText),
    role: optional(shortText),
    team: optional(shortText),
    location: optional(shortText),
    tenure: optional(shortText),
  },
  false,
);

const highlightRecord = record<Highlight>(
  {
    id,
    articleKey: nonEmpty(url),
    kind: oneOf<HighlightKind>(HIGHLIGHT_KINDS),
    quote: nonEmpty(str(LIMITS.quote)),
    selectors: arr(selector, LIMITS.selectors),
    sectionId: nullable(str(LIMITS.id)),
    question: nullable(str(LIMITS.question)),
    speaker: nullable(shortText),
    url,
    canonicalUrl: nullable(url),
    fragmentUrl: str(LIMITS.url),
    color,
    note: str(LIMITS.note),
    tags,
    createdAt: time,
    updatedAt: time,
    orphaned: bool,
    answer: optional(arr(block, LIMITS.blocks)),
    subQuestions: optional(arr(str(LIMITS.question), LIMITS.subQuestions)),
  },
  false,
);

export const checkHighlight: Check<Highlight> = (x, path) => {
  const h = highlightRecord(x, path);
  if (h.quote.trim() === '') throw new Invalid(`${path}.quote: only white space`);
  return h;
};

export const checkArticle: Check<Article> = record<Article>(
  {
    key: nonEmpty(url),
    url,
    canonicalUrl: nullable(url),
    site,
    title: str(LIMITS.title),
    author: nullable(shortText),
    publication: nullable(shortText),
    published: nullable(isoDate),
    subject,
    sections: arr(
      record<{ id: string; question: string }>({ id, question: str(LIMITS.question) }, false),
      LIMITS.sections,
    ),
    createdAt: time,
    updatedAt: time,
    lastClippedAt: time,
  },
  false,
);

const patch: Check<HighlightPatch> = (x, path) => {
  const p = record<HighlightPatch>(
    { note: optional(str(LIMITS.note)), tags: optional(tags), color: optional(color) },
    true,
  )(x, path);
  if (Object.keys(p).length === 0) throw new Invalid(`${path}: empty patch`);
  return p;
};

const articleKeys = arr(nonEmpty(url), 1_000);
const empty = {} as Shape<Empty>;

const checkers: { [T in MessageType]: Shape<MessageMap[T]['req']> } = {
  'page:extracted': { url, questionCount: int(0, LIMITS.questionCount), interview: bool },
  'highlight:save': { highlight: checkHighlight, article: checkArticle },
  'highlight:update': { id, patch, articleKey: optional(nonEmpty(url)) },
  'highlight:delete': { ids: arr(id, LIMITS.ids), articleKey: optional(nonEmpty(url)) },
  'highlight:restore': { rows: arr(checkHighlight, LIMITS.ids) },
  'highlights:list': { url },
  'highlights:orphaned': { articleKey: nonEmpty(url), orphanedIds: arr(id, LIMITS.ids) },
  'selection:save': empty,
  'highlights:changed': { articleKeys },
  'page:get': empty,
  'page:scrollTo': { sectionId: id },
  'page:saveSection': { sectionId: id, paragraphIndex: optional(int(0, LIMITS.paragraph)) },
  'library:changed': { articleKeys },
};

export function isMessageType(x: unknown): x is MessageType {
  return typeof x === 'string' && Object.hasOwn(checkers, x);
}

export type Parsed = { ok: true; message: Message } | { ok: false; error: string };

/** Checks a message and says why it was refused. The message returned is a fresh copy with only known fields. */
export function checkMessage(x: unknown): Parsed {
  try {
    const o = plainObject(x, 'message');
    if (!isMessageType(o.type))
      return { ok: false, error: `unknown message type ${JSON.stringify(String(o.type)).slice(0, 80)}` };
    const type = o.type;
    const shape = { type: oneOf([type]), ...checkers[type] } as Shape<Message>;
    return { ok: true, message: record<Message>(shape, true)(o, type) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}

export function parseMessage(x: unknown): Message | null {
  const r = checkMessage(x);
  return r.ok ? r.message : null;
}

export function isMessageOf<T extends MessageType>(m: Message, type: T): m is Extract<Message, { type: T }> {
  return m.type === type;
}

/** Checks a reply's envelope; the value's shape is the sender's contract (we sent the request). */
export function isReply(x: unknown): x is Reply<unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { ok?: unknown; error?: unknown };
  return r.ok === true || (r.ok === false && typeof r.error === 'string');
}

// ---- Who sent it ----

/** The parts of runtime.MessageSender the trust check reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export type SenderRole = { role: 'content'; tabId: number; pageKeys: string[] } | { role: 'extension' };

export type SenderVerdict = { ok: true; sender: SenderRole } | { ok: false; error: string };

/**
 * A content script is trusted only for its own tab's page: every url or key in
 * its message must be that page's key, as the browser (not the page) reports
 * it. A canonical link is page data, so it cannot widen this: on Medium every
 * post shares one origin, and a page claiming another post's canonical URL
 * would otherwise read and delete that post's highlights. Extension pages are
 * recognised by their origin and may only send extension messages.
 */
export function checkSender(
  m: Message,
  sender: SenderInfo,
  extensionOrigin: string,
  extensionId?: string,
): SenderVerdict {
  if (extensionId !== undefined && sender.id !== undefined && sender.id !== extensionId)
    return { ok: false, error: 'message from another extension' };
  const origin = extensionOrigin.replace(/\/+$/, '');
  const fromExtensionPage =
    typeof sender.url === 'string' && (sender.url === origin || sender.url.startsWith(`${origin}/`));

  if ((EXTENSION_TO_BACKGROUND as readonly string[]).includes(m.type)) {
    return fromExtensionPage
      ? { ok: true, sender: { role: 'extension' } }
      : { ok: false, error: `${m.type} accepted only from extension pages` };
  }
  if (!(CONTENT_TO_BACKGROUND as readonly string[]).includes(m.type))
    return { ok: false, error: `${m.type} is not sent to the background` };
  if (fromExtensionPage || !sender.tab || typeof sender.tab.id !== 'number' || sender.tab.id < 0) {
    return { ok: false, error: `${m.type} accepted only from a content script in a tab` };
  }
  const pageUrls = [sender.url, sender.tab.url].filter((u): u is string => typeof u === 'string' && u !== '');
  if (pageUrls.length === 0) return { ok: false, error: 'sender has no page URL' };
  const pageKeys = [...new Set(pageUrls.map(articleKey))];

  const keyAllowed = (key: string): boolean => pageKeys.includes(key);
  const urlAllowed = (u: string): boolean => pageKeys.includes(articleKey(u));

  const refuse = (what: string): SenderVerdict => ({
    ok: false,
    error: `${m.type}: ${what} is not the sender's page`,
  });
  const own: SenderVerdict = { ok: true, sender: { role: 'content', tabId: sender.tab.id, pageKeys } };

  switch (m.type) {
    case 'page:extracted':
      return urlAllowed(m.url) ? own : refuse('url');
    case 'highlights:list':
      return urlAllowed(m.url) ? own : refuse('url');
    case 'highlights:orphaned':
      return keyAllowed(m.articleKey) ? own : refuse('articleKey');
    case 'highlight:save': {
      const { highlight: h, article: a } = m;
      if (h.articleKey !== a.key) return refuse('highlight and article disagree:');
      if (!keyAllowed(h.articleKey)) return refuse('articleKey');
      if (!urlAllowed(h.url) || !urlAllowed(a.url)) return refuse('url');
      return own;
    }
    case 'highlight:restore':
      for (const h of m.rows)
        if (!keyAllowed(h.articleKey) || !urlAllowed(h.url)) return refuse('a restored row');
      return own;
    // Updates and deletes name rows by id; the background checks that the rows are filed under this key.
    case 'highlight:update':
    case 'highlight:delete':
      return m.articleKey === undefined || keyAllowed(m.articleKey) ? own : refuse('articleKey');
    default:
      return { ok: false, error: `${m.type} is not sent to the background` };
  }
}
