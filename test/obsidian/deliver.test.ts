// Send to Obsidian start to end, with the browser's parts as fakes: the address
// opened and the clipboard written without REST, the stub vault with it, and the
// settings it reads from storage.

import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_SETTINGS } from '../../src/export/template-settings';
import { type DeliverPorts, sendHighlight, sendInterview, sendResult } from '../../src/obsidian/deliver';
import { DEFAULT_OBSIDIAN_SETTINGS, type ObsidianSettings } from '../../src/obsidian/settings';
import {
  loadObsidianSettings,
  loadTemplateSettings,
  OBSIDIAN_KEY,
  saveObsidianSettings,
  saveTemplateSettings,
  sendContext,
} from '../../src/obsidian/stored';
import { MAX_URI_LENGTH } from '../../src/obsidian/uri';
import type { SettingsStorage } from '../../src/settings';
import { DEFAULT_SETTINGS } from '../../src/types';
import { article, highlight } from '../export/data';
import { closedPort, fetchTrusting, STUB_KEY, type StubVault, startStubVault } from './stub-vault';

function memory(initial: Record<string, unknown> = {}): SettingsStorage & { data: Record<string, unknown> } {
  const data = structuredClone(initial);
  return {
    data,
    get: async (k) => {
      const ks = k === null ? Object.keys(data) : Array.isArray(k) ? k : [k];
      return Object.fromEntries(ks.filter((x) => x in data).map((x) => [x, structuredClone(data[x])]));
    },
    set: async (items) => {
      Object.assign(data, structuredClone(items));
    },
  };
}

function ports(over: Partial<DeliverPorts> = {}): DeliverPorts & { opened: string[]; clipboard: string[] } {
  const opened: string[] = [];
  const clipboard: string[] = [];
  return {
    opened,
    clipboard,
    open: (u) => opened.push(u),
    writeClipboard: async (t) => {
      clipboard.push(t);
    },
    fetch: () => Promise.reject(new TypeError('no network in this test')),
    ...over,
  };
}

const ctxWith = (obsidian: Partial<ObsidianSettings> = {}) =>
  sendContext({
    settings: DEFAULT_SETTINGS,
    obsidian: { ...DEFAULT_OBSIDIAN_SETTINGS, vault: 'Notes', ...obsidian },
    templates: DEFAULT_TEMPLATE_SETTINGS,
  });

const a = article();
const h1 = highlight({ id: 'h1', quote: 'Short quote.', color: 'green' });
const long = highlight({ id: 'h2', quote: 'A long answer. '.repeat(400), color: 'blue' });

describe('Send to Obsidian without the REST API', () => {
  it('opens the address with the note in it when it is short, and writes no clipboard', async () => {
    const p = ports();
    const r = await sendInterview(ctxWith(), p, { article: a, highlights: [h1] });
    expect(r.ok).toBe(true);
    expect(p.opened).toEqual([r.url]);
    expect(p.clipboard).toEqual([]);
    const u = new URL(r.url!);
    expect(u.host).toBe('new');
    expect(u.searchParams.get('vault')).toBe('Notes');
    expect(u.searchParams.get('content')).toContain('Short quote.');
  });

  it('puts a long note on the clipboard, and into the address when the clipboard refuses', async () => {
    const p = ports();
    const r = await sendInterview(ctxWith({ noteMode: 'append' }), p, { article: a, highlights: [long] });
    expect(r.url).toContain('&clipboard=true');
    expect(r.url).toContain('append=true');
    expect(p.clipboard).toHaveLength(1);
    expect(p.clipboard[0]).toContain('A long answer.');
    expect(r.clipboardText).toBe(p.clipboard[0]);

    const refused = ports({ writeClipboard: () => Promise.reject(new Error('denied')) });
    const r2 = await sendInterview(ctxWith(), refused, { article: a, highlights: [long] });
    expect(r2.url).not.toContain('clipboard=true');
    expect(r2.url!.length).toBeGreaterThan(MAX_URI_LENGTH);
    expect(decodeURIComponent(r2.url!)).toContain('A long answer.');
  });

  it('sends one highlight to the daily note, and refuses one that is gone', async () => {
    const p = ports();
    const r = await sendHighlight(
      ctxWith({ highlightTarget: 'daily' }),
      p,
      { article: a, highlights: [h1] },
      'h1',
    );
    expect(r.url).toMatch(/^obsidian:\/\/daily\?/);
    expect(decodeURIComponent(r.url!)).toContain('Short quote.');
    const gone = await sendHighlight(ctxWith(), p, { article: a, highlights: [h1] }, 'nope');
    expect(gone.ok).toBe(false);
    expect(p.opened).toHaveLength(1);
  });

  it('sends a result of several interviews as one note of parts, one part each', async () => {
    const p = ports();
    const b = article({ key: 'other', title: 'Another interview', url: 'https://example.org/b' });
    const r = await sendResult(
      ctxWith(),
      p,
      [
        { article: a, highlights: [h1] },
        { article: b, highlights: [highlight({ id: 'h3', articleKey: 'other', quote: 'Other quote.' })] },
      ],
      Date.UTC(2026, 0, 5),
    );
    const u = new URL(r.url!);
    expect(u.searchParams.get('file')).toBe('Interviews/Interview Highlights 2026-01-05');
    const content = u.searchParams.get('content')!;
    expect(content.match(/interview-highlights begin/g)).toHaveLength(2);
    expect(content).toContain('Other quote.');
  });
});

describe('Send to Obsidian through the REST API', () => {
  let vault: StubVault | null = null;
  afterEach(async () => {
    await vault?.close();
    vault = null;
  });

  it('creates the note, then updates it without touching what the reader wrote, opening nothing', async () => {
    vault = await startStubVault({ https: true });
    const p = ports({ fetch: fetchTrusting(vault.cert) });
    const ctx = ctxWith({ rest: { enabled: true, https: true, port: vault.port, apiKey: STUB_KEY } });
    const first = await sendInterview(ctx, p, { article: a, highlights: [h1] });
    expect(first).toMatchObject({ ok: true, message: expect.stringContaining('created the note') });
    const [path] = [...vault.files.keys()];
    vault.files.set(path!, `${vault.files.get(path!)}\nMy own thoughts.\n`);
    const second = await sendInterview(ctx, p, { article: a, highlights: [h1, long] });
    expect(second.message).toContain('updated the note');
    const text = String(vault.files.get(path!));
    expect(text).toContain('My own thoughts.');
    expect(text).toContain('A long answer.');
    expect(p.opened).toEqual([]);
  });

  it('says so plainly for a refused key and a closed port, and writes nothing', async () => {
    vault = await startStubVault({ https: true });
    const p = ports({ fetch: fetchTrusting(vault.cert) });
    const bad = await sendInterview(
      ctxWith({ rest: { enabled: true, https: true, port: vault.port, apiKey: 'wrong' } }),
      p,
      { article: a, highlights: [h1] },
    );
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('refused the API key') });
    expect(vault.files.size).toBe(0);
    const port = await closedPort();
    const closed = await sendInterview(
      ctxWith({ rest: { enabled: true, https: true, port, apiKey: STUB_KEY } }),
      p,
      { article: a, highlights: [h1] },
    );
    expect(closed).toMatchObject({ ok: false, message: expect.stringContaining('Nothing answers') });
  });
});

describe('stored Obsidian and template settings', () => {
  it('reads defaults, saves a nested patch checked, and falls back on a bad stored value', async () => {
    const s = memory({ [OBSIDIAN_KEY]: { vault: 7, folder: 'Work' } });
    expect(await loadObsidianSettings(s)).toMatchObject({ vault: '', folder: 'Work' });
    const next = await saveObsidianSettings({ vault: 'Research', rest: { port: 99999 } }, s);
    expect(next).toMatchObject({ vault: 'Research', folder: 'Work', rest: { port: 27124, enabled: false } });
    await saveTemplateSettings(
      { templates: { ...DEFAULT_TEMPLATE_SETTINGS.templates, highlight: { draft: 'x', good: null } } },
      s,
    );
    expect((await loadTemplateSettings(s)).templates.highlight).toEqual({ draft: 'x', good: null });
    expect((await loadObsidianSettings(s)).vault).toBe('Research');
  });
});
