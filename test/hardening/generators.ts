// fast-check arbitraries for hostile and odd pages: random trees of the tags
// real articles use, text in many scripts with the characters that trip text
// code up, random head metadata, and mutations of the saved fixture pages.

import fc from 'fast-check';

/** Text that must never come out of the extractor: it sits only in script, style and svg bodies. */
export const HIDDEN_SENTINEL = 'ZqxHiddenSentinel';

/** Words chosen for what they do to question, label and speaker rules and to text handling. */
const WORDS = [
  'What',
  'How',
  'did',
  'you',
  'join',
  'Pinterest',
  'engineering',
  'team',
  'the',
  'and',
  'answer',
  'question',
  '?',
  '？',
  '؟',
  ':',
  '：',
  'Q:',
  'A:',
  'Q1.',
  'Question:',
  'Answer:',
  'Q -',
  'A.',
  'Name:',
  'Role:',
  'Team / Location:',
  'Behnam Rezaei:',
  'To learn more',
  'Thanks to',
  'Acknowledgements',
  'Location:',
  '“quoted”',
  '—',
  '…',
  // RTL, CJK, emoji, combining marks
  'ما',
  'هو',
  'عملك',
  'سؤال؟',
  'מה',
  'שאלה?',
  'עבודה',
  '你好',
  '工作',
  '为什么？',
  'インタビュー',
  'なぜ？',
  '한국어',
  '😀',
  '👩🏽‍💻',
  '🇫🇷',
  'e\u0301',
  'a\u0308\u0323',
  'ﷺ',
  // invisible and bidi controls
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u061C',
  '\u00A0',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\u00AD',
  '\t',
  '\n',
  // markup-looking text (escaped when it goes into HTML)
  '<b>',
  '</p>',
  '&amp;',
  '&lt;',
  '&#0;',
  '&',
  '<',
  '>',
  '"',
  "'",
  '*',
  '_',
  '#',
  '`',
  '[x](javascript:alert(1))',
  '---',
];

export const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 4 }) },
);

/** A run of words with random separators, possibly empty. */
export const pageText = fc
  .array(fc.tuple(word, fc.constantFrom(' ', '', ' ', '\n', '  ')), { maxLength: 14 })
  .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeHtml(s).replace(/"/g, '&quot;');
}

const CONTAINER_TAGS = [
  'div',
  'section',
  'article',
  'main',
  'nav',
  'footer',
  'aside',
  'header',
  'figure',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'td',
  'th',
  'dl',
  'dt',
  'dd',
  'span',
  'p',
] as const;
const TEXT_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'strong',
  'b',
  'em',
  'i',
  'a',
  'li',
  'pre',
  'code',
  'figcaption',
  'span',
  'dt',
] as const;

const ATTRIBUTES = [
  'class="comments"',
  'class="related-posts"',
  'class="post-body"',
  'class="byline"',
  'class="hidden-xs"',
  'class="pw-post-body-paragraph"',
  'hidden',
  'aria-hidden="true"',
  'role="heading" aria-level="3"',
  'role="navigation"',
  'style="display:none"',
  'style="font-weight:700"',
  'style="font-style:italic"',
  'dir="rtl"',
  'dir="auto"',
  'lang="ar"',
  'href="#q1"',
  'href="https://example.org/other"',
  'href="javascript:alert(1)"',
  'itemprop="articleBody"',
  'id="footer"',
  'onclick="alert(1)"',
  'data-interview-highlights-ui',
];

export interface HtmlNode {
  html: string;
}

const attrs = fc.subarray(ATTRIBUTES, { maxLength: 2 }).map((a) => (a.length ? ` ${a.join(' ')}` : ''));

const leafText = pageText.map(escapeHtml);

/** Leaves that are not plain text: raw-text elements, voids and foreign content. */
const specialLeaf = fc.oneof(
  pageText.map(
    (t) => `<script>var s = "${HIDDEN_SENTINEL}"; // ${escapeHtml(t).replace(/<\//g, '')}</script>`,
  ),
  fc.constant(`<style>.x::after{content:"${HIDDEN_SENTINEL}"}</style>`),
  fc.constant(
    `<svg viewBox="0 0 10 10"><text>${HIDDEN_SENTINEL}</text><title>${HIDDEN_SENTINEL}</title></svg>`,
  ),
  fc.constant(`<template><h2>${HIDDEN_SENTINEL}?</h2></template>`),
  fc.constant(`<noscript>${HIDDEN_SENTINEL}</noscript>`),
  fc.constant('<br>'),
  fc.constant('<br/><br/>'),
  fc.constant('<hr>'),
  fc.constant('<img src="x" alt="What is this?">'),
  pageText.map((t) => `<iframe srcdoc="<h2>${escapeAttr(t)}?</h2>"></iframe>`),
  pageText.map((t) => `<!-- ${escapeHtml(t).replace(/--/g, '')} -->`),
  pageText.map((t) => `<![CDATA[${escapeHtml(t)}]]>`),
);

/** A random element tree, as HTML. */
export const htmlTree: fc.Arbitrary<string> = fc.letrec<{
  node: string;
  element: string;
  textElement: string;
}>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: leafText },
    { weight: 3, arbitrary: tie('textElement') },
    { weight: 1, arbitrary: specialLeaf },
    { weight: 3, arbitrary: tie('element') },
  ),
  textElement: fc
    .tuple(
      fc.constantFrom(...TEXT_TAGS),
      attrs,
      fc.array(fc.oneof(leafText, leafText, tie('textElement'), specialLeaf), { maxLength: 3 }),
    )
    .map(([tag, a, kids]) => `<${tag}${a}>${kids.join('')}</${tag}>`),
  element: fc
    .tuple(fc.constantFrom(...CONTAINER_TAGS), attrs, fc.array(tie('node'), { maxLength: 6 }), fc.boolean())
    .map(([tag, a, kids, closed]) => `<${tag}${a}>${kids.join('')}${closed ? `</${tag}>` : ''}`),
})).element;

/** Q&A-shaped stretches, so the generated pages often reach the section logic, not just the block walk. */
export const qaRun: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('h2', 'h3', 'p-bold', 'p-q', 'dt'),
    fc.array(
      fc.tuple(
        pageText,
        fc.constantFrom('?', '？', '؟', ':', ''),
        fc.array(fc.oneof(pageText.map(escapeHtml), htmlTree), { maxLength: 3 }),
      ),
      {
        minLength: 1,
        maxLength: 5,
      },
    ),
  )
  .map(([form, items]) =>
    items
      .map(([q, mark, answer]) => {
        const question = escapeHtml(q) + mark;
        const body = answer.map((a) => `<p>${a}</p>`).join('');
        switch (form) {
          case 'p-bold':
            return `<p><strong>${question}</strong></p>${body}`;
          case 'p-q':
            return `<p>Q: ${question}<br>A: ${answer[0] ?? ''}</p>${body}`;
          case 'dt':
            return `<dl><dt>${question}</dt><dd>${body}</dd></dl>`;
          default:
            return `<${form}>${question}</${form}>${body}`;
        }
      })
      .join(''),
  );

const META = fc.oneof(
  pageText.map((t) => `<meta property="og:title" content="${escapeAttr(t)}">`),
  pageText.map((t) => `<meta name="author" content="${escapeAttr(t)}">`),
  fc.constantFrom(
    '<meta property="article:published_time" content="2023-02-31T10:00:00Z">',
    '<meta property="article:published_time" content="not a date">',
    '<meta property="article:published_time" content="99999-01-01">',
    '<meta name="date" content="Feb 29, 2023">',
    '<meta property="og:site_name" content="Medium">',
    '<link rel="canonical" href="javascript:alert(1)">',
    '<link rel="canonical" href="data:text/html,<b>x</b>">',
    '<link rel="canonical" href="http://[::1">',
    '<link rel="canonical" href="/relative/path?utm_source=x#frag">',
    '<link rel="canonical" href="https://medium.com/pinterest-engineering/some-post-123">',
    '<script type="application/ld+json">{"@type":"Article","headline":{"x":1},"author":[{"name":5},"A"],"datePublished":42}</script>',
    '<script type="application/ld+json">{"@graph":[{"@graph":[{"@graph":[{"@graph":[{"@type":"Article","headline":"deep"}]}]}]}]}</script>',
    '<script type="application/ld+json">[{"@type":["BlogPosting","Thing"],"author":{"name":"  "},"publisher":null}]</script>',
    '<script type="application/ld+json">{"@type":"Article", broken</script>',
    '<script type="application/ld+json">null</script>',
    `<script type="application/ld+json">${'['.repeat(3000)}${']'.repeat(3000)}</script>`,
  ),
);

/** A whole generated page: random head metadata, then chrome, article text and Q&A runs in random order. */
export const generatedPage: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(META, { maxLength: 4 }),
    pageText,
    fc.array(fc.oneof(htmlTree, qaRun), { minLength: 1, maxLength: 5 }),
    fc.constantFrom('article', 'main', 'div', 'section', ''),
    fc.constantFrom('', ' dir="rtl"', ' lang="zh"'),
  )
  .map(([meta, title, parts, wrapper, dir]) => {
    const body = parts.join('');
    const wrapped = wrapper
      ? `<${wrapper}><h1>${escapeHtml(title)}</h1>${body}</${wrapper}>`
      : `<h1>${escapeHtml(title)}</h1>${body}`;
    return `<!doctype html><html${dir}><head><title>${escapeHtml(title)}</title>${meta.join('')}</head><body>${wrapped}</body></html>`;
  });

// ---- Mutations of saved pages ----

/** Tag spans in the HTML: [start, end) of each start tag, end tag or comment. */
export function tagSpans(html: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /<\/?[a-zA-Z][^>]*>|<!--[\s\S]*?-->/g;
  for (let m = re.exec(html); m; m = re.exec(html)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** One edit to an HTML string, expressed on positions picked as fractions so it fits any page. */
export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete-tag'; tag: number }
  | { kind: 'delete-range'; from: number; to: number }
  | { kind: 'duplicate-range'; from: number; to: number }
  | { kind: 'swap-ranges'; a: number; b: number; len: number }
  | { kind: 'inject'; at: number; html: string };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const INJECTIONS = fc.oneof(
  htmlTree,
  qaRun,
  specialLeaf,
  fc.constantFrom(
    '<h2>',
    '</h2>',
    '</article>',
    '<article>',
    '</body>',
    '<table>',
    '<pre>',
    '<li>',
    '</div></div></div>',
    '<p><b>',
    '<h2>What now?</h2>',
    '<p><strong>Why?</strong></p>',
    '<!--',
    '<script>',
    '<style>',
    '<textarea>',
    '<plaintext>',
    '<xmp>',
    '<svg>',
    '<math>',
    '<frameset>',
    '<base href="javascript:alert(1)//">',
    '<template>',
    '\u0000',
    '&#0;',
    '&#xD800;',
  ),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((at) => ({ kind: 'truncate' as const, at })),
  fraction.map((tag) => ({ kind: 'delete-tag' as const, tag })),
  fc
    .tuple(fraction, fc.double({ min: 0, max: 0.05, noNaN: true }))
    .map(([from, len]) => ({ kind: 'delete-range' as const, from, to: from + len })),
  fc
    .tuple(fraction, fc.double({ min: 0, max: 0.05, noNaN: true }))
    .map(([from, len]) => ({ kind: 'duplicate-range' as const, from, to: from + len })),
  fc
    .tuple(fraction, fraction, fc.double({ min: 0, max: 0.03, noNaN: true }))
    .map(([a, b, len]) => ({ kind: 'swap-ranges' as const, a, b, len })),
  fc.tuple(fraction, INJECTIONS).map(([at, html]) => ({ kind: 'inject' as const, at, html })),
);

/** Snaps a character position to the nearest tag boundary, so ranges cut whole elements' worth of markup more often than not. */
function snap(spans: [number, number][], pos: number): number {
  if (spans.length === 0) return pos;
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![0] < pos) lo = mid + 1;
    else hi = mid;
  }
  return spans[lo]![0];
}

export function applyMutation(html: string, m: Mutation): string {
  const n = html.length;
  const spans = tagSpans(html);
  const at = (f: number): number => Math.min(n, Math.floor(f * n));
  switch (m.kind) {
    case 'truncate':
      return html.slice(0, at(m.at));
    case 'delete-tag': {
      const s = spans[Math.floor(m.tag * spans.length)];
      return s ? html.slice(0, s[0]) + html.slice(s[1]) : html;
    }
    case 'delete-range': {
      const a = snap(spans, at(m.from));
      const b = Math.max(a, snap(spans, at(m.to)));
      return html.slice(0, a) + html.slice(b);
    }
    case 'duplicate-range': {
      const a = snap(spans, at(m.from));
      const b = Math.max(a, snap(spans, at(m.to)));
      return html.slice(0, b) + html.slice(a, b) + html.slice(b);
    }
    case 'swap-ranges': {
      const len = Math.floor(m.len * n);
      let a = snap(spans, at(m.a));
      let b = snap(spans, at(m.b));
      if (a > b) [a, b] = [b, a];
      const aEnd = Math.min(a + len, b);
      const bEnd = Math.min(b + (aEnd - a), n);
      return (
        html.slice(0, a) + html.slice(b, bEnd) + html.slice(aEnd, b) + html.slice(a, aEnd) + html.slice(bEnd)
      );
    }
    case 'inject': {
      const p = at(m.at);
      return html.slice(0, p) + m.html + html.slice(p);
    }
  }
}
