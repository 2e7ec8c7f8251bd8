// The extractor runs on the live page: it must leave the document exactly as it
// found it, give the same ids on every visit, and return a result on any document.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSite, extractInterview, findArticleRoot } from '../../src/extract';
import { withDocument } from './dom';

const dir = resolve(__dirname, '../fixtures');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''));

describe('on the fixture pages', () => {
  for (const name of fixtures) {
    const { url } = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as { url: string };
    const html = readFileSync(join(dir, `${name}.html`), 'utf8');

    it(`${name}: leaves the document unchanged and gives the same result twice`, async () => {
      await withDocument(html, url, (d) => {
        const before = d.documentElement.outerHTML;
        const first = extractInterview(d, url);
        expect(d.documentElement.outerHTML).toBe(before);
        const second = extractInterview(d, url);
        expect(second).toEqual(first);
      });
    });

    it(`${name}: ids depend on the question, not on its position or the parse`, async () => {
      const a = await withDocument(html, url, (d) => extractInterview(d, url));
      // The same page with an extra paragraph at the top: positions move, ids stay.
      const shifted = html.replace(/<body([^>]*)>/, '<body$1><p>An added line.</p>');
      const b = await withDocument(shifted, url, (d) => extractInterview(d, url));
      expect(b.sections.map((s) => [s.question, s.id])).toEqual(a.sections.map((s) => [s.question, s.id]));
      for (const s of a.sections) expect(s.id).toMatch(/^[a-z0-9-]+$/);
    });
  }
});

describe('section ids', () => {
  it('are unique when a page repeats a question', async () => {
    const html =
      '<article><h2>Why?</h2><p>One.</p><h2>Why?</h2><p>Two.</p><h2>How?</h2><p>Three.</p></article>';
    const iv = await withDocument(html, 'https://example.com/', (d) =>
      extractInterview(d, 'https://example.com/'),
    );
    const ids = iv.sections.map((s) => s.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect(ids[1]!.startsWith(ids[0]!)).toBe(true);
  });
});

describe('odd documents', () => {
  const pages: [string, string][] = [
    ['empty', ''],
    ['empty body', '<html><head></head><body></body></html>'],
    [
      'only SVG',
      '<svg xmlns="http://www.w3.org/2000/svg"><text>What is this?</text><text>And this?</text></svg>',
    ],
    [
      'MathML',
      '<article><p>Let <math><mi>x</mi><mo>?</mo></math> be.</p><h2>Why x?</h2><p>Because.</p><h2>Why y?</h2><p>Also.</p></article>',
    ],
    ['frameset', '<html><frameset><frame src="a.html"><frame src="b.html"></frameset></html>'],
    [
      'broken markup',
      '<article><h2>Why <b>this?</h2><p>Un<i>closed <li>items</p><h2>And <a href="#">that?</h3><td>cell',
    ],
    [
      'RTL',
      '<html dir="rtl"><body><article><h2>ما رأيك؟</h2><p>جيد.</p><h2>لماذا؟</h2><p>لأن.</p></article></body></html>',
    ],
    ['text only', 'What? Who? Why?'],
  ];
  for (const [name, html] of pages) {
    it(`returns a result for ${name}`, async () => {
      await withDocument(html, 'https://example.com/odd', (d) => {
        const iv = extractInterview(d, 'https://example.com/odd');
        expect(typeof iv.interview).toBe('boolean');
        expect(Array.isArray(iv.sections)).toBe(true);
        expect(findArticleRoot(d)).toBeTruthy();
        expect(detectSite(d, 'not a url')).toBe('generic');
      });
    });
  }

  it('reads the RTL interview', async () => {
    const html = pages.find(([n]) => n === 'RTL')![1];
    const iv = await withDocument(html, 'https://example.com/rtl', (d) =>
      extractInterview(d, 'https://example.com/rtl'),
    );
    expect(iv.sections.map((s) => s.question)).toEqual(['ما رأيك؟', 'لماذا؟']);
  });
});

describe('findArticleRoot', () => {
  it('takes the article that holds the text, not a card or a comment', async () => {
    const long = 'Text of the article. '.repeat(30);
    const html = `<main><article id="post"><p>${long}</p></article><section><article><p>Card</p></article></section></main>`;
    await withDocument(html, 'https://example.com/', (d) => expect(findArticleRoot(d).id).toBe('post'));
  });

  it('falls back to <main> when comments are the only articles', async () => {
    const comment = (i: number) =>
      `<article><p>${'A comment with some words. '.repeat(10)} ${i}</p></article>`;
    const html = `<main id="m"><p>${'Body text. '.repeat(30)}</p>${[1, 2, 3, 4].map(comment).join('')}</main>`;
    await withDocument(html, 'https://example.com/', (d) => expect(findArticleRoot(d).id).toBe('m'));
  });

  it('falls back to <body>', async () => {
    await withDocument('<div><p>Hi</p></div>', 'https://example.com/', (d) =>
      expect(findArticleRoot(d)).toBe(d.body),
    );
  });
});

describe('detectSite', () => {
  const medium =
    '<html><head><meta property="al:android:app_name" content="Medium"></head><body><article><p>x</p></article></body></html>';
  it('knows the Pinterest Engineering Blog by its Medium address and markers', async () => {
    await withDocument(medium, 'https://medium.com/', (d) => {
      expect(detectSite(d, 'https://medium.com/pinterest-engineering/a-post-123')).toBe(
        'pinterest-engineering-blog',
      );
      expect(detectSite(d, 'https://medium.com/other-publication/a-post-123')).toBe('generic');
    });
    await withDocument('<p>no markers</p>', 'https://medium.com/', (d) => {
      expect(detectSite(d, 'https://medium.com/pinterest-engineering/a-post-123')).toBe('generic');
    });
  });

  it('knows the blog on another domain by Medium markers plus the publication name', async () => {
    const html = medium.replace(
      '</head>',
      '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Pinterest Engineering Blog"}}</script></head>',
    );
    await withDocument(html, 'https://blog.example.com/', (d) =>
      expect(detectSite(d, 'https://blog.example.com/a-post')).toBe('pinterest-engineering-blog'),
    );
    await withDocument(medium, 'https://blog.example.com/', (d) =>
      expect(detectSite(d, 'https://blog.example.com/a-post')).toBe('generic'),
    );
  });

  it('knows Life at Pinterest profiles by their address', async () => {
    await withDocument('<p>x</p>', 'https://www.pinterestcareers.com/', (d) => {
      expect(detectSite(d, 'https://www.pinterestcareers.com/life-at-pinterest/some-profile/')).toBe(
        'life-at-pinterest',
      );
      expect(detectSite(d, 'https://www.pinterestcareers.com/jobs/')).toBe('generic');
    });
  });
});
