// Everything that enters the library (a save from a content script, an edit,
// a backup file) passes through here. Each check returns a fresh object built
// from the known fields only, so unknown keys and prototype tricks never reach
// IndexedDB, and each failure names the path of the first bad value.

import {
  BLOCK_KINDS,
  FORBIDDEN_KEYS,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_KINDS,
  SITES,
  type Article,
  type Block,
  type Highlight,
  type HighlightColor,
  type Selector,
  type Subject,
} from '../types';

export const LIMITS = {
  id: 200,
  url: 8192,
  shortText: 2000,
  title: 2000,
  question: 10_000,
  quote: 200_000,
  note: 50_000,
  tag: 100,
  tags: 100,
  selectors: 20,
  blocks: 2000,
  blockText: 200_000,
  subQuestions: 100,
  sections: 1000,
} as const;

/** Links the library renders must not run script; file: pages can be clipped too. */
const URL_SCHEMES = ['http:', 'https:', 'file:'];
const FORBIDDEN = new Set<string>(FORBIDDEN_KEYS);

export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 40 ? `a string of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

function fail(path: string, expected: string, got: unknown): never {
  throw new ValidationError(path, `expected ${expected}, got ${describe(got)}`);
}

export function record(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'an object', v);
  for (const k of Object.keys(v)) {
    if (FORBIDDEN.has(k)) throw new ValidationError(`${path}.${k}`, 'forbidden key');
  }
  return v as Record<string, unknown>;
}

export function str(v: unknown, path: string, max: number, opts: { nonEmpty?: boolean } = {}): string {
  if (typeof v !== 'string') fail(path, 'a string', v);
  if (v.length > max)
    throw new ValidationError(path, `string of ${v.length} characters is longer than ${max}`);
  if (opts.nonEmpty && v.trim() === '') fail(path, 'a non-empty string', v);
  return v;
}

function strOrNull(v: unknown, path: string, max: number): string | null {
  return v === null ? null : str(v, path, max);
}

function optStr(v: unknown, path: string, max: number): string | undefined {
  return v === undefined ? undefined : str(v, path, max);
}

export function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') fail(path, 'true or false', v);
  return v;
}

export function time(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 8.64e15)
    fail(path, 'a time in epoch milliseconds', v);
  return v;
}

function nonNegInt(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(path, 'a whole number ≥ 0', v);
  return v;
}

export function oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T {
  if (typeof v !== 'string' || !values.includes(v as T)) fail(path, `one of ${values.join(', ')}`, v);
  return v as T;
}

export function array(v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v)) fail(path, 'an array', v);
  if (v.length > max) throw new ValidationError(path, `${v.length} items is more than ${max}`);
  return v;
}

export function url(v: unknown, path: string, opts: { allowEmpty?: boolean } = {}): string {
  const s = str(v, path, LIMITS.url);
  if (s === '' && opts.allowEmpty) return s;
  let scheme: string;
  try {
    scheme = new URL(s).protocol;
  } catch {
    fail(path, 'an absolute URL', s);
  }
  if (!URL_SCHEMES.includes(scheme)) fail(path, `an http(s) or file URL`, s);
  return s;
}

function urlOrNull(v: unknown, path: string): string | null {
  return v === null ? null : url(v, path);
}

export function color(v: unknown, path: string): HighlightColor {
  return oneOf(v, path, HIGHLIGHT_COLORS);
}

/** Trimmed, empty ones dropped, duplicates (ignoring case) dropped keeping the first spelling. */
export function cleanTags(v: unknown, path: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  array(v, path, LIMITS.tags).forEach((t, i) => {
    const tag = str(t, `${path}[${i}]`, LIMITS.tag * 4)
      .trim()
      .replace(/\s+/g, ' ');
    if (tag.length > LIMITS.tag)
      throw new ValidationError(`${path}[${i}]`, `tag longer than ${LIMITS.tag} characters`);
    const k = tag.toLocaleLowerCase();
    if (tag && !seen.has(k)) {
      seen.add(k);
      out.push(tag);
    }
  });
  return out;
}

function selector(v: unknown, path: string): Selector {
  const o = record(v, path);
  const type = oneOf(o.type, `${path}.type`, ['TextQuoteSelector', 'TextPositionSelector'] as const);
  if (type === 'TextQuoteSelector') {
    return {
      type,
      exact: str(o.exact, `${path}.exact`, LIMITS.quote),
      prefix: str(o.prefix, `${path}.prefix`, LIMITS.shortText),
      suffix: str(o.suffix, `${path}.suffix`, LIMITS.shortText),
    };
  }
  const start = nonNegInt(o.start, `${path}.start`);
  const end = nonNegInt(o.end, `${path}.end`);
  if (end < start) throw new ValidationError(`${path}.end`, `end ${end} is before start ${start}`);
  return { type, start, end };
}

function block(v: unknown, path: string): Block {
  const o = record(v, path);
  const b: Block = {
    kind: oneOf(o.kind, `${path}.kind`, BLOCK_KINDS),
    text: str(o.text, `${path}.text`, LIMITS.blockText),
  };
  const speaker = optStr(o.speaker, `${path}.speaker`, LIMITS.shortText);
  if (speaker !== undefined) b.speaker = speaker;
  if (o.ordered !== undefined) b.ordered = bool(o.ordered, `${path}.ordered`);
  return b;
}

function subject(v: unknown, path: string): Subject {
  const o = record(v, path);
  const s: Subject = {};
  for (const k of ['name', 'role', 'team', 'location', 'tenure'] as const) {
    const val = optStr(o[k], `${path}.${k}`, LIMITS.shortText);
    if (val !== undefined) s[k] = val;
  }
  return s;
}

export function checkHighlight(v: unknown, path = 'highlight'): Highlight {
  const o = record(v, path);
  const h: Highlight = {
    id: str(o.id, `${path}.id`, LIMITS.id, { nonEmpty: true }),
    articleKey: str(o.articleKey, `${path}.articleKey`, LIMITS.url, { nonEmpty: true }),
    kind: oneOf(o.kind, `${path}.kind`, HIGHLIGHT_KINDS),
    quote: str(o.quote, `${path}.quote`, LIMITS.quote),
    selectors: array(o.selectors, `${path}.selectors`, LIMITS.selectors).map((s, i) =>
      selector(s, `${path}.selectors[${i}]`),
    ),
    sectionId: strOrNull(o.sectionId, `${path}.sectionId`, LIMITS.id),
    question: strOrNull(o.question, `${path}.question`, LIMITS.question),
    speaker: strOrNull(o.speaker, `${path}.speaker`, LIMITS.shortText),
    url: url(o.url, `${path}.url`),
    canonicalUrl: urlOrNull(o.canonicalUrl, `${path}.canonicalUrl`),
    fragmentUrl: url(o.fragmentUrl, `${path}.fragmentUrl`, { allowEmpty: true }),
    color: color(o.color, `${path}.color`),
    note: str(o.note, `${path}.note`, LIMITS.note),
    tags: cleanTags(o.tags, `${path}.tags`),
    createdAt: time(o.createdAt, `${path}.createdAt`),
    updatedAt: time(o.updatedAt, `${path}.updatedAt`),
    orphaned: bool(o.orphaned, `${path}.orphaned`),
  };
  if (h.kind !== 'qa' && h.quote.trim() === '') fail(`${path}.quote`, 'a non-empty string', h.quote);
  if (o.answer !== undefined) {
    h.answer = array(o.answer, `${path}.answer`, LIMITS.blocks).map((b, i) =>
      block(b, `${path}.answer[${i}]`),
    );
  }
  if (o.subQuestions !== undefined) {
    h.subQuestions = array(o.subQuestions, `${path}.subQuestions`, LIMITS.subQuestions).map((q, i) =>
      str(q, `${path}.subQuestions[${i}]`, LIMITS.question),
    );
  }
  return h;
}

export function checkArticle(v: unknown, path = 'article'): Article {
  const o = record(v, path);
  const published = strOrNull(o.published, `${path}.published`, 10);
  if (published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(published))
    fail(`${path}.published`, 'a YYYY-MM-DD date', published);
  return {
    key: str(o.key, `${path}.key`, LIMITS.url, { nonEmpty: true }),
    url: url(o.url, `${path}.url`),
    canonicalUrl: urlOrNull(o.canonicalUrl, `${path}.canonicalUrl`),
    site: oneOf(o.site, `${path}.site`, SITES),
    title: str(o.title, `${path}.title`, LIMITS.title),
    author: strOrNull(o.author, `${path}.author`, LIMITS.shortText),
    publication: strOrNull(o.publication, `${path}.publication`, LIMITS.shortText),
    published,
    subject: subject(o.subject, `${path}.subject`),
    sections: array(o.sections, `${path}.sections`, LIMITS.sections).map((s, i) => {
      const so = record(s, `${path}.sections[${i}]`);
      return {
        id: str(so.id, `${path}.sections[${i}].id`, LIMITS.id, { nonEmpty: true }),
        question: str(so.question, `${path}.sections[${i}].question`, LIMITS.question),
      };
    }),
    createdAt: time(o.createdAt, `${path}.createdAt`),
    updatedAt: time(o.updatedAt, `${path}.updatedAt`),
    lastClippedAt: time(o.lastClippedAt, `${path}.lastClippedAt`),
  };
}
