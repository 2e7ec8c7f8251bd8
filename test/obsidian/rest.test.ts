// The Local REST API client against a stub of the plugin on 127.0.0.1 (started
// and stopped here): writes, re-exports through GET + mergeNote + PUT, heading
// patches in both of the plugin's forms, and every way it can fail, each with
// a plain message and nothing written.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveTemplates } from '../../src/export/template-defaults';
import { renderNoteWith } from '../../src/export/template-export';
import { DEFAULT_TEMPLATE_SETTINGS } from '../../src/export/template-settings';
import { notePart } from '../../src/obsidian/merge';
import { notePath } from '../../src/obsidian/note-path';
import { type FetchLike, RestClient, vaultUrlPath } from '../../src/obsidian/rest';
import { exportToVault } from '../../src/obsidian/vault-export';
import { article, highlight } from '../export/data';
import { closedPort, fetchTrusting, STUB_KEY, type StubVault, startStubVault } from './stub-vault';

const { templates } = effectiveTemplates(DEFAULT_TEMPLATE_SETTINGS);
const a = article();
const kept = highlight({ quote: 'Pinterest has a very unique culture.', sectionId: 'q-led' });
const later = highlight({ quote: 'A quote the reader deletes later.', sectionId: 'q-team' });
const note = (hs: ReturnType<typeof highlight>[]) =>
  notePart(a.key, renderNoteWith(templates, a, hs, { blockIds: true, clipped: '2026-11-21' }));
const path = notePath('Interviews', a.title);
const FILE = 'Interviews/Create the engineering career you love at Pinterest.md';

let vault: StubVault;
let old: StubVault;

beforeAll(async () => {
  [vault, old] = await Promise.all([
    startStubVault({ https: true }),
    startStubVault({ https: true, version: '3.2.0' }),
  ]);
});
afterAll(async () => {
  await Promise.all([vault.close(), old.close()]);
});

function client(
  v: StubVault,
  over: { apiKey?: string; fetch?: FetchLike; timeoutMs?: number } = {},
): RestClient {
  return new RestClient(
    { https: true, port: v.port, apiKey: over.apiKey ?? STUB_KEY },
    over.fetch ?? fetchTrusting(v.cert),
    over.timeoutMs,
  );
}

function writes(v: StubVault): string[] {
  return v.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
}

describe('the Local REST API client', () => {
  it('asks the plugin who it is, with the key', async () => {
    expect(await client(vault).serverStatus()).toEqual({
      ok: true,
      value: { authenticated: true, version: '5.1.0' },
    });
    expect(vault.requests.at(-1)!.headers.authorization).toBe(`Bearer ${STUB_KEY}`);
  });

  it('creates the note, then re-exports it: reader text kept, a deleted highlight gone, no write when nothing changed', async () => {
    vault.files.clear();
    const c = client(vault);
    expect(await exportToVault(c, path, note([kept, later]))).toEqual({ ok: true, value: 'created' });
    const put = vault.requests.at(-1)!;
    expect(`${put.method} ${put.path}`).toBe(`PUT ${vaultUrlPath(path)}`);
    expect(put.headers['if-none-match']).toBe('*');
    const created = vault.files.get(FILE) as string;
    expect(created).toContain('A quote the reader deletes later.');
    // The reader writes above and below the exported part in Obsidian.
    vault.files.set(
      FILE,
      created.replace('%% interview-highlights begin', 'My notes.\n\n%% interview-highlights begin') +
        '\n## Mine\n',
    );
    expect(await exportToVault(c, path, note([kept]))).toEqual({ ok: true, value: 'replaced' });
    const merged = vault.files.get(FILE) as string;
    expect(merged).not.toContain('A quote the reader deletes later.');
    expect(merged).toContain('My notes.\n\n%% interview-highlights begin');
    expect(merged.endsWith('%%\n\n## Mine\n')).toBe(true);
    expect(vault.requests.at(-1)!.headers['if-match']).toMatch(/^"[0-9a-f]{16}"$/);
    const count = writes(vault).length;
    expect(await exportToVault(c, path, note([kept]))).toEqual({ ok: true, value: 'unchanged' });
    expect(writes(vault).length).toBe(count);
  });

  it('never overwrites an edit the reader makes between the read and the write', async () => {
    vault.files.set(FILE, '');
    const c = client(vault);
    await exportToVault(c, path, note([kept]));
    let edits = 0;
    vault.afterRead = (p) => {
      if (edits++ === 0) vault.files.set(p, `${vault.files.get(p)}\nTyped while the export ran.\n`);
    };
    try {
      expect(await exportToVault(c, path, note([kept, later]))).toEqual({ ok: true, value: 'replaced' });
    } finally {
      vault.afterRead = null;
    }
    const text = vault.files.get(FILE) as string;
    expect(text).toContain('Typed while the export ran.');
    expect(text).toContain('A quote the reader deletes later.');
  });

  it('gives up, writing nothing, when the note keeps changing underneath', async () => {
    const c = client(vault);
    vault.afterRead = (p) => vault.files.set(p, `${vault.files.get(p)}x`);
    try {
      const r = await exportToVault(c, path, note([kept]));
      expect(r).toMatchObject({ ok: false, failure: { kind: 'changed-meanwhile' } });
    } finally {
      vault.afterRead = null;
    }
    expect((vault.files.get(FILE) as string).endsWith('xxx')).toBe(true);
  });

  it('patches under a heading: JSON for plugin 5, headers for plugin 3, the heading made when missing', async () => {
    vault.files.set('daily.md', '# Today\n\nWoke up.\n');
    expect(await client(vault).patchHeading('daily', ['Highlights'], 'append', '> A quote.')).toEqual({
      ok: true,
      value: 'written',
    });
    const modern = vault.requests.at(-1)!;
    expect(modern.path).toBe('/periodic/daily/');
    expect(modern.headers['markdown-patch-version']).toBe('2');
    expect(JSON.parse(modern.body)).toEqual({
      targetType: 'heading',
      target: ['Highlights'],
      operation: 'append',
      content: '> A quote.',
      createTargetIfMissing: true,
    });
    expect(vault.files.get('daily.md')).toBe('# Today\n\nWoke up.\n\n# Highlights\n> A quote.');

    old.files.set(FILE, '# Notes\n\n## Quotes\nfirst\n\n## Other\n');
    const r = await client(old).patchHeading(path, ['Notes', 'Quotes – ünï'], 'append', 'x');
    expect(r.ok).toBe(true);
    const legacy = old.requests.at(-1)!;
    expect(legacy.headers).toMatchObject({
      'markdown-patch-version': '1',
      operation: 'append',
      'target-type': 'heading',
      target: 'Notes::Quotes%20%E2%80%93%20%C3%BCn%C3%AF',
    });
    expect(await client(old).patchHeading(path, ['Notes', 'Quotes'], 'append', 'second')).toMatchObject({
      ok: true,
    });
    expect(old.files.get(FILE)).toContain('## Quotes\nfirst\n\nsecond\n## Other');
  });

  it('writes over plain HTTP when the reader turned that on', async () => {
    const plain = await startStubVault({ https: false });
    try {
      const c = new RestClient({ https: false, port: plain.port, apiKey: STUB_KEY }, fetchTrusting(''));
      expect(await exportToVault(c, path, note([kept]))).toEqual({ ok: true, value: 'created' });
      expect(plain.origin.startsWith('http://127.0.0.1:')).toBe(true);
    } finally {
      await plain.close();
    }
  });
});

describe('when it cannot', () => {
  it('a refused key: a plain message, nothing written', async () => {
    vault.files.set(FILE, 'Mine.\n');
    const before = writes(vault).length;
    const c = client(vault, { apiKey: 'wrong' });
    const status = await c.serverStatus();
    expect(status).toMatchObject({ ok: false, failure: { kind: 'refused-key' } });
    const r = await exportToVault(c, path, note([kept]));
    expect(r).toMatchObject({ ok: false, failure: { kind: 'refused-key' } });
    expect(!r.ok && r.message).toContain('refused the API key');
    expect(writes(vault).length).toBe(before);
    expect(vault.files.get(FILE)).toBe('Mine.\n');
  });

  it('a 403 is a refused key too', async () => {
    const forbidden: FetchLike = async () => new Response('{}', { status: 403 });
    expect(await client(vault, { fetch: forbidden }).read(path)).toMatchObject({
      ok: false,
      failure: { kind: 'refused-key' },
    });
  });

  it('a closed port', async () => {
    const port = await closedPort();
    for (const fetch of [globalThis.fetch as FetchLike, fetchTrusting('')]) {
      const c = new RestClient({ https: true, port, apiKey: STUB_KEY }, fetch);
      const r = await exportToVault(c, path, note([kept]));
      expect(r).toMatchObject({ ok: false, failure: { kind: 'unreachable', cause: 'closed-port' } });
      expect(!r.ok && r.message).toContain(`Nothing answers at https://127.0.0.1:${port}`);
    }
  });

  it('a certificate the browser refuses', async () => {
    // Node's own fetch, like a browser that was never told to trust the plugin's certificate.
    const before = vault.requests.length;
    const r = await client(vault, { fetch: globalThis.fetch as FetchLike }).read(path);
    expect(r).toMatchObject({ ok: false, failure: { kind: 'unreachable', cause: 'certificate' } });
    expect(!r.ok && r.message).toContain('accept it');
    expect(vault.requests.length).toBe(before);
    // A browser's TypeError says nothing more: the message names both causes.
    const browser: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    const b = await exportToVault(client(vault, { fetch: browser }), path, note([kept]));
    expect(b).toMatchObject({ ok: false, failure: { kind: 'unreachable', cause: 'unknown' } });
    expect(!b.ok && b.message).toContain('accept its certificate');
  });

  it('an answer that is not the plugin’s: another server, a note that is not text, an error without a message', async () => {
    vault.garbage = true;
    try {
      expect(await client(vault).serverStatus()).toMatchObject({
        ok: false,
        failure: { kind: 'bad-answer' },
      });
      const before = writes(vault).length;
      const r = await exportToVault(client(vault), path, note([kept]));
      expect(r).toMatchObject({
        ok: false,
        failure: { kind: 'bad-answer', detail: 'a note served as text/html' },
      });
      expect(writes(vault).length).toBe(before);
    } finally {
      vault.garbage = false;
    }
    vault.files.set(FILE, Buffer.from([0x4d, 0xff, 0xfe, 0x00]));
    const before = writes(vault).length;
    expect(await exportToVault(client(vault), path, note([kept]))).toMatchObject({
      ok: false,
      failure: { kind: 'bad-answer', detail: 'a note that is not UTF-8 text' },
    });
    expect(writes(vault).length).toBe(before);
    const teapot: FetchLike = async () => new Response('<h1>nope</h1>', { status: 418 });
    expect(await client(vault, { fetch: teapot }).read(path)).toMatchObject({
      ok: false,
      failure: { kind: 'bad-answer', detail: 'HTTP 418' },
    });
  });

  it('an error the plugin explains', async () => {
    const r = await client(vault).patchHeading(notePath('', 'No such note'), ['X'], 'append', 'y');
    expect(r).toMatchObject({
      ok: false,
      failure: { kind: 'refused', status: 404, detail: 'File does not exist' },
    });
    expect(!r.ok && r.message).toBe(
      'Obsidian could not do it: File does not exist (HTTP 404). Nothing was written.',
    );
  });

  it('no answer in time', async () => {
    const silent: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
      );
    expect(await client(vault, { fetch: silent, timeoutMs: 50 }).read(path)).toMatchObject({
      ok: false,
      failure: { kind: 'timeout' },
    });
  });

  it('only ever asks 127.0.0.1, never follows a redirect, never sends cookies', async () => {
    const seen: [string, RequestInit][] = [];
    // Like a browser's fetch, it refuses to be called as a method of anything but the window.
    const spy = async function (this: unknown, url: string, init: RequestInit): Promise<Response> {
      if (this !== undefined) throw new TypeError('Illegal invocation');
      seen.push([url, init]);
      return new Response('', { status: 404 });
    };
    const c = new RestClient({ https: true, port: 27124, apiKey: STUB_KEY }, spy);
    await exportToVault(c, path, note([kept]));
    await c.patchHeading('daily', ['H'], 'append', 'x');
    expect(seen.length).toBeGreaterThan(0);
    for (const [url, init] of seen) {
      expect(new URL(url).host).toBe('127.0.0.1:27124');
      expect(init.redirect).toBe('error');
      expect(init.credentials).toBe('omit');
    }
  });
});
