// FOUND (extractor metadata, src/extract/metadata.ts):
// 1. `published` can be a day that does not exist: toIsoDate's valid() checks
//    only 1 <= day <= 31, so "2023-02-31T10:00:00Z" or "Feb 29, 2023" give
//    "2023-02-31" / "2023-02-29". The export's front matter then drops the
//    date (calendarDate refuses it) while the popup/library show it.
//    Suggested fix: in valid(), round-trip through Date.UTC and compare the
//    year, month and day (as src/export/front-matter.ts calendarDate does).
// 2. `canonicalUrl` takes any scheme: <link rel="canonical" href="javascript:…">
//    or data:… (or og:url) becomes the Interview's canonicalUrl, is stored on
//    highlights and articles, and sourceUrl() in exports prefers it, so the
//    note loses its http source link and shows "source: javascript:…".
//    Suggested fix: resolveUrl for the canonical link and og:url accepts only
//    http: and https: results (else null, falling back to the page URL).

import { describe, expect, it } from 'vitest';
import { extractInterview } from '../../src/extract';
import { parseHtml } from './dom';

const URL_ = 'https://example.org/post';

function withHead(head: string) {
  const html = `<!doctype html><html><head>${head}</head><body><article><h1>T</h1><h2>One question?</h2><p>One answer.</p><h2>Two questions?</h2><p>Two answers.</p></article></body></html>`;
  return extractInterview(parseHtml(html), URL_);
}

function isCalendarDay(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

describe('published is a real calendar day or null', () => {
  it.each([
    '<meta property="article:published_time" content="2023-02-31T10:00:00Z">',
    '<meta name="date" content="Feb 29, 2023">',
    '<meta property="article:published_time" content="2023-04-31">',
    '<meta name="date" content="31 June 2024">',
  ])('%s', (head) => {
    const { published } = withHead(head);
    if (published !== null) expect(isCalendarDay(published), published).toBe(true);
  });

  it('still reads real days (control)', () => {
    expect(
      withHead('<meta property="article:published_time" content="2024-02-29T10:00:00Z">').published,
    ).toBe('2024-02-29');
  });
});

describe('canonicalUrl is an http(s) address or null', () => {
  it.each([
    '<link rel="canonical" href="javascript:alert(1)">',
    '<link rel="canonical" href="data:text/html,<script>alert(1)</script>">',
    '<meta property="og:url" content="javascript:alert(1)//">',
    '<link rel="canonical" href="vbscript:msgbox(1)">',
  ])('%s', (head) => {
    const { canonicalUrl } = withHead(head);
    if (canonicalUrl !== null) expect(canonicalUrl).toMatch(/^https?:\/\//);
  });

  it('still resolves a relative canonical link (control)', () => {
    expect(withHead('<link rel="canonical" href="/post?utm_source=x">').canonicalUrl).toBe(
      'https://example.org/post?utm_source=x',
    );
  });
});
