// Huge pages in Node: 100,000 paragraphs and ~20 MB of article. Generated at
// run time (never committed). Extraction must finish with the right answer;
// times are printed for the report and bounded only loosely (a shared, loaded
// machine), so that a quadratic blow-up fails while a slow minute does not.

import { afterAll, describe, expect, it } from 'vitest';
import { anchorSelectors, buildTextIndex, describeOffsets } from '../../src/anchor';
import { extractInterview } from '../../src/extract';
import { closeQuietWindow, fixtureHtml, fixtureUrl, parseHtml, timed } from './dom';
import { interviewProblems } from './shape';

afterAll(closeQuietWindow);

/** Generous: at ~2 µs per character a 20 MB page would take 40 s; a quadratic pass takes hours. */
const HUGE_BOUND_MS = Number(process.env.HUGE_BOUND_MS ?? 60_000);
const HUGE_TIMEOUT = 600_000;

function report(name: string, parts: Record<string, number>): void {
  const line = Object.entries(parts)
    .map(
      ([k, v]) =>
        `${k} ${v >= 100 ? Math.round(v) : v.toFixed(1)}${k.endsWith('chars') || k.endsWith('count') ? '' : ' ms'}`,
    )
    .join(', ');
  console.info(`[hardening] ${name}: ${line}`);
}

describe('a page with 100,000 paragraphs', () => {
  it(
    'extracts all its questions and anchors near its end',
    () => {
      const QUESTIONS = 100;
      const PER_ANSWER = 1000;
      const parts: string[] = [
        '<!doctype html><html><head><title>A very long interview</title></head><body><article><h1>A very long interview</h1>',
      ];
      for (let q = 0; q < QUESTIONS; q++) {
        parts.push(`<h2>Question number ${q}: what happened in year ${2000 + q}?</h2>`);
        for (let p = 0; p < PER_ANSWER; p++)
          parts.push(`<p>Answer ${q} paragraph ${p} says something about item ${q * PER_ANSWER + p}.</p>`);
      }
      parts.push('</article></body></html>');
      const html = parts.join('');

      const parse = timed(() => parseHtml(html));
      const doc = parse.value;
      // Children, not querySelectorAll: happy-dom's querySelectorAll stops at 65,536 matches.
      expect(doc.querySelector('article')!.children.length).toBe(1 + QUESTIONS * (PER_ANSWER + 1));
      const url = 'https://example.org/long-interview';
      const extract = timed(() => extractInterview(doc, url));
      const iv = extract.value;
      expect(interviewProblems(iv, url)).toEqual([]);
      expect(iv.interview).toBe(true);
      expect(iv.sections).toHaveLength(QUESTIONS);
      expect(iv.sections[99]!.question).toBe('Question number 99: what happened in year 2099?');
      expect(iv.sections[99]!.answer).toHaveLength(PER_ANSWER);

      const root = doc.querySelector('article')!;
      const index = timed(() => buildTextIndex(root));
      const len = index.value.text.length;
      const selectors = describeOffsets(index.value, len - 500, len - 420);
      const exactAnchor = timed(() => anchorSelectors(index.value, selectors));
      expect(exactAnchor.value).toMatchObject({ start: len - 500, end: len - 420 });
      // The same quote, slightly edited and with no position: the slow path, page-wide fuzzy search.
      const quote = selectors[0]!;
      const edited =
        quote.type === 'TextQuoteSelector'
          ? [{ ...quote, exact: quote.exact.replace(/paragraph/, 'paragraf') }]
          : [];
      const fuzzyAnchor = timed(() => anchorSelectors(index.value, edited));
      expect(fuzzyAnchor.value?.start).toBeGreaterThan(len - 520);

      report('100,000 paragraphs', {
        'html chars': html.length,
        parse: parse.ms,
        extract: extract.ms,
        'text index': index.ms,
        'anchor (position)': exactAnchor.ms,
        'anchor (page-wide fuzzy)': fuzzyAnchor.ms,
      });
      expect(extract.ms).toBeLessThan(HUGE_BOUND_MS);
    },
    HUGE_TIMEOUT,
  );
});

describe('a ~20 MB page', () => {
  it(
    'made of one interview repeated: extracts with unique section ids in bounded time',
    () => {
      const name = 'pinterest-engineering-career-interview';
      const page = fixtureHtml(name);
      // The article as the parser balanced it, so every copy lands inside <article>.
      const article = parseHtml(page).querySelector('article')!.innerHTML;
      const copies = Math.ceil(20_000_000 / article.length);
      const open = page.indexOf('<article');
      const close = page.lastIndexOf('</article>');
      const html = `${page.slice(0, page.indexOf('>', open) + 1)}${article.repeat(copies)}${page.slice(close)}`;
      expect(html.length).toBeGreaterThan(19_000_000);

      const url = fixtureUrl(name);
      const parse = timed(() => parseHtml(html));
      const once = extractInterview(parseHtml(page), url);
      const extract = timed(() => extractInterview(parse.value, url));
      const iv = extract.value;
      report('~20 MB page', {
        'html chars': html.length,
        'copies count': copies,
        parse: parse.ms,
        extract: extract.ms,
      });
      expect(interviewProblems(iv, url)).toEqual([]);
      expect(iv.interview).toBe(true);
      // Every copy's questions are found again (the article title heading is only skipped once).
      expect(iv.sections.length).toBeGreaterThanOrEqual(once.sections.length * (copies - 1));
      expect(extract.ms).toBeLessThan(HUGE_BOUND_MS);
    },
    HUGE_TIMEOUT,
  );
});
