import { describe, expect, it } from 'vitest';
import {
  articleKeyBatches,
  checkMessage,
  checkSender,
  CONTENT_TO_BACKGROUND,
  EXTENSION_TO_BACKGROUND,
  MESSAGE_LIMITS,
  parseMessage,
  TO_CONTENT,
  type Message,
  type MessageType,
  type SenderInfo,
} from '../src/messages';
import { ROW_LIMITS } from '../src/store/limits';
import type { Article, Highlight } from '../src/types';
import { articleKey } from '../src/url';
import { makeArticle, makeHighlight } from './rows';

const PAGE =
  'https://medium.com/pinterest-engineering/create-the-engineering-career-you-love-at-pinterest-4f0e6b3a2c1d';
const OTHER = 'https://medium.com/pinterest-engineering/another-post-123';
const EXT = 'chrome-extension://abcdefghijklmnop';

function highlight(over: Partial<Highlight> = {}): Highlight {
  return makeHighlight({
    id: '3f1c2a9e-8b7d-4c6e-9f00-1234567890ab',
    url: PAGE,
    articleKey: articleKey(PAGE),
    quote: 'Pinterest has a very unique culture.',
    start: 10,
    sectionId: 'what-led-you-to-joining-pinterest',
    fragmentUrl: `${PAGE}#:~:text=Pinterest%20has`,
    createdAt: 1,
    updatedAt: 1,
    ...over,
  });
}

function article(over: Partial<Article> = {}): Article {
  return makeArticle({
    key: articleKey(PAGE),
    url: PAGE,
    title: 'Create the engineering career you love at Pinterest',
    subject: { name: 'Behnam Rezaei', role: 'VP' },
    sections: [{ id: 'what-led-you-to-joining-pinterest', question: 'What led you to joining Pinterest?' }],
    createdAt: 1,
    updatedAt: 1,
    lastClippedAt: 1,
    ...over,
  });
}

const good: { [T in MessageType]: Extract<Message, { type: T }> } = {
  'page:extracted': { type: 'page:extracted', url: PAGE, questionCount: 7, interview: true },
  'highlight:save': { type: 'highlight:save', highlight: highlight(), article: article() },
  'highlight:update': {
    type: 'highlight:update',
    id: 'abc',
    patch: { note: 'n', tags: ['a'], color: 'blue' },
  },
  'highlight:delete': { type: 'highlight:delete', ids: ['a', 'b'] },
  'highlight:restore': { type: 'highlight:restore', rows: [highlight()] },
  'highlights:list': { type: 'highlights:list', url: PAGE },
  'highlights:orphaned': { type: 'highlights:orphaned', articleKey: articleKey(PAGE), orphanedIds: ['a'] },
  'selection:save': { type: 'selection:save' },
  'highlights:changed': { type: 'highlights:changed', articleKeys: [articleKey(PAGE)] },
  'page:get': { type: 'page:get' },
  'page:scrollTo': { type: 'page:scrollTo', sectionId: 's1' },
  'page:saveSection': { type: 'page:saveSection', sectionId: 's1', paragraphIndex: 2 },
  'page:showHighlight': { type: 'page:showHighlight', id: 'abc' },
  'library:changed': { type: 'library:changed', articleKeys: [articleKey(PAGE)] },
  'tags:suggest': { type: 'tags:suggest' },
  'page:stepHighlight': { type: 'page:stepHighlight', direction: 'next' },
  'library:update': {
    type: 'library:update',
    id: 'abc',
    patch: { note: 'typed' },
    articleKey: articleKey(PAGE),
  },
  'sync:status': { type: 'sync:status' },
  'sync:on': {
    type: 'sync:on',
    config: { server: 'https://couch.example.org', database: 'highlights', username: 'ann', password: 'pw' },
  },
  'sync:off': { type: 'sync:off' },
  'sync:now': { type: 'sync:now' },
  'sync:opened': { type: 'sync:opened' },
};

describe('message shapes', () => {
  it('lists every type exactly once among the senders', () => {
    const all = [...CONTENT_TO_BACKGROUND, ...EXTENSION_TO_BACKGROUND, ...TO_CONTENT].sort();
    expect(all).toEqual(Object.keys(good).sort());
  });

  for (const [type, msg] of Object.entries(good)) {
    it(`accepts a good ${type}`, () => {
      const r = checkMessage(structuredClone(msg));
      expect(r).toEqual({ ok: true, message: msg });
    });
  }

  it('accepts optional fields in their good shape and a qa highlight with its answer', () => {
    const qa = highlight({
      kind: 'qa',
      answer: [{ kind: 'paragraph', text: 'x', speaker: 'Ann' }],
      subQuestions: ['Why?'],
    });
    expect(parseMessage({ type: 'highlight:save', highlight: qa, article: article() })).not.toBeNull();
    expect(parseMessage({ type: 'page:saveSection', sectionId: 's1' })).not.toBeNull();
    expect(parseMessage({ type: 'highlights:list', url: PAGE, canonicalUrl: null })).toBeNull();
    expect(parseMessage({ type: 'highlight:delete', ids: [], articleKey: articleKey(PAGE) })).not.toBeNull();
  });

  it('rejects what is not a message', () => {
    for (const x of [null, undefined, 1, 'page:get', [], [{ type: 'page:get' }], new Date()])
      expect(parseMessage(x)).toBeNull();
  });

  it('rejects unknown types', () => {
    for (const type of ['page:delete', 'PAGE:GET', '', 'toString', '__proto__', 'constructor', 42]) {
      const r = checkMessage({ type });
      expect(r.ok).toBe(false);
    }
  });

  const bad: [string, unknown][] = [
    ['a count that is not a number', { ...good['page:extracted'], questionCount: '7' }],
    ['a negative count', { ...good['page:extracted'], questionCount: -1 }],
    ['a fractional count', { ...good['page:extracted'], questionCount: 1.5 }],
    ['a missing field', { type: 'page:extracted', url: PAGE, questionCount: 1 }],
    ['an extra field on the envelope', { ...good['page:get'], tabId: 3 }],
    ['an unknown color', { type: 'highlight:update', id: 'a', patch: { color: 'red' } }],
    ['an empty patch', { type: 'highlight:update', id: 'a', patch: {} }],
    ['a patch that changes the quote', { type: 'highlight:update', id: 'a', patch: { quote: 'x' } }],
    ['ids that are not strings', { type: 'highlight:delete', ids: [1] }],
    ['an empty id', { type: 'highlight:delete', ids: [''] }],
    [
      'a highlight kind we do not know',
      { ...good['highlight:save'], highlight: highlight({ kind: 'bogus' as Highlight['kind'] }) },
    ],
    ['a white-space quote', { ...good['highlight:save'], highlight: highlight({ quote: '   ' }) }],
    [
      'a selector of unknown type',
      { ...good['highlight:save'], highlight: highlight({ selectors: [{ type: 'CssSelector' } as never] }) },
    ],
    [
      'a position selector ending before it starts',
      {
        ...good['highlight:save'],
        highlight: highlight({ selectors: [{ type: 'TextPositionSelector', start: 5, end: 2 }] }),
      },
    ],
    [
      'a site we do not know',
      { ...good['highlight:save'], article: article({ site: 'twitter' as Article['site'] }) },
    ],
    ['a paragraph index that is negative', { type: 'page:saveSection', sectionId: 's', paragraphIndex: -1 }],
    ['a class instance instead of a plain object', { type: 'page:scrollTo', sectionId: new String('s') }],
  ];
  for (const [what, msg] of bad) {
    it(`rejects ${what}`, () => {
      const r = checkMessage(msg);
      expect(r.ok).toBe(false);
    });
  }

  it('rejects over-long strings and arrays', () => {
    expect(
      parseMessage({ ...good['page:extracted'], url: `${PAGE}?q=${'x'.repeat(ROW_LIMITS.url)}` }),
    ).toBeNull();
    expect(parseMessage({ type: 'page:scrollTo', sectionId: 's'.repeat(ROW_LIMITS.id + 1) })).toBeNull();
    expect(
      parseMessage({ type: 'highlight:update', id: 'a', patch: { note: 'n'.repeat(ROW_LIMITS.note + 1) } }),
    ).toBeNull();
    expect(
      parseMessage({ type: 'highlight:update', id: 'a', patch: { tags: ['t'.repeat(ROW_LIMITS.tag + 1)] } }),
    ).toBeNull();
    expect(
      parseMessage({
        ...good['highlight:save'],
        highlight: highlight({ quote: 'q'.repeat(ROW_LIMITS.quote + 1) }),
      }),
    ).toBeNull();
    expect(
      parseMessage({
        type: 'highlight:delete',
        ids: Array.from({ length: MESSAGE_LIMITS.ids + 1 }, (_, i) => `id${i}`),
      }),
    ).toBeNull();
    // At the limit is fine.
    expect(parseMessage({ type: 'page:scrollTo', sectionId: 's'.repeat(ROW_LIMITS.id) })).not.toBeNull();
  });

  it('splits a sync or import of many articles into change messages that each pass', () => {
    const keys = Array.from({ length: MESSAGE_LIMITS.articleKeys * 2 + 1 }, (_, i) => `medium.com/p/${i}`);
    const whole = { type: 'highlights:changed', articleKeys: keys };
    expect(checkMessage(whole).ok).toBe(false);
    const batches = articleKeyBatches(keys);
    expect(batches.map((b) => b.length)).toEqual([MESSAGE_LIMITS.articleKeys, MESSAGE_LIMITS.articleKeys, 1]);
    expect(batches.flat()).toEqual(keys);
    for (const type of ['highlights:changed', 'library:changed'])
      for (const articleKeys of batches) expect(checkMessage({ type, articleKeys }).ok).toBe(true);
    expect(articleKeyBatches([])).toEqual([]);
  });

  it('rejects dangerous keys anywhere, even when JSON put them there as own keys', () => {
    const envelope = JSON.parse('{"type":"page:get","__proto__":{"polluted":true}}');
    expect(parseMessage(envelope)).toBeNull();
    const nested = JSON.parse(
      JSON.stringify(good['highlight:save']).replace(
        '"kind":"selection"',
        '"kind":"selection","constructor":{"x":1}',
      ),
    );
    expect(parseMessage(nested)).toBeNull();
    const inPatch = JSON.parse(
      '{"type":"highlight:update","id":"a","patch":{"note":"n","__proto__":{"x":1}}}',
    );
    expect(parseMessage(inPatch)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops unknown keys inside stored rows so only known fields travel on', () => {
    const h = { ...highlight(), extra: 'x' };
    const m = parseMessage({ type: 'highlight:save', highlight: h, article: article() });
    expect(m && m.type === 'highlight:save' && 'extra' in m.highlight).toBe(false);
  });
});

describe('sender check', () => {
  const tab = (url: string, id = 7): SenderInfo => ({ id: 'ext', url, tab: { id, url } });
  const page = tab(PAGE);
  const verdict = (m: Message, s: SenderInfo) => checkSender(m, s, EXT, 'ext');

  it('trusts a content script for its own page', () => {
    for (const type of CONTENT_TO_BACKGROUND) {
      const v = verdict(good[type], page);
      expect(v, type).toEqual({
        ok: true,
        sender: { role: 'content', tabId: 7, pageKeys: [articleKey(PAGE)] },
      });
    }
  });

  it('matches the page by article key, so tracking parameters and fragments do not matter', () => {
    const s = tab(`${PAGE}?source=rss----abc&utm_medium=x#:~:text=foo`);
    expect(verdict(good['highlight:save'], s).ok).toBe(true);
  });

  it('rejects a content message claiming another page', () => {
    const other = tab(OTHER);
    expect(verdict(good['page:extracted'], other).ok).toBe(false);
    expect(verdict(good['highlight:save'], other).ok).toBe(false);
    expect(verdict(good['highlights:list'], other).ok).toBe(false);
    expect(verdict(good['highlights:orphaned'], other).ok).toBe(false);
    expect(verdict(good['highlight:restore'], other).ok).toBe(false);
    expect(verdict({ type: 'highlight:delete', ids: ['a'], articleKey: articleKey(PAGE) }, other).ok).toBe(
      false,
    );
  });

  it('rejects a highlight whose key is another site even when its url is this page', () => {
    const h = highlight({
      articleKey: 'https://evil.example/page',
      canonicalUrl: 'https://evil.example/page',
    });
    const m: Message = { type: 'highlight:save', highlight: h, article: article({ key: h.articleKey }) };
    expect(verdict(m, page).ok).toBe(false);
  });

  it('does not let a canonical link (page data) file highlights under another post of the same origin', () => {
    const h = highlight({ articleKey: articleKey(OTHER), canonicalUrl: OTHER });
    expect(
      verdict(
        {
          type: 'highlight:save',
          highlight: h,
          article: article({ key: h.articleKey, canonicalUrl: OTHER }),
        },
        page,
      ).ok,
    ).toBe(false);
  });

  it('rejects a highlight and article that disagree on the key', () => {
    expect(
      verdict(
        { type: 'highlight:save', highlight: highlight(), article: article({ key: articleKey(OTHER) }) },
        page,
      ).ok,
    ).toBe(false);
  });

  it('rejects content messages that do not come from a tab', () => {
    expect(verdict(good['page:extracted'], { id: 'ext', url: PAGE }).ok).toBe(false);
    expect(verdict(good['page:extracted'], { id: 'ext', url: `${EXT}/popup/index.html` }).ok).toBe(false);
  });

  it('takes library:changed only from extension pages', () => {
    expect(verdict(good['library:changed'], { id: 'ext', url: `${EXT}/options/index.html` })).toEqual({
      ok: true,
      sender: { role: 'extension' },
    });
    // Firefox gives an extension page open in a tab that tab; its address still says it is ours.
    expect(
      verdict(good['library:changed'], { id: 'ext', url: `${EXT}/options/index.html`, tab: { id: 3 } }).ok,
    ).toBe(true);
    expect(verdict(good['library:changed'], page).ok).toBe(false);
    expect(verdict(good['library:changed'], { id: 'ext', url: `${EXT}.evil.com/x` }).ok).toBe(false);
  });

  it('takes library:update only from extension pages: a page may not edit rows by id', () => {
    expect(verdict(good['library:update'], { id: 'ext', url: `${EXT}/popup/index.html` }).ok).toBe(true);
    expect(verdict(good['library:update'], page).ok).toBe(false);
  });

  it('rejects messages meant for content scripts and messages from other extensions', () => {
    expect(verdict(good['selection:save'], page).ok).toBe(false);
    expect(checkSender(good['page:extracted'], { ...page, id: 'other' }, EXT, 'ext').ok).toBe(false);
  });
});

describe('rows in messages are checked by the store’s own rule', () => {
  const save = (h: Partial<Highlight>) =>
    checkMessage({ type: 'highlight:save', highlight: highlight(h), article: article() });
  const kept = (h: Partial<Highlight>) => {
    const r = save(h);
    return r.ok && r.message.type === 'highlight:save' ? r.message.highlight : null;
  };

  it('refuses what the store refuses: a script link, a time no Date can hold', () => {
    expect(save({ fragmentUrl: 'javascript:alert(1)' }).ok).toBe(false);
    expect(save({ url: 'javascript:alert(1)' }).ok).toBe(false);
    expect(save({ createdAt: 1e16 }).ok).toBe(false);
  });

  it('keeps what the store keeps: a Q&A whose quote is blank, tags the store cleans', () => {
    expect(kept({ kind: 'qa', quote: ' ' })).not.toBeNull();
    expect(kept({ kind: 'selection', quote: ' ' })).toBeNull();
    expect(kept({ tags: ['', '  ', ' Culture ', 'culture', 'a  b'] })?.tags).toEqual(['Culture', 'a b']);
  });
});
