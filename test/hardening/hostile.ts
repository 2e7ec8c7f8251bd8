// Hostile text and the reading-back checks shared by the render fuzz tests:
// strings that try every kind of Markdown, HTML, YAML and Unicode trouble, and
// a markdown-it reading of a file that lists any markup the text should not
// have produced.

import fc from 'fast-check';
import { load } from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { expect } from 'vitest';

const md = new MarkdownIt('commonmark', { html: true, linkify: false }).enable(['table', 'strikethrough']);
// markdown-it drops javascript:/data: links by itself; our output must not rely on that.
md.validateLink = () => true;
type Token = ReturnType<typeof md.parse>[number];

const BIG = 100_000;
export const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<svg onload=alert(1)><circle/></svg>',
  '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
  '" onmouseover="alert(1)',
  "'><script>alert(document.cookie)</script>",
  'javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '[click me](javascript:alert(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '![tracker](https://evil.example/pixel.png)',
  '![x][ref]\n\n[ref]: https://evil.example/y.png',
  '<https://evil.example>',
  '<javascript:alert(1)>',
  '[ref]: https://evil.example "title"',
  '[^1] and [^1]: footnote',
  '---\ntitle: "pwned"\n---',
  '---',
  '"quoted" and \'single\' and \\"escaped\\"',
  'line one\nline two\r\nline three\u2028four\u2029five\u0085six',
  'key: value\n- list: item',
  '# heading\n## another',
  '> quote\n>> nested',
  '* star\n+ plus\n- minus\n1. one\n2) two',
  '```js\ncode\n```',
  '~~~\nfence\n~~~',
  '    indented code',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '**bold** __bold__ *em* _em_ `code` ~~strike~~',
  '&lt;script&gt; &amp;amp; &#60;b&#62; &#x3C;i&#x3E; &copy;',
  '\\ trailing backslash \\',
  'a\u202Eevil\u202C b\u2066iso\u2069 c\u200F\u200E d\u061C',
  'zero\u200Bwidth\u200Djoin\uFEFFbom\u00ADshy',
  'nul\u0000bell\u0007esc\u001B[31mred\u009Bc1',
  '$$ math $$ and $x$',
  '{{template}} {% raw %} <%= erb %>',
  'A'.repeat(BIG),
  '*'.repeat(BIG),
  '['.repeat(BIG),
  '<'.repeat(BIG),
  '\\'.repeat(BIG),
  `javascript:${'a'.repeat(BIG)}`,
  '\u202E'.repeat(BIG / 10),
];

export const SMALL = HOSTILE.filter((h) => h.length < 1000);
export const HUGE = HOSTILE.filter((h) => h.length >= 1000);

/**
 * A line of dashes with a space after the first two or more ("-- -") is a
 * thematic break the escaper misses: that bug has its own failing test in
 * found-export-thematic-break.test.ts, so the properties here step around it
 * to keep checking everything else.
 */
const KNOWN_THEMATIC_BREAK = /^[ \t]*--+[ \t]+-[ \t-]*$/m;

/** Hostile text: the list (its 100 KB words rarely, they are slow to read back), combinations of it, and random strings (lone surrogates included). */
export const hostile = fc
  .oneof(
    { weight: 8, arbitrary: fc.constantFrom(...SMALL) },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
    {
      weight: 4,
      arbitrary: fc.array(fc.constantFrom(...SMALL), { minLength: 2, maxLength: 4 }).map((a) => a.join(' ')),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  )
  .filter((t) => !KNOWN_THEMATIC_BREAK.test(t.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')));

export const hostileUrl = fc.constantFrom(
  'https://medium.com/pinterest-engineering/a-post-123',
  'https://example.org/a)b(c"d<e>f g',
  'https://example.org/path#:~:text=x',
  'http://example.org/[brackets]',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  ' https://example.org/with-spaces ',
  'not a url',
  '',
);

// ---- Reading the Markdown back ----

/** Text as a reader sees it: line separators as spaces, controls gone, white space collapsed. */
export function shown(text: string): string {
  return text
    .replace(/[\u2028\u2029\u0085]/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function splitFrontMatter(markdown: string): { yaml: string | null; body: string } {
  if (!markdown.startsWith('---\n')) return { yaml: null, body: markdown };
  const end = markdown.indexOf('\n---\n', 3);
  return end < 0
    ? { yaml: null, body: markdown }
    : { yaml: markdown.slice(4, end + 1), body: markdown.slice(end + 5) };
}

const FORBIDDEN = new Set([
  'html_block',
  'html_inline',
  'image',
  'hr',
  'table_open',
  's_open',
  'code_inline',
]);
const ALLOWED_TAGS = new Set([
  'h1',
  'h2',
  'h3',
  'p',
  'em',
  'strong',
  'a',
  'blockquote',
  'ul',
  'ol',
  'li',
  'pre',
  'code',
  'br',
]);

export interface Read {
  texts: string[];
  links: string[];
  forbidden: string[];
  badTags: string[];
}

export function read(body: string): Read {
  const out: Read = { texts: [], links: [], forbidden: [], badTags: [] };
  const visit = (tokens: Token[]): void => {
    for (const t of tokens) {
      if (FORBIDDEN.has(t.type)) out.forbidden.push(`${t.type}: ${t.content.slice(0, 60)}`);
      if (t.type === 'link_open') out.links.push(String(t.attrGet('href')));
      if (t.type === 'text' || t.type === 'code_block' || t.type === 'fence') out.texts.push(t.content);
      if (t.type === 'softbreak' || t.type === 'hardbreak') out.texts.push(' ');
      if (t.children) visit(t.children);
    }
  };
  const tokens = md.parse(body, {});
  visit(tokens);
  // Block boundaries as spaces, so texts of neighbouring blocks do not run together.
  out.texts = out.texts.map((t) => ` ${t} `);
  const html = md.render(body);
  for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const tag = m[1]!.toLowerCase();
    const attrs = m[2]!.trim().replace(/\/$/, '').trim();
    if (!ALLOWED_TAGS.has(tag)) out.badTags.push(m[0].slice(0, 80));
    else if (attrs !== '' && !(tag === 'a' && /^href="[^"]*"$/.test(attrs)))
      out.badTags.push(m[0].slice(0, 80));
  }
  return out;
}

function isHttpLink(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

export function expectSafe(markdown: string, maxLinks: number): Read {
  expect(markdown.endsWith('\n') && !markdown.endsWith('\n\n')).toBe(true);
  expect(markdown).not.toMatch(/\r/);
  const { yaml, body } = splitFrontMatter(markdown);
  if (yaml !== null) {
    // A line that could end the front matter early must not be inside it.
    expect(yaml.split('\n').filter((l) => l.trim() === '---')).toEqual([]);
  }
  const r = read(body);
  expect(r.forbidden).toEqual([]);
  expect(r.badTags).toEqual([]);
  expect(r.links.filter((h) => !isHttpLink(h))).toEqual([]);
  expect(r.links.length).toBeLessThanOrEqual(maxLinks);
  return r;
}

export function frontMatterOf(markdown: string): Record<string, unknown> {
  const { yaml } = splitFrontMatter(markdown);
  expect(yaml).not.toBeNull();
  return load(yaml!) as Record<string, unknown>;
}
