// @vitest-environment happy-dom
// The content script's session in Node: a fake of the browser (ContentEnv)
// around a saved interview page. It places and paints stored highlights,
// reports orphans once the page settles, saves the selection, answers the
// popup, and stop() leaves no listener, timer or subscription behind.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTextIndex, describeOffsets } from '../../src/anchor';
import type { ContentEnv, MessageListener } from '../../src/content/env';
import type { ContentSender } from '../../src/content/sender';
import { ORPHAN_REPORT_DELAY_MS } from '../../src/content/placing';
import { REFRESH_DELAY_MS, ContentSession } from '../../src/content/session';
import { findArticleRoot } from '../../src/extract';
import { fail, ok, type Message, type Reply } from '../../src/messages';
import { DEFAULT_SETTINGS, type Highlight, type Settings } from '../../src/types';
import { articleKey } from '../../src/url';
import { makeHighlight } from '../rows';

const PAGE =
  'https://medium.com/pinterest-engineering/create-the-engineering-career-you-love-at-pinterest-4f0e6b3a2c1d';
const HTML = readFileSync(
  join(import.meta.dirname, '../fixtures/pinterest-engineering-career-interview.html'),
  'utf8',
);
const EXTENSION_ID = 'ext-id';

class FakeBrowser {
  sent: Message[] = [];
  listeners = new Set<MessageListener>();
  settingsListeners = new Set<(s: Settings) => void>();
  stored: Highlight[] = [];
  clipboard: string[] = [];

  readonly env: ContentEnv = {
    window,
    send: async (msg) => {
      this.sent.push(msg as Message);
      return this.answer(msg as Message) as never;
    },
    onMessage: {
      addListener: (l) => void this.listeners.add(l),
      removeListener: (l) => void this.listeners.delete(l),
    },
    extensionId: EXTENSION_ID,
    extensionOrigin: 'chrome-extension://ext-id/',
    settings: {
      load: async () => DEFAULT_SETTINGS,
      onChanged: (cb) => {
        this.settingsListeners.add(cb);
        return () => this.settingsListeners.delete(cb);
      },
    },
    clipboard: { writeText: async (t) => void this.clipboard.push(t) },
    now: () => 1_700_000_000_000,
    newId: () => `new-${this.sent.length}`,
  };

  private answer(m: Message): Reply<unknown> {
    switch (m.type) {
      case 'highlights:list':
        return ok(this.stored);
      case 'highlight:delete':
        return ok(this.stored.filter((h) => m.ids.includes(h.id)));
      case 'page:extracted':
      case 'highlight:save':
      case 'highlight:update':
      case 'highlight:restore':
      case 'highlights:orphaned':
        return ok(null);
      default:
        return fail('not for the background');
    }
  }

  of<T extends Message['type']>(type: T): Extract<Message, { type: T }>[] {
    return this.sent.filter((m): m is Extract<Message, { type: T }> => m.type === type);
  }

  /** A message as the background would send it to the tab. */
  deliver(raw: unknown, sender: ContentSender = { id: EXTENSION_ID }) {
    return [...this.listeners].map((l) => l(raw, sender));
  }
}

/** A stored highlight of a sentence that is on the page. */
function onPage(text: string): Highlight {
  const root = findArticleRoot(document) ?? document.body;
  const index = buildTextIndex(root);
  const start = index.text.indexOf(text);
  if (start < 0) throw new Error(`not on the page: ${text}`);
  const key = articleKey(PAGE);
  return makeHighlight({
    url: PAGE,
    articleKey: key,
    quote: text,
    selectors: describeOffsets(index, start, start + text.length),
  });
}

const gone = (): Highlight =>
  makeHighlight({
    url: PAGE,
    articleKey: articleKey(PAGE),
    quote: 'A sentence this page never had in it.',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'A sentence this page never had in it.', prefix: 'x', suffix: 'y' },
    ],
  });

/** Lets pending promises and zero-delay work (the anchoring slices) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(0);
}

let session: ContentSession | null = null;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(PAGE);
  document.write(HTML);
});

afterEach(() => {
  session?.stop();
  session = null;
  vi.useRealTimers();
  document.body.replaceChildren();
});

function started(fake: FakeBrowser): ContentSession {
  session = new ContentSession(fake.env);
  session.start();
  return session;
}

describe('the content session', () => {
  it('reads the page, paints the stored highlights it can place, and reports the rest once the page settles', async () => {
    const fake = new FakeBrowser();
    const here = onPage('Pinterest has a very unique culture');
    const missing = gone();
    fake.stored = [here, missing];
    const s = started(fake);
    await settle();
    expect(fake.of('page:extracted')).toEqual([
      { type: 'page:extracted', url: PAGE, questionCount: expect.any(Number), interview: true },
    ]);
    expect(s.painter.ids()).toEqual([here.id]);
    expect(fake.of('highlights:orphaned')).toEqual([]);
    await vi.advanceTimersByTimeAsync(ORPHAN_REPORT_DELAY_MS);
    expect(fake.of('highlights:orphaned')).toEqual([
      { type: 'highlights:orphaned', articleKey: articleKey(PAGE), orphanedIds: [missing.id] },
    ]);
  });

  it('answers the popup with the page state, and ignores messages from tabs or other extensions', async () => {
    const fake = new FakeBrowser();
    const s = started(fake);
    await settle();
    const [reply] = fake.deliver({ type: 'page:get' });
    expect(await reply).toEqual(ok(s.pageState()));
    expect(s.pageState()).toMatchObject({ articleKey: articleKey(PAGE), placedIds: [] });
    expect(
      fake.deliver({ type: 'page:get' }, { id: EXTENSION_ID, tab: { id: 1 }, url: 'https://example.com/' }),
    ).toEqual([undefined]);
    expect(fake.deliver({ type: 'page:get' }, { id: 'another-extension' })).toEqual([undefined]);
    // Firefox: one of our pages open in a tab sends with that tab, and with our address.
    const [fromOurTab] = fake.deliver(
      { type: 'page:get' },
      { id: EXTENSION_ID, tab: { id: 2 }, url: 'chrome-extension://ext-id/popup/popup.html' },
    );
    expect(await fromOurTab).toEqual(ok(s.pageState()));
  });

  it('saves the selection: painted at once, sent to be stored, the selection cleared', async () => {
    const fake = new FakeBrowser();
    const s = started(fake);
    await settle();
    const text = 'Pinterest has a very unique culture';
    const node = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes(text))!;
    const range = document.createRange();
    const t = node.firstChild as Text;
    const at = t.data.indexOf(text);
    range.setStart(t, at);
    range.setEnd(t, at + text.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    const reply = s.saveSelection();
    await settle();
    const saved = await reply;
    expect(saved.ok).toBe(true);
    const [m] = fake.of('highlight:save');
    expect(m?.highlight.quote).toBe(text);
    expect(m?.article.key).toBe(articleKey(PAGE));
    expect(s.painter.ids()).toContain(m?.highlight.id);
    expect(window.getSelection()!.isCollapsed).toBe(true);
  });

  it('repaints when the background says its article’s highlights changed (an edit elsewhere, a sync run), and only then', async () => {
    const fake = new FakeBrowser();
    const first = onPage('Pinterest has a very unique culture');
    fake.stored = [first];
    const s = started(fake);
    await settle();
    expect(s.painter.ids()).toEqual([first.id]);
    const lists = () => fake.of('highlights:list').length;
    const tell = async (articleKeys: string[]) => {
      const [reply] = fake.deliver({ type: 'highlights:changed', articleKeys });
      await settle();
      expect(await reply).toEqual(ok(null));
    };

    // Arrived from another device, and the first one recoloured there.
    const arrived = onPage('When reflecting on previous roles');
    fake.stored = [{ ...first, color: 'blue', note: 'from the desktop' }, arrived];
    const before = lists();
    await tell(['https://medium.com/pinterest-engineering/another-article', articleKey(PAGE)]);
    expect(lists()).toBe(before + 1);
    expect(s.painter.ids().sort()).toEqual([first.id, arrived.id].sort());
    expect(s.painter.get(first.id)).toMatchObject({ color: 'blue', hasNote: true });

    // Deleted there.
    fake.stored = [arrived];
    await tell([articleKey(PAGE)]);
    expect(s.painter.ids()).toEqual([arrived.id]);

    // Another article's change: not even read again.
    const after = lists();
    await tell(['https://medium.com/pinterest-engineering/another-article']);
    expect(lists()).toBe(after);
  });

  it('names the colours as the reader did in Settings, on the Save bar and the card, and follows a change', async () => {
    const fake = new FakeBrowser();
    const named = { ...DEFAULT_SETTINGS, colorNames: { ...DEFAULT_SETTINGS.colorNames, green: 'key idea' } };
    fake.env.settings.load = async () => named;
    const s = started(fake);
    await settle();
    expect(s.ui.colorNames.green).toBe('key idea');
    s.ui.showSaveButton(new DOMRect(10, 10, 20, 10), { save() {}, saveWithNote() {} });
    const swatch = () => s.ui.host.shadowRoot!.querySelector('.swatch[data-color="green"]')!;
    expect(swatch().getAttribute('aria-label')).toBe('Save key idea');
    for (const cb of fake.settingsListeners)
      cb({ ...named, colorNames: { ...named.colorNames, green: 'to read again' } });
    expect(swatch().getAttribute('aria-label')).toBe('Save to read again');
    expect(swatch().getAttribute('title')).toBe('Save to read again');
  });

  it('drops the old page’s paint as soon as the address names another article', async () => {
    const fake = new FakeBrowser();
    fake.stored = [onPage('Pinterest has a very unique culture')];
    const s = started(fake);
    await settle();
    expect(s.painter.ids()).toHaveLength(1);
    history.pushState({}, '', '/pinterest-engineering/another-post-123');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(s.painter.ids()).toEqual([]);
    fake.stored = [];
    await vi.advanceTimersByTimeAsync(REFRESH_DELAY_MS);
    await settle();
    expect(fake.of('page:extracted').at(-1)?.url).toContain('another-post-123');
  });

  it('stop() leaves no listener, subscription or timer behind', async () => {
    const fake = new FakeBrowser();
    fake.stored = [onPage('Pinterest has a very unique culture'), gone()];
    const s = started(fake);
    await settle();
    // Something of every kind pending: the orphan report, the Save button's
    // wait for the selection to settle, the page watcher's debounce and a refresh.
    document.dispatchEvent(new Event('selectionchange'));
    const late = document.createElement('p');
    late.textContent = 'A paragraph that arrived late.';
    document.body.append(late);
    await vi.advanceTimersByTimeAsync(REFRESH_DELAY_MS);
    s.painter.flash(document.createRange());
    s.ui.toast('Saved.');
    expect(vi.getTimerCount()).toBeGreaterThanOrEqual(3);
    expect(fake.listeners.size).toBe(1);
    expect(fake.settingsListeners.size).toBe(1);

    s.stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(fake.listeners.size).toBe(0);
    expect(fake.settingsListeners.size).toBe(0);
    expect(s.painter.ids()).toEqual([]);

    // Nothing it listened to starts work again.
    const sentBefore = fake.sent.length;
    document.dispatchEvent(new Event('selectionchange'));
    window.dispatchEvent(new Event('scroll'));
    document.body.append(document.createElement('p'), 'More late text.');
    history.pushState({}, '', '/pinterest-engineering/yet-another-post');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(vi.getTimerCount()).toBe(0);
    expect(fake.sent.length).toBe(sentBefore);
  });

  it('stop() before the settings arrive never subscribes to their changes', async () => {
    const fake = new FakeBrowser();
    let release: (s: Settings) => void = () => {};
    fake.env.settings.load = () => new Promise((r) => (release = r));
    const s = started(fake);
    s.stop();
    release(DEFAULT_SETTINGS);
    await settle();
    expect(fake.settingsListeners.size).toBe(0);
  });
});
