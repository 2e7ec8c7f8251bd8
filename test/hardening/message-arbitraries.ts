// Valid messages of every type, for a given page, as fast-check arbitraries;
// and the mutations that make a valid message certainly invalid.

import fc from 'fast-check';
import { type Message, type MessageType, STEP_DIRECTIONS } from '../../src/messages';
import {
  BLOCK_KINDS,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_KINDS,
  SITES,
  type Article,
  type Block,
  type Highlight,
  type Selector,
} from '../../src/types';
import { tagKey } from '../../src/tags';
import { articleKey } from '../../src/url';

export const ALL_TYPES: MessageType[] = [
  'page:extracted',
  'highlight:save',
  'highlight:update',
  'highlight:delete',
  'highlight:restore',
  'highlights:list',
  'highlights:orphaned',
  'selection:save',
  'highlights:changed',
  'page:get',
  'page:scrollTo',
  'page:saveSection',
  'page:showHighlight',
  'library:changed',
  'tags:suggest',
  'page:stepHighlight',
  'library:update',
  'sync:status',
  'sync:on',
  'sync:off',
  'sync:now',
  'sync:opened',
];

/** Pages on the sites the content script runs on, with the address noise articleKey strips. */
export const pageUrl = fc
  .tuple(
    fc.constantFrom(
      'https://medium.com/pinterest-engineering/',
      'https://www.pinterestcareers.com/life-at-pinterest/',
      'https://example.org/blog/',
    ),
    fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,24}$/),
    fc.constantFrom('', '?source=rss', '?utm_source=x&utm_medium=y', '#section', '#:~:text=quote'),
  )
  .map(([base, slug, tail]) => `${base}${slug}${tail}`);

const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
const nonBlank = (max: number) => text(max).filter((s) => s.trim() !== '');
/** Tags as the store keeps them: trimmed, inner space collapsed, each once ignoring case (a message carries stored rows). */
const tags = (max: number) =>
  fc.uniqueArray(
    nonBlank(12).map((t) => t.trim().replace(/\s+/g, ' ')),
    { maxLength: max, selector: tagKey },
  );
const id = fc.oneof(fc.uuid(), fc.stringMatching(/^[a-z0-9-]{1,40}$/));

const selector: fc.Arbitrary<Selector> = fc.oneof(
  fc.record({
    type: fc.constant('TextQuoteSelector' as const),
    exact: text(60),
    prefix: text(32),
    suffix: text(32),
  }),
  fc
    .tuple(fc.nat({ max: 1e6 }), fc.nat({ max: 5000 }))
    .map(([start, len]) => ({ type: 'TextPositionSelector' as const, start, end: start + len })),
);

const block: fc.Arbitrary<Block> = fc.record(
  {
    kind: fc.constantFrom(...BLOCK_KINDS),
    text: text(80),
    speaker: text(20),
    ordered: fc.boolean(),
  },
  { requiredKeys: ['kind', 'text'] },
);

const time = fc.nat({ max: 4_102_444_800_000 });

export function highlightFor(url: string): fc.Arbitrary<Highlight> {
  return fc.record(
    {
      id,
      articleKey: fc.constant(articleKey(url)),
      kind: fc.constantFrom(...HIGHLIGHT_KINDS),
      quote: nonBlank(120),
      selectors: fc.array(selector, { maxLength: 3 }),
      sectionId: fc.option(fc.stringMatching(/^[a-z0-9-]{0,40}$/)),
      question: fc.option(text(60)),
      speaker: fc.option(text(20)),
      url: fc.constant(url),
      canonicalUrl: fc.option(fc.constant(articleKey(url))),
      fragmentUrl: fc.constant(`${articleKey(url)}#:~:text=x`),
      color: fc.constantFrom(...HIGHLIGHT_COLORS),
      note: text(80),
      tags: tags(4),
      createdAt: time,
      updatedAt: time,
      orphaned: fc.boolean(),
      answer: fc.array(block, { maxLength: 3 }),
      subQuestions: fc.array(text(30), { maxLength: 2 }),
    },
    {
      requiredKeys: [
        'id',
        'articleKey',
        'kind',
        'quote',
        'selectors',
        'sectionId',
        'question',
        'speaker',
        'url',
        'canonicalUrl',
        'fragmentUrl',
        'color',
        'note',
        'tags',
        'createdAt',
        'updatedAt',
        'orphaned',
      ],
    },
  );
}

export function articleFor(url: string): fc.Arbitrary<Article> {
  return fc.record({
    key: fc.constant(articleKey(url)),
    url: fc.constant(url),
    canonicalUrl: fc.option(fc.constant(articleKey(url))),
    site: fc.constantFrom(...SITES),
    title: text(80),
    author: fc.option(text(30)),
    publication: fc.option(text(30)),
    published: fc.option(fc.constantFrom('2023-08-03', '2024-02-29')),
    subject: fc.record(
      { name: text(20), role: text(20), team: text(20), location: text(20), tenure: text(10) },
      { requiredKeys: [] },
    ),
    sections: fc.array(fc.record({ id: fc.stringMatching(/^[a-z0-9-]{1,40}$/), question: text(60) }), {
      maxLength: 4,
    }),
    createdAt: time,
    updatedAt: time,
    lastClippedAt: time,
  });
}

const patch = fc
  .record(
    {
      note: text(40),
      tags: tags(3),
      color: fc.constantFrom(...HIGHLIGHT_COLORS),
    },
    { requiredKeys: [] },
  )
  .filter((p) => Object.keys(p).length > 0);

/**
 * A valid message of `type` about the page at `url`. Content messages name
 * that page; `withKey` makes update/delete name it too (without it they name
 * rows only, checked later against the store).
 */
export function messageFor(type: MessageType, url: string, withKey = true): fc.Arbitrary<Message> {
  const key = articleKey(url);
  const keys = fc.array(fc.constant(key), { minLength: 1, maxLength: 3 });
  const m = <T extends object>(a: fc.Arbitrary<T>) => a.map((p) => ({ type, ...p }) as unknown as Message);
  switch (type) {
    case 'page:extracted':
      return m(
        fc.record({
          url: fc.constant(url),
          questionCount: fc.nat({ max: 100_000 }),
          interview: fc.boolean(),
        }),
      );
    case 'highlight:save':
      return m(fc.record({ highlight: highlightFor(url), article: articleFor(url) }));
    case 'highlight:update':
      return m(fc.record({ id, patch, ...(withKey ? { articleKey: fc.constant(key) } : {}) }));
    case 'highlight:delete':
      return m(
        fc.record({
          ids: fc.array(id, { maxLength: 5 }),
          ...(withKey ? { articleKey: fc.constant(key) } : {}),
        }),
      );
    case 'highlight:restore':
      return m(fc.record({ rows: fc.array(highlightFor(url), { minLength: 1, maxLength: 3 }) }));
    case 'highlights:list':
      return m(fc.record({ url: fc.constant(url) }));
    case 'highlights:orphaned':
      return m(fc.record({ articleKey: fc.constant(key), orphanedIds: fc.array(id, { maxLength: 5 }) }));
    case 'highlights:changed':
    case 'library:changed':
      return m(fc.record({ articleKeys: keys }));
    case 'tags:suggest':
      return m(fc.record({}));
    case 'page:stepHighlight':
      return m(fc.record({ direction: fc.constantFrom(...STEP_DIRECTIONS) }));
    case 'page:scrollTo':
      return m(fc.record({ sectionId: id }));
    case 'page:showHighlight':
      return m(fc.record({ id }));
    case 'library:update':
      return m(fc.record({ id, patch, articleKey: fc.constant(key) }));
    case 'page:saveSection':
      return m(
        fc.record({ sectionId: id, paragraphIndex: fc.nat({ max: 5000 }) }, { requiredKeys: ['sectionId'] }),
      );
    case 'sync:on':
      return m(
        fc.record({
          config: fc.record({
            server: fc.constantFrom('https://couch.example.org', 'http://127.0.0.1:5984'),
            database: fc.stringMatching(/^[a-z][a-z0-9_-]{0,20}$/),
            username: fc.stringMatching(/^[a-z0-9]{0,12}$/),
            password: fc.string({ maxLength: 20 }),
          }),
        }),
      );
    case 'selection:save':
    case 'page:get':
    case 'sync:status':
    case 'sync:off':
    case 'sync:now':
    case 'sync:opened':
      return fc.constant({ type } as Message);
  }
}

export const anyValidMessage: fc.Arbitrary<Message> = fc
  .tuple(fc.constantFrom(...ALL_TYPES), pageUrl)
  .chain(([type, url]) => messageFor(type, url));

// ---- Mutations that make a valid message invalid, whatever its type ----

type Path = (string | number)[];

/** Every path to a value inside the message (objects and arrays included), except the root. */
export function pathsOf(x: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(x)) {
    x.forEach((v, i) => {
      out.push([...prefix, i], ...pathsOf(v, [...prefix, i]));
    });
  } else if (typeof x === 'object' && x !== null) {
    for (const [k, v] of Object.entries(x)) out.push([...prefix, k], ...pathsOf(v, [...prefix, k]));
  }
  return out;
}

/** Keys that may be left out somewhere in the protocol: deleting them is not always an error. */
const SOMETIMES_OPTIONAL = new Set([
  'speaker',
  'ordered',
  'answer',
  'subQuestions',
  'paragraphIndex',
  'name',
  'role',
  'team',
  'location',
  'tenure',
  'note',
  'tags',
  'color',
  'articleKey',
]);
/** Strings whose value is one of a fixed list. */
const ENUM_KEYS = new Set(['type', 'kind', 'color', 'site']);

function kindOf(v: unknown): 'string' | 'number' | 'boolean' | 'array' | 'object' | 'null' | 'other' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'object' ? t : 'other';
}

/** A value of another JSON kind than `v`, never null (null is valid wherever a field is nullable). */
function otherKind(v: unknown, pick: number): unknown {
  const options: unknown[] = [42, 'text', true, ['x'], { x: 1 }].filter((o) => kindOf(o) !== kindOf(v));
  return options[pick % options.length];
}

export type MessageMutation =
  | { kind: 'wrong-type'; path: number; pick: number }
  | { kind: 'delete-required'; path: number }
  | { kind: 'bad-number'; path: number; pick: number }
  | { kind: 'too-long'; path: number }
  | { kind: 'bad-enum'; path: number }
  | { kind: 'proto-key'; path: number }
  | { kind: 'not-plain'; path: number; pick: number }
  | { kind: 'sparse'; path: number }
  | { kind: 'unknown-top-key'; key: string };

export const messageMutation: fc.Arbitrary<MessageMutation> = fc.oneof(
  fc.record({ kind: fc.constant('wrong-type' as const), path: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant('delete-required' as const), path: fc.nat() }),
  fc.record({ kind: fc.constant('bad-number' as const), path: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant('too-long' as const), path: fc.nat() }),
  fc.record({ kind: fc.constant('bad-enum' as const), path: fc.nat() }),
  fc.record({ kind: fc.constant('proto-key' as const), path: fc.nat() }),
  fc.record({ kind: fc.constant('not-plain' as const), path: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant('sparse' as const), path: fc.nat() }),
  fc.record({ kind: fc.constant('unknown-top-key' as const), key: fc.stringMatching(/^[a-zA-Z]{1,12}$/) }),
);

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root);
}

function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
}

/**
 * Applies the mutation to a deep copy; returns null when the message has no
 * place this mutation applies to (the case is then skipped, not counted).
 */
export function mutateMessage(message: Message, m: MessageMutation): unknown | null {
  const copy = structuredClone(message) as unknown as Record<string, unknown>;
  const all = pathsOf(copy);
  const choose = (filter: (p: Path, v: unknown) => boolean, n: number): Path | null => {
    const fit = all.filter((p) => filter(p, getAt(copy, p)));
    return fit.length === 0 ? null : fit[n % fit.length]!;
  };
  switch (m.kind) {
    case 'wrong-type': {
      const p = choose((_p, v) => v !== null, m.path);
      if (!p) return null;
      setAt(copy, p, otherKind(getAt(copy, p), m.pick));
      return copy;
    }
    case 'delete-required': {
      const p = choose(
        (q) => typeof q[q.length - 1] === 'string' && !SOMETIMES_OPTIONAL.has(q[q.length - 1] as string),
        m.path,
      );
      if (!p) return null;
      const parent = getAt(copy, p.slice(0, -1)) as Record<string, unknown>;
      delete parent[p[p.length - 1] as string];
      return copy;
    }
    case 'bad-number': {
      const p = choose((_p, v) => typeof v === 'number', m.path);
      if (!p) return null;
      setAt(copy, p, [Number.NaN, -1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY][m.pick % 4]);
      return copy;
    }
    case 'too-long': {
      const p = choose((_p, v) => typeof v === 'string', m.path);
      if (!p) return null;
      // Longer than any limit in the protocol (the longest, a quote, is 200,000).
      setAt(copy, p, 'x'.repeat(800_001));
      return copy;
    }
    case 'bad-enum': {
      const p = choose((q, v) => typeof v === 'string' && ENUM_KEYS.has(String(q[q.length - 1])), m.path);
      if (!p) return null;
      setAt(copy, p, 'not-a-known-value');
      return copy;
    }
    case 'proto-key': {
      const p = choose((_p, v) => kindOf(v) === 'object', m.path);
      const target = (p ? getAt(copy, p) : copy) as Record<string, unknown>;
      Object.defineProperty(target, '__proto__', {
        value: { polluted: true },
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return copy;
    }
    case 'not-plain': {
      const p = choose((_p, v) => kindOf(v) === 'object', m.path);
      const makers = [
        (o: object) => Object.assign(Object.create({ inherited: 1 }) as object, o),
        () => new Date(0),
        (o: object) => new Map(Object.entries(o)),
      ];
      const make = makers[m.pick % makers.length]!;
      if (!p) return make(copy);
      setAt(copy, p, make(getAt(copy, p) as object));
      return copy;
    }
    case 'sparse': {
      const p = choose((_p, v) => Array.isArray(v), m.path);
      if (!p) return null;
      const arr = getAt(copy, p) as unknown[];
      // A hole where an item was, or past the end: structured clone (Firefox messaging) keeps holes.
      if (arr.length > 0) delete arr[arr.length - 1];
      else arr.length = 1;
      return copy;
    }
    case 'unknown-top-key':
      if (m.key in copy) return null;
      copy[m.key] = 'extra';
      return copy;
  }
}
