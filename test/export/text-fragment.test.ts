// @vitest-environment happy-dom
// Text-fragment links on fixture pages. Each link is checked with the
// polyfill's own directive matcher (the code browsers without native support
// run), independent of the generator, for selecting the quote and nothing earlier.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  getFragmentDirectives,
  parseFragmentDirectives,
  processTextFragmentDirective,
} from 'text-fragments-polyfill/text-fragment-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  directiveFromText,
  fallbackFragmentUrl,
  fragmentFromRange,
  fragmentFromText,
  wordAlignedRange,
} from '../../src/export';
import { foldText, locateDirective } from '../../src/export/fragment-match';
import { pageTextOf } from '../../src/export/page-text';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

function loadPage(html: string): void {
  document.documentElement.innerHTML = html
    .replace(/^\s*<!doctype[^>]*>/i, '')
    .replace(/<link\b[^>]*>/gi, '');
}

function loadFixture(name: string): void {
  loadPage(readFileSync(join(FIXTURES, `${name}.html`), 'utf8'));
}

function textNodesIn(el: Node): Text[] {
  const out: Text[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) out.push(n as Text);
    n.childNodes.forEach(walk);
  };
  walk(el);
  return out;
}

/** A range over the first occurrence of `needle` in the text of `el` (it may span text nodes). */
function rangeOver(el: Element, needle: string): Range {
  const nodes = textNodesIn(el);
  const text = nodes.map((n) => n.data).join('');
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in #${el.id}`);
  const point = (offset: number, preferNext: boolean): [Text, number] => {
    let base = 0;
    for (const n of nodes) {
      const end = base + n.data.length;
      if (offset < end || (offset === end && !preferNext)) return [n, offset - base];
      base = end;
    }
    const last = nodes[nodes.length - 1]!;
    return [last, last.data.length];
  };
  const r = document.createRange();
  r.setStart(...point(at, true));
  r.setEnd(...point(at + needle.length, false));
  return r;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** What the polyfill's matcher selects for the link's first directive. */
function selectedBy(url: string): Range | null {
  const hash = new URL(url).hash;
  const parsed = parseFragmentDirectives(getFragmentDirectives(hash));
  const directive = parsed.text[0];
  if (!directive) return null;
  return processTextFragmentDirective(directive, document)[0] ?? null;
}

function directiveParts(url: string): string[] {
  return url.slice(url.indexOf('#:~:text=') + '#:~:text='.length).split(',');
}

const PANEL = 'https://medium.com/pinterest-engineering/three-engineers-on-building-search-5d4c3b2a1f0e';
const CAREER =
  'https://medium.com/pinterest-engineering/create-the-engineering-career-you-love-at-pinterest-4f0e6b3a2c1d';

describe('fragmentFromRange on fixture pages', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '';
  });

  it('links a short quote with the whole quote', () => {
    loadFixture('synthetic-panel-interview');
    const quote = 'I rebuilt the spelling correction model';
    const range = rangeOver(document.getElementById('b009')!, quote);
    const url = fragmentFromRange(range, PANEL);
    expect(url).toBe(`${PANEL}#:~:text=I%20rebuilt%20the%20spelling%20correction%20model`);
    const hit = selectedBy(url)!;
    expect(squash(hit.toString())).toBe(quote);
    expect(hit.compareBoundaryPoints(Range.START_TO_START, range)).toBe(0);
  });

  it('links a long quote as START,END', () => {
    loadFixture('pinterest-engineering-career-interview');
    const p = [...document.querySelectorAll('p')].find((el) =>
      (el.textContent ?? '').startsWith('Pinterest has a very unique culture.'),
    )!;
    const quote = p.textContent!;
    expect(quote.length).toBeGreaterThan(300);
    const range = rangeOver(p, quote);
    const url = fragmentFromRange(range, CAREER);
    const parts = directiveParts(url).filter((x) => !x.endsWith('-') && !x.startsWith('-'));
    expect(parts).toHaveLength(2);
    const hit = selectedBy(url)!;
    expect(squash(hit.toString())).toBe(squash(quote));
    expect(hit.compareBoundaryPoints(Range.START_TO_START, range)).toBe(0);
  });

  it('gives a quote that occurs earlier on the page the context that skips the earlier one', () => {
    loadFixture('synthetic-panel-interview');
    const quote = 'Nobody expects you to know how the whole system fits together in your first month.';
    const first = rangeOver(document.getElementById('b011')!, quote);
    const pull = rangeOver(document.getElementById('b012')!, quote);
    const firstUrl = fragmentFromRange(first, PANEL);
    const pullUrl = fragmentFromRange(pull, PANEL);
    // The pull quote comes second: only context before it can rule out the first.
    expect(directiveParts(pullUrl)[0]).toMatch(/-$/);
    for (const [url, range] of [
      [firstUrl, first],
      [pullUrl, pull],
    ] as const) {
      const hit = selectedBy(url)!;
      expect(squash(hit.toString())).toBe(quote);
      expect(hit.compareBoundaryPoints(Range.START_TO_START, range)).toBe(0);
    }
  });

  it('links a quote spanning two paragraphs as START,END', () => {
    loadFixture('synthetic-panel-interview');
    const range = document.createRange();
    const a = document.getElementById('b006')!.lastChild as Text;
    const b = document.getElementById('b007')!.lastChild as Text;
    range.setStart(a, a.data.indexOf('I moved'));
    range.setEnd(b, b.data.indexOf(' so it felt'));
    const url = fragmentFromRange(range, PANEL);
    expect(directiveParts(url).filter((x) => !x.endsWith('-') && !x.startsWith('-'))).toHaveLength(2);
    const hit = selectedBy(url)!;
    expect(hit.compareBoundaryPoints(Range.START_TO_START, range)).toBe(0);
    expect(squash(hit.toString()).endsWith('query understanding,')).toBe(true);
  });

  it('percent-encodes -, comma and & inside terms', () => {
    loadPage(
      '<html><body><p id="a">Intro text.</p><p id="b">Rock-paper, scissors &amp; more</p></body></html>',
    );
    const url = fragmentFromRange(
      rangeOver(document.getElementById('b')!, 'Rock-paper, scissors & more'),
      'https://example.com/page',
    );
    expect(url).toBe('https://example.com/page#:~:text=Rock%2Dpaper%2C%20scissors%20%26%20more');
    expect(squash(selectedBy(url)!.toString())).toBe('Rock-paper, scissors & more');
  });

  it('drops the fragment the page URL already had', () => {
    loadFixture('synthetic-panel-interview');
    const url = fragmentFromRange(
      rangeOver(document.getElementById('b009')!, 'spelling correction model'),
      `${PANEL}?source=rss#intro`,
    );
    expect(url.startsWith(`${PANEL}?source=rss#:~:text=`)).toBe(true);
    expect(url).not.toContain('intro');
    const old = fragmentFromRange(
      rangeOver(document.getElementById('b009')!, 'spelling correction model'),
      `${PANEL}#:~:text=old`,
    );
    expect(old).not.toContain('old');
  });

  it('widens a selection that starts or ends inside a word to whole words', () => {
    loadFixture('synthetic-panel-interview');
    const url = fragmentFromRange(
      rangeOver(document.getElementById('b009')!, 'ebuilt the spelling correc'),
      PANEL,
    );
    expect(squash(selectedBy(url)!.toString())).toBe('rebuilt the spelling correction');
  });
});

describe('fragmentFromRange without the polyfill', () => {
  it('builds the directive itself for a DOM the polyfill cannot read (not the global document)', async () => {
    const { Window } = await import('happy-dom');
    const win = new Window({ url: PANEL });
    const doc = win.document as unknown as Document;
    doc.write(readFileSync(join(FIXTURES, 'synthetic-panel-interview.html'), 'utf8'));
    const quote = 'Nobody expects you to know how the whole system fits together in your first month.';
    const p = doc.getElementById('b012')!;
    const text = p.firstChild as Text;
    const range = doc.createRange();
    range.setStart(text, 0);
    range.setEnd(text, quote.length);
    const url = fragmentFromRange(range, PANEL);
    expect(directiveParts(url)[0]).toMatch(/-$/);
    // Replay the link's own directive over the page text: it lands on the pull quote, not the answer.
    const parts = directiveParts(url).map(decodeURIComponent);
    const d = {
      prefix: parts[0]!.slice(0, -1),
      textStart: parts[1]!,
      ...(parts[2] ? { suffix: parts[2].slice(1) } : {}),
    };
    const page = pageTextOf(doc.body);
    const hit = locateDirective(foldText(page.text), d)!;
    expect(hit.start).toBe(page.positionOf(text, 0));
    expect(squash(page.text.slice(hit.start, hit.end))).toBe(quote);
    await win.happyDOM.close();
  });
});

describe('fragmentFromText (pure)', () => {
  const text = 'Ask questions early. Ask questions early, and often. Then ask again.';

  it('selects the occurrence asked for, not an earlier one', () => {
    const second = text.indexOf('Ask questions early', 5);
    const d = directiveFromText(text, second, second + 'Ask questions early'.length)!;
    expect(d.prefix ?? d.suffix).toBeDefined();
    const hit = locateDirective(foldText(text), d)!;
    expect([hit.start, hit.end]).toEqual([second, second + 19]);
    expect(fragmentFromText(text, 0, 19, 'https://example.com/#x')).toBe(
      'https://example.com/#:~:text=Ask%20questions%20early',
    );
  });

  it('returns the page URL alone for an empty quote', () => {
    expect(fragmentFromText(text, 3, 3, 'https://example.com/a#b')).toBe('https://example.com/a');
  });

  it('finds every quote of a fixture page text exactly', () => {
    loadFixture('pinterest-engineering-career-interview');
    const body = document.body.textContent ?? '';
    const folded = foldText(body);
    // Every sentence-ish stretch of the article, wherever it repeats.
    const sentences = [...body.matchAll(/[A-Z][^.?!]{20,400}[.?!]/g)];
    expect(sentences.length).toBeGreaterThan(50);
    for (const m of sentences) {
      const d = directiveFromText(body, m.index, m.index + m[0].length, folded)!;
      const hit = locateDirective(folded, d);
      const want = wordAlignedRange(body, m.index, m.index + m[0].length);
      expect(hit && [hit.start, hit.end], m[0]).toEqual([want.start, want.end]);
    }
  });
});

describe('fallbackFragmentUrl', () => {
  it('uses a short quote whole', () => {
    expect(fallbackFragmentUrl('https://example.com/a#old', 'Pinterest has a very unique culture.')).toBe(
      'https://example.com/a#:~:text=Pinterest%20has%20a%20very%20unique%20culture.',
    );
  });

  it('uses the first and last words of a long quote', () => {
    const url = fallbackFragmentUrl(
      'https://example.com/a',
      'One two three four five six seven eight nine ten eleven.',
    );
    expect(url).toBe('https://example.com/a#:~:text=One%20two%20three%20four,eight%20nine%20ten%20eleven.');
  });

  it('takes START from the first paragraph and END from the last', () => {
    const url = fallbackFragmentUrl(
      'https://example.com/a',
      'First para here.\n\nMiddle.\n\nLast one-two, & done.',
    );
    expect(url).toBe('https://example.com/a#:~:text=First%20para%20here.,Last%20one%2Dtwo%2C%20%26%20done.');
  });
});
