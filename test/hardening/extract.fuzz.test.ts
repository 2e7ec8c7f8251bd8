// Property-based hardening of the extractor: generated pages and mutated
// fixture pages must always give a well-formed Interview, quickly, and never
// leak text that no reader sees (script, style, svg, template bodies).
// FUZZ_RUNS=N raises (or lowers) every property's number of runs.

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { extractInterview } from '../../src/extract';
import type { Interview } from '../../src/types';
import {
  closeQuietWindow,
  FIXTURE_PAGES,
  fixtureHtml,
  fixtureUrl,
  parseHtml,
  runs,
  withinBound,
} from './dom';
import { applyMutation, generatedPage, HIDDEN_SENTINEL, mutation } from './generators';
import { interviewProblems } from './shape';

afterAll(closeQuietWindow);

/** Whole-property budget on a loaded shared machine; the per-case bound is what catches runaways. */
const FUZZ_TIMEOUT = 240_000;

const URLS = fc.constantFrom(
  'https://medium.com/pinterest-engineering/some-post-4f0e6b3a2c1d',
  'https://www.pinterestcareers.com/life-at-pinterest/some-profile/',
  'https://example.org/blog/interview?utm_source=x#frag',
  'file:///tmp/saved%20page.html',
  'not a url at all',
  '',
);

function allText(iv: Interview): string {
  const blocks = [...iv.intro, ...iv.sections.flatMap((s) => s.answer)];
  return [
    iv.title,
    iv.author ?? '',
    iv.publication ?? '',
    ...Object.values(iv.subject),
    ...iv.facts.flatMap((f) => [f.label, f.value]),
    ...iv.sections.flatMap((s) => [s.question, ...s.subQuestions]),
    ...blocks.flatMap((b) => [b.text, b.speaker ?? '']),
  ].join('\n');
}

let slowest = 0;
/** Pages happy-dom's parser itself throws on (a browser never does): not the extractor's to answer for. */
const parserFailures: string[] = [];

const HIDING = new Set(['script', 'style', 'svg', 'template', 'noscript']);

/**
 * Whether the parser left every sentinel inside an element no reader sees.
 * happy-dom foster-parents misnested table content in its own way, sometimes
 * moving a raw-text body out into the open; then the sentinel is page text.
 */
function sentinelHidden(doc: Document): boolean {
  const walker = doc.createTreeWalker(doc, 0x4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!(n as Text).data.includes(HIDDEN_SENTINEL)) continue;
    let hidden = false;
    for (let p = n.parentElement; p && !hidden; p = p.parentElement) hidden = HIDING.has(p.localName);
    if (!hidden) return false;
  }
  return true;
}

function parseOrSkip(html: string): Document {
  try {
    return parseHtml(html);
  } catch (e) {
    if (parserFailures.length < 3)
      parserFailures.push(`${String(e)} on ${JSON.stringify(html.slice(0, 120))}`);
    fc.pre(false);
    throw e;
  }
}

function check(html: string, url: string, opts: { hiddenSentinel: boolean }): void {
  const doc = parseOrSkip(html);
  const before = doc.documentElement?.outerHTML;
  const { value: iv, ms } = withinBound(() => extractInterview(doc, url));
  slowest = Math.max(slowest, ms);
  expect(interviewProblems(iv, url)).toEqual([]);
  if (opts.hiddenSentinel && sentinelHidden(doc)) expect(allText(iv)).not.toContain(HIDDEN_SENTINEL);
  // The extractor reads; the live page is the reader's, so it must come out untouched.
  expect(doc.documentElement?.outerHTML).toBe(before);
  // Same page, same answer: section ids are stable across visits.
  expect(extractInterview(doc, url)).toEqual(iv);
}

describe('extractInterview on generated pages', () => {
  it(
    'gives a well-formed Interview for random trees of article markup and odd text',
    () => {
      fc.assert(
        fc.property(generatedPage, URLS, (html, url) => check(html, url, { hiddenSentinel: true })),
        { numRuns: runs(300) },
      );
      console.info(`[hardening] generated pages: slowest extraction ${slowest.toFixed(1)} ms`);
    },
    FUZZ_TIMEOUT,
  );

  it(
    'reaches the section logic: some generated pages hold interviews, with questions in every script',
    () => {
      // Guards the generator itself: if it never produced a Q&A, the property above would test little.
      const samples = fc.sample(generatedPage, { numRuns: 80, seed: 6 });
      const found = samples
        .map((html) => extractInterview(parseHtml(html), 'https://example.org/x'))
        .filter((iv) => iv.interview);
      expect(found.length).toBeGreaterThan(4);
    },
    FUZZ_TIMEOUT,
  );
});

describe('extractInterview on mutated fixture pages', () => {
  const pages = FIXTURE_PAGES.map((name) => ({ name, html: fixtureHtml(name), url: fixtureUrl(name) }));

  it(
    'gives a well-formed Interview after deletions, duplications, swaps, truncation and injected tags',
    () => {
      slowest = 0;
      fc.assert(
        // The page by index, so a counterexample prints as a few numbers, not a whole saved page.
        fc.property(
          fc.nat(pages.length - 1),
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          (i, edits) => {
            const page = pages[i]!;
            const html = edits.reduce(applyMutation, page.html);
            check(html, page.url, { hiddenSentinel: false });
          },
        ),
        { numRuns: runs(150) },
      );
      console.info(`[hardening] mutated fixtures: slowest extraction ${slowest.toFixed(1)} ms`);
      if (parserFailures.length > 0)
        console.info(`[hardening] happy-dom could not parse some pages:\n${parserFailures.join('\n')}`);
    },
    FUZZ_TIMEOUT,
  );

  it(
    'still finds most of an interview when one element is deleted (mutations are not all fatal)',
    () => {
      const page = pages.find((p) => p.name === 'pinterest-engineering-career-interview')!;
      const whole = extractInterview(parseHtml(page.html), page.url).sections.length;
      const kept = fc
        .sample(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { numRuns: 16, seed: 7 })
        .map(
          (tag) =>
            extractInterview(parseHtml(applyMutation(page.html, { kind: 'delete-tag', tag })), page.url)
              .sections.length,
        );
      expect(whole).toBeGreaterThan(2);
      expect(kept.filter((n) => n >= whole - 1).length).toBeGreaterThan(kept.length / 2);
    },
    FUZZ_TIMEOUT,
  );
});
