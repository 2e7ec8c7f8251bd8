// The one checker per stored shape. Everything that becomes or carries a row
// passes through these: a save or restore message from a page
// (src/messages/check.ts), a write to the store (library.ts), an entry of the
// background's retry queue (background/retry.ts), a backup file (backup.ts).
// One checker means a row one of them lets through is never one another
// refuses. Each returns a fresh object built from the known fields only, so
// unknown keys and prototype tricks never reach IndexedDB, and each failure
// names the path of the first bad value.

import {
  array,
  bool,
  type Check,
  fields,
  int,
  isoDate,
  list,
  nullable,
  oneOf,
  optional,
  record,
  refuse,
  str,
  text,
  time,
  url,
  ValidationError,
} from '../check';
import { uniqueTags } from '../tags';
import {
  BLOCK_KINDS,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_KINDS,
  SITES,
  type Article,
  type Block,
  type CompareGroups,
  type Highlight,
  type HighlightColor,
  type HighlightPatch,
  type Selector,
  type Subject,
} from '../types';
import { ROW_LIMITS as L } from './limits';

export const color: Check<HighlightColor> = oneOf(HIGHLIGHT_COLORS);

/** Trimmed, inner white space collapsed, empty ones dropped, each tag once (src/tags.ts). */
export const cleanTags: Check<string[]> = (v, path) =>
  uniqueTags(
    array(v, path, L.tags).map((t, i) => {
      const tag = str(t, `${path}[${i}]`, L.tag * 4)
        .trim()
        .replace(/\s+/g, ' ');
      if (tag.length > L.tag)
        throw new ValidationError(`${path}[${i}]`, `tag longer than ${L.tag} characters`);
      return tag;
    }),
  );

const id = text(L.id, { nonEmpty: true });
const shortText = text(L.shortText);
const link: Check<string> = (v, path) => url(v, path, L.url);

const quoteSelector = fields<Extract<Selector, { type: 'TextQuoteSelector' }>>({
  type: oneOf(['TextQuoteSelector'] as const),
  exact: text(L.quote),
  prefix: shortText,
  suffix: shortText,
});

const positionSelector = fields<Extract<Selector, { type: 'TextPositionSelector' }>>({
  type: oneOf(['TextPositionSelector'] as const),
  start: int(0),
  end: int(0),
});

const selector: Check<Selector> = (v, path) => {
  const type = oneOf(['TextQuoteSelector', 'TextPositionSelector'] as const)(
    record(v, path).type,
    `${path}.type`,
  );
  if (type === 'TextQuoteSelector') return quoteSelector(v, path);
  const s = positionSelector(v, path);
  if (s.end < s.start) throw new ValidationError(`${path}.end`, `end ${s.end} is before start ${s.start}`);
  return s;
};

const block: Check<Block> = fields<Block>({
  kind: oneOf(BLOCK_KINDS),
  text: text(L.blockText),
  speaker: optional(shortText),
  ordered: optional(bool),
});

const subject: Check<Subject> = fields<Subject>({
  name: optional(shortText),
  role: optional(shortText),
  team: optional(shortText),
  location: optional(shortText),
  tenure: optional(shortText),
});

const highlightFields = fields<Highlight>({
  id,
  articleKey: text(L.url, { nonEmpty: true }),
  kind: oneOf(HIGHLIGHT_KINDS),
  quote: text(L.quote),
  selectors: list(selector, L.selectors),
  sectionId: nullable(text(L.id)),
  question: nullable(text(L.question)),
  speaker: nullable(shortText),
  url: link,
  canonicalUrl: nullable(link),
  /** Empty when no link to the quote could be made. */
  fragmentUrl: (v, path) => url(v, path, L.url, { allowEmpty: true }),
  color,
  note: text(L.note),
  tags: cleanTags,
  createdAt: time,
  updatedAt: time,
  orphaned: bool,
  answer: optional(list(block, L.blocks)),
  subQuestions: optional(list(text(L.question), L.subQuestions)),
});

/**
 * A highlight row. Its quote is what gets painted and exported, so it may not
 * be blank, except for a whole Q&A, whose saved answer blocks carry the text.
 */
export function checkHighlight(v: unknown, path = 'highlight'): Highlight {
  const h = highlightFields(v, path);
  if (h.kind !== 'qa' && h.quote.trim() === '') refuse(`${path}.quote`, 'a non-empty string', h.quote);
  return h;
}

const articleFields = fields<Article>({
  key: text(L.url, { nonEmpty: true }),
  url: link,
  canonicalUrl: nullable(link),
  site: oneOf(SITES),
  title: text(L.title),
  author: nullable(shortText),
  publication: nullable(shortText),
  published: nullable(isoDate),
  subject,
  sections: list(fields<Article['sections'][number]>({ id, question: text(L.question) }), L.sections),
  createdAt: time,
  updatedAt: time,
  lastClippedAt: time,
});

export function checkArticle(v: unknown, path = 'article'): Article {
  return articleFields(v, path);
}

const patchFields = fields<HighlightPatch>(
  { note: optional(text(L.note)), tags: optional(cleanTags), color: optional(color) },
  true,
);

/** An edit of a highlight: note, tags or colour, at least one of them, nothing else. */
export function checkHighlightPatch(v: unknown, path = 'patch'): HighlightPatch {
  const p = patchFields(v, path);
  if (Object.keys(p).length === 0) throw new ValidationError(path, 'nothing to change');
  return p;
}

/** A string-to-string map of at most `max` entries, keys and values checked. */
function dictOf(key: Check<string>, value: Check<string>, max: number): Check<Record<string, string>> {
  return (v, path) => {
    const o = record(v, path);
    const entries = Object.entries(o);
    if (entries.length > max) throw new ValidationError(path, `more than ${max} entries`);
    const out: Record<string, string> = {};
    for (const [k, x] of entries) out[key(k, `${path} key`)] = value(x, `${path}.${k}`);
    return out;
  };
}

const groupId = text(L.url + L.id, { nonEmpty: true });

/** Compare's renames and moves as kept in the settings (src/settings.ts reads them through this). */
export const checkCompareGroups: Check<CompareGroups> = fields<CompareGroups>({
  names: dictOf(groupId, text(L.groupName), L.compareEntries),
  moves: dictOf(text(L.url + L.id + 1, { nonEmpty: true }), groupId, L.compareEntries),
});
