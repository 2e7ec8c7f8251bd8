// The built CLI (dist/cli.mjs), run as a user would run it.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview } from '../src/types';

const repoRoot = resolve(__dirname, '..');
const cli = join(repoRoot, 'dist/cli.mjs');
const fixtures = join(repoRoot, 'test/fixtures');
const career = join(fixtures, 'pinterest-engineering-career-interview.html');
const panel = join(fixtures, 'synthetic-panel-interview.html');
const technical = join(fixtures, 'pinterest-engineering-technical-post.html');
let tmp = '';

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    input,
    timeout: 60_000,
    cwd: tmp,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  await build({
    entryPoints: [join(repoRoot, 'src/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: cli,
    external: ['happy-dom'],
    logLevel: 'warning',
  });
  tmp = mkdtempSync(join(tmpdir(), 'ih-cli-'));
}, 60_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('extract', () => {
  it('prints the interview as 2-space JSON, taking the URL from the canonical link', () => {
    const r = run(['extract', career]);
    expect(r.code).toBe(0);
    const iv = JSON.parse(r.out) as Interview;
    expect(r.out).toBe(`${JSON.stringify(iv, null, 2)}\n`);
    expect(iv.url).toBe(
      'https://medium.com/pinterest-engineering/create-the-engineering-career-you-love-at-pinterest-4f0e6b3a2c1d',
    );
    expect(iv.site).toBe('pinterest-engineering-blog');
    expect(iv.sections).toHaveLength(6);
  });

  it('uses --url when given', () => {
    const iv = JSON.parse(run(['extract', career, '--url', 'https://example.com/copy']).out) as Interview;
    expect(iv.url).toBe('https://example.com/copy');
    // Medium's markup plus the publication's name: the blog on a custom domain.
    expect(iv.site).toBe('pinterest-engineering-blog');
    expect(JSON.parse(run(['extract', '--url=https://example.com/x', career]).out).url).toBe(
      'https://example.com/x',
    );
  });

  it('falls back to og:url, then to the file URL', () => {
    const html = readFileSync(career, 'utf8').replace(/<link rel="canonical"[^>]*>/, '');
    writeFileSync(join(tmp, 'no-canonical.html'), html);
    expect(JSON.parse(run(['extract', 'no-canonical.html']).out).url).toMatch(
      /^https:\/\/medium\.com\/pinterest-engineering\//,
    );
    writeFileSync(join(tmp, 'bare.html'), '<html><body><p>Hello</p></body></html>');
    const iv = JSON.parse(run(['extract', 'bare.html']).out) as Interview;
    expect(iv.url).toBe(`file://${join(tmp, 'bare.html')}`);
    expect(iv.interview).toBe(false);
  });

  it('reads standard input from "-"', () => {
    const r = run(['extract', '-'], readFileSync(panel, 'utf8'));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Interview).title).toBe('Three engineers on building search');
  });

  it('prints a JSON array for several pages, in the order given', () => {
    const r = run(['extract', career, technical]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as Interview[];
    expect(list.map((iv) => iv.interview)).toEqual([true, false]);
  });

  it('reads a page in the charset it declares, as a browser does', () => {
    const html = `<html><head><meta http-equiv="content-type" content="text/html; charset=ISO-8859-1"><title>Caf\xe9</title></head>
      <body><article><h2>\xbfQu\xe9 tal?</h2><p>Bien.</p><h2>\xbfY ma\xf1ana?</h2><p>Tambi\xe9n.</p></article></body></html>`;
    writeFileSync(join(tmp, 'latin1.html'), Buffer.from(html, 'latin1'));
    const iv = JSON.parse(run(['extract', 'latin1.html']).out) as Interview;
    expect(iv.title).toBe('Café');
    expect(iv.sections.map((s) => s.question)).toEqual(['¿Qué tal?', '¿Y mañana?']);
  });

  it('reads the page as the HTML standard parses it: a <style> in an <svg> and an unclosed <svg> hide nothing', () => {
    const html = `<html><body><svg><style>.a{fill:red}</style><circle r="1"/></svg>
      <article><div><svg><use href="#i"/></div><h2>Why start?</h2><p>Curiosity.</p><h2>Why stay?</h2><p>People.</p></article></body></html>`;
    writeFileSync(join(tmp, 'svg.html'), html);
    const iv = JSON.parse(run(['extract', 'svg.html']).out) as Interview;
    expect(iv.sections.map((s) => s.question)).toEqual(['Why start?', 'Why stay?']);
  });

  it('still prints a page without Q&A, with interview false', () => {
    const r = run(['extract', technical]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Interview).interview).toBe(false);
  });
});

describe('extract --explain', () => {
  it('prints what each block of the article was taken for, and the rule that decided it', () => {
    const html = `<html><head><title>Potter</title></head><body><article><h1>The potter</h1><p>We met Ana in her studio.</p>
      <p><b>How did you start?</b></p><p><b>Ana Reis:</b> In my aunt's shed.</p>
      <figure><img src="a.jpg" alt=""><div>The shed in 1998.</div></figure>
      <p><b>What now?</b></p><p><b>Ana Reis:</b> Bowls.</p><p>Thanks for chatting with us!</p></article></body></html>`;
    writeFileSync(join(tmp, 'explain.html'), html);
    const r = run(['extract', 'explain.html', '--explain']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('interview: 2 questions');
    const row = (n: number): string => lines.find((l) => l.startsWith(`#${n} `))!;
    expect(row(0)).toMatch(/^#0 +h1 +chrome +"The potter" +← the article's title$/);
    expect(row(1)).toMatch(/paragraph +intro +"We met Ana in her studio\."/);
    expect(row(2)).toMatch(/paragraph +question +"How did you start\?" +← a run of 2 bold prompts/);
    expect(row(3)).toMatch(/answer .*the label "Ana Reis" is kept as its speaker/);
    expect(row(4)).toMatch(/insert +"The shed in 1998\." +← a caption/);
    expect(row(7)).toMatch(/chrome +"Thanks for chatting with us!" +← a closing line/);
    expect(lines).toHaveLength(1 + 8);
  });

  it('says when a page holds no Q&A, and is only for extract', () => {
    const r = run(['extract', technical, '--explain']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('not an interview: no run of two answered questions');
    const bad = run(['markdown', technical, '--explain']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--explain goes with extract/);
  });

  it('heads each report with the page name when given several pages', () => {
    const r = run(['extract', '--explain', career, technical]);
    expect(r.out).toContain(`== ${career}\ninterview: 6 questions`);
    expect(r.out).toContain(`== ${technical}\nnot an interview`);
  });
});

describe('markdown', () => {
  it('prints the whole interview as Markdown', () => {
    const r = run(['markdown', career]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('# Create the engineering career you love at Pinterest');
    expect(r.out).toContain('## What led you to joining Pinterest?');
    expect(r.out.endsWith('\n')).toBe(true);
  });

  it('separates several documents by one blank line', () => {
    const one = run(['markdown', career]).out;
    const two = run(['markdown', panel]).out;
    expect(run(['markdown', career, panel]).out).toBe(`${one}\n${two}`);
  });

  it('says so on stderr and exits 3 for a page without Q&A', () => {
    const r = run(['markdown', technical]);
    expect(r.code).toBe(3);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/holds no question-and-answer section/);
  });
});

describe('errors', () => {
  const oneLine = (s: string): void => {
    expect(s.trim().split('\n')).toHaveLength(1);
  };

  it('exits 2 with one line for a missing file', () => {
    const r = run(['extract', join(tmp, 'nope.html')]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    oneLine(r.err);
    expect(r.err).toMatch(/cannot read .*nope\.html: no such file/);
  });

  it('exits 2 for an unreadable file and for a directory', () => {
    const locked = join(tmp, 'locked.html');
    writeFileSync(locked, '<p>x</p>');
    chmodSync(locked, 0o000);
    const r = run(['extract', locked]);
    // root can read anything; then the file is simply read
    if (process.getuid?.() !== 0) {
      expect(r.code).toBe(2);
      oneLine(r.err);
    }
    const dir = run(['extract', tmp]);
    expect(dir.code).toBe(2);
    oneLine(dir.err);
    expect(dir.err).toMatch(/is a directory/);
  });

  it('exits 2 for binary data and for text without HTML markup', () => {
    writeFileSync(
      join(tmp, 'image.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    writeFileSync(join(tmp, 'notes.txt'), 'Just some notes.\nWhat is this? Not HTML.\n');
    for (const f of ['image.png', 'notes.txt']) {
      const r = run(['markdown', f]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      oneLine(r.err);
      expect(r.err).toMatch(/not an HTML page/);
    }
  });

  it('fails the whole run when one of several pages is bad, printing nothing', () => {
    const r = run(['extract', career, 'missing.html']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
  });

  it('prints usage on stderr and exits 2 for an unknown command or option, or no page', () => {
    for (const args of [
      ['frobnicate', career],
      ['extract', '--bogus', career],
      [],
      ['extract'],
      ['extract', career, '--url'],
    ]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/usage: interview-highlights/);
      expect(r.out).toBe('');
    }
  });

  it('explains itself with --help', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/usage: interview-highlights/);
    expect(r.out).toMatch(/extract/);
    expect(r.out).toMatch(/markdown/);
    expect(r.out).toMatch(/one blank line/);
    expect(r.out).toMatch(/exit status/);
  });
});
