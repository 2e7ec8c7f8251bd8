// Saved pages for anchoring tests, read from test/fixtures when the copy is
// there, else from the shared originals beside the repository.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTextIndex, type TextIndex } from '../../src/anchor';

const here = dirname(fileURLToPath(import.meta.url));
const DIRS = [join(here, '..', 'fixtures'), join(here, '..', '..', '..', 'shared', 'fixtures')];

export function fixtureHtml(name: string): string {
  for (const dir of DIRS) {
    const path = join(dir, name);
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  throw new Error(`fixture ${name} not found in ${DIRS.join(' or ')}`);
}

/**
 * Puts the fixture page into the test's global document (scripts are parsed,
 * never run, stylesheets never fetched). happy-dom's DOMParser documents break Range comparisons, so the
 * page goes into the live document instead.
 */
export function loadFixture(name: string): Document {
  // <link> elements hold no text, and happy-dom would try to fetch their stylesheets.
  document.documentElement.innerHTML = fixtureHtml(name)
    .replace(/^\s*<!doctype[^>]*>/i, '')
    .replace(/<link\b[^>]*>/gi, '');
  return document;
}

/** Offsets in index.text of `needle` inside element `el`, found from the index's own node list. */
export function offsetsIn(
  el: Element,
  needle: string,
  index: { text: string; nodes: Text[]; starts: number[] },
): { start: number; end: number } {
  const first = index.nodes.findIndex((n) => el.contains(n));
  if (first < 0) throw new Error('element holds no indexed text');
  const base = index.starts[first] as number;
  const elText = el.textContent ?? '';
  const at = elText.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the element`);
  if (index.text.slice(base, base + elText.length) !== elText)
    throw new Error('element text is not contiguous in the index');
  return { start: base + at, end: base + at + needle.length };
}

/** Replaces the first `from` inside one of el's text nodes; throws when no single node holds it. */
export function editText(el: Element, from: string, to: string): void {
  const walker = el.ownerDocument.createTreeWalker(el, 0x4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    const i = t.data.indexOf(from);
    if (i >= 0) {
      t.data = t.data.slice(0, i) + to + t.data.slice(i + from.length);
      return;
    }
  }
  throw new Error(`"${from}" is not inside one text node`);
}

export const SEED = 'pinterest-engineering-career-interview.html';
export const FIXTURES = [
  SEED,
  'life-at-pinterest-profile.html',
  'pinterest-engineering-technical-post.html',
  'synthetic-panel-interview.html',
];

/** The index of a page holding `text` as one paragraph, for tests that need exact offsets. */
export function indexOfText(text: string): TextIndex {
  document.body.innerHTML = '';
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  const index = buildTextIndex(document.body);
  if (index.text !== text) throw new Error('the page text is not the paragraph text');
  return index;
}
