import { describe, expect, it, vi } from 'vitest';
import type { HighlightPatch } from '../../src/messages';
import type { KeyValueArea, BackgroundStore } from '../../src/background/ports';
import { RetryQueue, RETRY_PREFIX, backoffDelay } from '../../src/background/retry';
import { handleMessage, type RouterDeps } from '../../src/background/router';
import { badgeText } from '../../src/background/badge';
import { saveSelectionIn } from '../../src/background/selection';
import type { Article, Highlight } from '../../src/types';
import { articleKey } from '../../src/url';
import { makeArticle, makeHighlight } from '../rows';

const PAGE = 'https://www.pinterestcareers.com/life-at-pinterest/profile-jane/';
const OTHER = 'https://www.pinterestcareers.com/life-at-pinterest/profile-john/';
const EXT = 'chrome-extension://abc';
const fromTab = (url: string, id = 4) => ({ id: 'ext', url, tab: { id, url } });

let n = 0;
function hl(over: Partial<Highlight> = {}): Highlight {
  n++;
  return makeHighlight({
    id: `id-${n}`,
    url: PAGE,
    articleKey: articleKey(PAGE),
    quote: `quote ${n}`,
    selectors: [{ type: 'TextPositionSelector', start: 0, end: 5 }],
    sectionId: null,
    question: null,
    canonicalUrl: null,
    fragmentUrl: PAGE,
    createdAt: 1,
    updatedAt: 1,
    ...over,
  });
}
const art = (url = PAGE): Article =>
  makeArticle({
    key: articleKey(url),
    url,
    canonicalUrl: null,
    site: 'life-at-pinterest',
    title: 't',
    author: null,
    publication: null,
    published: null,
    subject: {},
    sections: [],
    createdAt: 1,
    updatedAt: 1,
    lastClippedAt: 1,
  });

class StoreError extends Error {
  constructor(
    readonly kind: string,
    readonly userMessage: string,
  ) {
    super(userMessage);
  }
}

class FakeLibrary implements BackgroundStore {
  rows = new Map<string, Highlight>();
  failWrites = false;
  refuseRows = false;
  orphanCalls: [string, string[]][] = [];
  async saveHighlight(h: Highlight, _article?: Article): Promise<void> {
    if (this.failWrites) throw new StoreError('quota', 'Your disk is full.');
    if (this.refuseRows) throw new StoreError('invalid', 'article.published: expected a YYYY-MM-DD date');
    this.rows.set(h.id, h);
  }
  async updateHighlight(id: string, patch: HighlightPatch): Promise<void> {
    const h = this.rows.get(id);
    if (h) this.rows.set(id, { ...h, ...patch });
  }
  async setOrphaned(key: string, ids: string[]): Promise<void> {
    this.orphanCalls.push([key, ids]);
  }
  async deleteHighlights(ids: string[]): Promise<Highlight[]> {
    const out = ids.map((id) => this.rows.get(id)).filter((h): h is Highlight => !!h);
    for (const id of ids) this.rows.delete(id);
    return out;
  }
  async restoreHighlights(rows: Highlight[]): Promise<void> {
    for (const r of rows) this.rows.set(r.id, r);
  }
  async highlightsForArticle(key: string): Promise<Highlight[]> {
    return [...this.rows.values()].filter((h) => h.articleKey === key);
  }
  async tagsInUse(): Promise<string[]> {
    return [...new Set([...this.rows.values()].flatMap((h) => h.tags))].sort();
  }
}

class MemoryArea implements KeyValueArea {
  data: Record<string, unknown> = {};
  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    if (keys === null) return structuredClone(this.data);
    const list = typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(
      list.filter((k) => k in this.data).map((k) => [k, structuredClone(this.data[k])]),
    );
  }
  async set(items: Record<string, unknown>): Promise<void> {
    Object.assign(this.data, structuredClone(items));
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const k of typeof keys === 'string' ? [keys] : keys) delete this.data[k];
  }
}

function setup() {
  const lib = new FakeLibrary();
  const area = new MemoryArea();
  const retry = new RetryQueue(area, (h, a) => lib.saveHighlight(h, a));
  const badges: [number, string][] = [];
  const broadcasts: string[][] = [];
  const warn = vi.fn();
  const deps: RouterDeps = {
    library: async () => lib,
    retry,
    setBadge: (tabId, text) => void badges.push([tabId, text]),
    broadcast: (keys) => void broadcasts.push(keys),
    extensionOrigin: EXT,
    extensionId: 'ext',
    tabPages: new Map(),
    warn,
  };
  return { lib, area, retry, badges, broadcasts, warn, deps };
}

describe('background router', () => {
  it('sets the badge to the question count for interviews and clears it otherwise', async () => {
    const { deps, badges } = setup();
    await handleMessage(
      { type: 'page:extracted', url: PAGE, questionCount: 6, interview: true },
      fromTab(PAGE),
      deps,
    );
    await handleMessage(
      { type: 'page:extracted', url: PAGE, questionCount: 1, interview: false },
      fromTab(PAGE),
      deps,
    );
    expect(badges).toEqual([
      [4, '6'],
      [4, ''],
    ]);
    expect(deps.tabPages?.get(4)).toBe(articleKey(PAGE));
    expect(badgeText({ interview: true, questionCount: 0 })).toBe('');
  });

  it('saves a highlight from its own page and tells every tab', async () => {
    const { deps, lib, broadcasts } = setup();
    const h = hl();
    const reply = await handleMessage(
      { type: 'highlight:save', highlight: h, article: art() },
      fromTab(PAGE),
      deps,
    );
    expect(reply).toEqual({ ok: true, value: null });
    expect(lib.rows.get(h.id)).toEqual(h);
    expect(broadcasts).toEqual([[articleKey(PAGE)]]);
  });

  it('answers the row already saved at the same place instead of writing a second', async () => {
    const { deps, lib, broadcasts } = setup();
    const first = hl();
    await handleMessage({ type: 'highlight:save', highlight: first, article: art() }, fromTab(PAGE), deps);
    const again = {
      ...first,
      id: 'id-again',
      createdAt: first.createdAt + 1,
      updatedAt: first.createdAt + 1,
    };
    const reply = await handleMessage(
      { type: 'highlight:save', highlight: again, article: art() },
      fromTab(PAGE),
      deps,
    );
    expect(reply).toEqual({ ok: true, value: { existing: first } });
    expect([...lib.rows.keys()]).toEqual([first.id]);
    expect(broadcasts).toHaveLength(1);
  });

  it("offers the library's tags to a page's card", async () => {
    const { deps } = setup();
    for (const tags of [
      ['hiring', 'culture'],
      ['culture', 'growth'],
    ])
      await handleMessage(
        { type: 'highlight:save', highlight: hl({ tags }), article: art() },
        fromTab(PAGE),
        deps,
      );
    const reply = await handleMessage({ type: 'tags:suggest' }, fromTab(PAGE), deps);
    expect(reply).toEqual({ ok: true, value: ['culture', 'growth', 'hiring'] });
  });

  it('refuses, logs and never writes a highlight claiming another page', async () => {
    const { deps, lib, warn } = setup();
    const h = hl({ articleKey: articleKey(OTHER), url: OTHER });
    const reply = await handleMessage(
      { type: 'highlight:save', highlight: h, article: art(OTHER) },
      fromTab(PAGE),
      deps,
    );
    expect(reply.ok).toBe(false);
    expect(lib.rows.size).toBe(0);
    expect(warn).toHaveBeenCalled();
  });

  it('refuses malformed messages with a reason', async () => {
    const { deps, warn } = setup();
    const reply = await handleMessage({ type: 'highlight:save', highlight: { id: 1 } }, fromTab(PAGE), deps);
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(/malformed/);
    expect(warn).toHaveBeenCalled();
  });

  it('keeps a highlight the store refused in the retry queue and saves it later', async () => {
    const { deps, lib, area, retry } = setup();
    lib.failWrites = true;
    const h = hl();
    const reply = await handleMessage(
      { type: 'highlight:save', highlight: h, article: art() },
      fromTab(PAGE),
      deps,
    );
    expect(reply).toEqual({ ok: false, error: 'Your disk is full.', retrying: true });
    expect(Object.keys(area.data)).toEqual([RETRY_PREFIX + h.id]);
    // Still listed for the page, so it is painted on reload.
    const listed = await handleMessage({ type: 'highlights:list', url: PAGE }, fromTab(PAGE), deps);
    expect(listed.ok && listed.value).toEqual([h]);
    // A failing retry keeps it, with a longer wait.
    expect(await retry.run(true)).toBe(0);
    expect((area.data[RETRY_PREFIX + h.id] as { attempts: number }).attempts).toBe(2);
    lib.failWrites = false;
    expect(await retry.run(true)).toBe(1);
    expect(area.data).toEqual({});
    expect(lib.rows.get(h.id)).toEqual(h);
    retry.dispose();
  });

  it('does not queue a highlight the store refuses as invalid: no retry could save it', async () => {
    const { deps, lib, area, retry } = setup();
    lib.refuseRows = true;
    const reply = await handleMessage(
      { type: 'highlight:save', highlight: hl(), article: art() },
      fromTab(PAGE),
      deps,
    );
    expect(reply).toEqual({ ok: false, error: 'article.published: expected a YYYY-MM-DD date' });
    expect(area.data).toEqual({});
    retry.dispose();
  });

  it('backs off exponentially up to a cap', () => {
    expect(backoffDelay(1)).toBeLessThan(backoffDelay(2));
    expect(backoffDelay(2)).toBeLessThan(backoffDelay(3));
    expect(backoffDelay(100)).toBe(backoffDelay(200));
  });

  it('deletes and restores only rows of the sender page', async () => {
    const { deps, lib } = setup();
    const mine = hl();
    const theirs = hl({ articleKey: articleKey(OTHER), url: OTHER });
    lib.rows.set(mine.id, mine);
    lib.rows.set(theirs.id, theirs);
    const refused = await handleMessage({ type: 'highlight:delete', ids: [theirs.id] }, fromTab(PAGE), deps);
    expect(refused.ok).toBe(false);
    expect(lib.rows.has(theirs.id)).toBe(true);
    const removed = await handleMessage({ type: 'highlight:delete', ids: [mine.id] }, fromTab(PAGE), deps);
    expect(removed).toEqual({ ok: true, value: [mine] });
    expect(lib.rows.has(mine.id)).toBe(false);
    await handleMessage({ type: 'highlight:restore', rows: [mine] }, fromTab(PAGE), deps);
    expect(lib.rows.get(mine.id)).toEqual(mine);
    const refusedUpdate = await handleMessage(
      { type: 'highlight:update', id: theirs.id, patch: { note: 'x' } },
      fromTab(PAGE),
      deps,
    );
    expect(refusedUpdate.ok).toBe(false);
    expect(lib.rows.get(theirs.id)?.note).toBe('');
    await handleMessage(
      { type: 'highlight:update', id: mine.id, patch: { note: 'mine' } },
      fromTab(PAGE),
      deps,
    );
    expect(lib.rows.get(mine.id)?.note).toBe('mine');
  });

  it('lists only the sender page, and records orphans only for rows of that page', async () => {
    const { deps, lib } = setup();
    const mine = hl();
    const theirs = hl({ articleKey: articleKey(OTHER), url: OTHER });
    lib.rows.set(mine.id, mine);
    lib.rows.set(theirs.id, theirs);
    const listed = await handleMessage(
      { type: 'highlights:list', url: `${PAGE}?utm_source=x` },
      fromTab(PAGE),
      deps,
    );
    expect(listed).toEqual({ ok: true, value: [mine] });
    expect((await handleMessage({ type: 'highlights:list', url: OTHER }, fromTab(PAGE), deps)).ok).toBe(
      false,
    );
    await handleMessage(
      { type: 'highlights:orphaned', articleKey: articleKey(PAGE), orphanedIds: [mine.id, theirs.id] },
      fromTab(PAGE),
      deps,
    );
    expect(lib.orphanCalls).toEqual([[articleKey(PAGE), [mine.id]]]);
  });

  it('forwards library:changed from extension pages to the tabs', async () => {
    const { deps, broadcasts } = setup();
    const reply = await handleMessage(
      { type: 'library:changed', articleKeys: ['k'] },
      { id: 'ext', url: `${EXT}/popup/index.html` },
      deps,
    );
    expect(reply.ok).toBe(true);
    expect(broadcasts).toEqual([['k']]);
    const fromPage = await handleMessage(
      { type: 'library:changed', articleKeys: ['k'] },
      fromTab(PAGE),
      deps,
    );
    expect(fromPage.ok).toBe(false);
  });
});

describe('library:update', () => {
  it("writes an extension page's edit and tells the tabs; a tab may not send it", async () => {
    const { deps, lib, broadcasts } = setup();
    const h = hl();
    lib.rows.set(h.id, h);
    const reply = await handleMessage(
      {
        type: 'library:update',
        id: h.id,
        patch: { note: 'typed as the popup closed' },
        articleKey: h.articleKey,
      },
      { id: 'ext', url: `${EXT}/popup/index.html` },
      deps,
    );
    expect(reply.ok).toBe(true);
    expect(lib.rows.get(h.id)?.note).toBe('typed as the popup closed');
    expect(broadcasts).toEqual([[h.articleKey]]);
    const fromPage = await handleMessage(
      { type: 'library:update', id: h.id, patch: { note: 'page' }, articleKey: h.articleKey },
      fromTab(PAGE),
      deps,
    );
    expect(fromPage.ok).toBe(false);
    expect(lib.rows.get(h.id)?.note).toBe('typed as the popup closed');
  });
});

describe('saveSelectionIn', () => {
  const saved = { ok: true, value: hl() };
  it('asks the content script', async () => {
    const sendMessage = vi.fn(async () => saved);
    const injectContentScript = vi.fn(async () => {});
    expect(await saveSelectionIn(9, { sendMessage, injectContentScript })).toEqual(saved);
    expect(sendMessage).toHaveBeenCalledWith(9, { type: 'selection:save' });
    expect(injectContentScript).not.toHaveBeenCalled();
  });

  it('injects the content script when the page has none, then retries', async () => {
    let injected = false;
    const sendMessage = vi.fn(async () => {
      if (!injected) throw new Error('Could not establish connection. Receiving end does not exist.');
      return saved;
    });
    const injectContentScript = vi.fn(async () => {
      injected = true;
    });
    expect(await saveSelectionIn(9, { sendMessage, injectContentScript })).toEqual(saved);
    expect(injectContentScript).toHaveBeenCalledWith(9);
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('says so when the page cannot be reached', async () => {
    const reply = await saveSelectionIn(9, {
      sendMessage: async () => {
        throw new Error('Receiving end does not exist.');
      },
      injectContentScript: async () => {
        throw new Error('Cannot access contents of the page.');
      },
    });
    expect(reply.ok).toBe(false);
  });
});
