// @vitest-environment happy-dom
// Odd pages: markup nested 10,000 deep, frames, shadow DOM, right-to-left and
// CJK interviews. extractInterview never throws by design (it answers "not an
// interview" instead), so each test also checks that the answer is the right
// one, or a swallowed crash would pass unnoticed.

import { describe, expect, it } from 'vitest';
import { anchorSelectors, buildTextIndex, describeOffsets } from '../../src/anchor';
import { extractInterview, findArticleRoot } from '../../src/extract';
import { collectBlocks } from '../../src/extract/blocks';
import { parseHtml, timed } from './dom';
import { interviewProblems } from './shape';

const URL_ = 'https://example.org/odd';

function qa(form: 'h2' | 'bold', items: [string, string][]): string {
  return items
    .map(([q, a]) => (form === 'h2' ? `<h2>${q}</h2><p>${a}</p>` : `<p><strong>${q}</strong></p><p>${a}</p>`))
    .join('');
}

const LATIN: [string, string][] = [
  ['What brought you to the team?', 'A friend told me about the work on recommendations.'],
  ['What do you work on now?', 'I build the systems that rank what people see first.'],
  ['What would you tell a new engineer?', 'Ask questions early and often, and write things down.'],
];

function extracted(html: string) {
  const doc = parseHtml(html);
  const iv = extractInterview(doc, URL_);
  expect(interviewProblems(iv, URL_)).toEqual([]);
  return { doc, iv };
}

function questions(html: string): string[] {
  return extracted(html).iv.sections.map((s) => s.question);
}

describe('deeply nested markup (10,000 levels)', () => {
  const DEPTH = 10_000;

  function nested(open: string, close: string, inner: string): string {
    return `<!doctype html><html><body><article><h1>Deep</h1>${open.repeat(DEPTH)}${inner}${close.repeat(DEPTH)}</article></body></html>`;
  }

  for (const [name, open, close] of [
    ['div', '<div>', '</div>'],
    ['section and blockquote', '<section><blockquote>', '</blockquote></section>'],
    ['span (inline)', '<span>', '</span>'],
  ] as const) {
    it(`reads a Q&A at the bottom of ${DEPTH} levels of ${name} without overflowing the stack`, () => {
      const html = nested(open, close, qa('h2', LATIN));
      const doc = parseHtml(html);
      // The walk itself, so a RangeError shows instead of being swallowed into "not an interview".
      expect(() => collectBlocks(findArticleRoot(doc))).not.toThrow();
      const { value: iv, ms } = timed(() => extractInterview(doc, URL_));
      console.info(`[hardening] ${DEPTH} nested ${name}: extract ${ms.toFixed(0)} ms`);
      expect(interviewProblems(iv, URL_)).toEqual([]);
      expect(iv.sections.map((s) => s.question)).toEqual(LATIN.map(([q]) => q));
      expect(iv.sections[2]!.answer.map((b) => b.text)).toEqual([LATIN[2]![1]]);
    });
  }

  it('indexes and anchors text at the bottom of 10,000 nested divs', () => {
    // A parsed document, not the global one: happy-dom's own removal of a
    // 10,000-deep tree recurses and would overflow in the next test's set-up.
    const doc = parseHtml(
      `${'<div>'.repeat(DEPTH)}<p>The deepest words on the page are here.</p>${'</div>'.repeat(DEPTH)}`,
    );
    const index = buildTextIndex(doc.body);
    expect(index.text).toBe('The deepest words on the page are here.');
    const m = anchorSelectors(index, describeOffsets(index, 4, 18));
    expect(m).toMatchObject({ start: 4, end: 18 });
  });

  it('reads 2,000 levels of nested lists as list items', () => {
    const items = 2000;
    const html = `<!doctype html><html><body><article><h1>Lists</h1>${qa('h2', LATIN.slice(0, 2))}<h2>And the list?</h2>${'<ul><li>item'.repeat(items)}${'</li></ul>'.repeat(items)}</article></body></html>`;
    const { iv } = extracted(html);
    expect(iv.sections).toHaveLength(3);
    const answer = iv.sections[2]!.answer;
    expect(answer.every((b) => b.kind === 'list-item')).toBe(true);
    expect(
      answer
        .map((b) => b.text)
        .join(' ')
        .split('item').length - 1,
    ).toBe(items);
  });
});

describe('frames', () => {
  it('ignores a Q&A inside an iframe srcdoc (another document), and does not throw', () => {
    const inner = qa('h2', LATIN).replace(/"/g, '&quot;');
    const { iv } = extracted(
      `<!doctype html><html><body><article><h1>Framed</h1><p>Intro text.</p><iframe srcdoc="${inner}"></iframe><p>After the frame.</p></article></body></html>`,
    );
    expect(iv.interview).toBe(false);
    expect(iv.sections).toEqual([]);
  });

  it('reads the page Q&A and not the frame one when both are there', () => {
    const frame = qa('h2', [
      ['Frame question one?', 'x'],
      ['Frame question two?', 'y'],
    ]).replace(/"/g, '&quot;');
    const html = `<!doctype html><html><body><article><h1>Both</h1>${qa('h2', LATIN.slice(0, 2))}<iframe srcdoc="${frame}"></iframe>${qa('h2', LATIN.slice(2))}</article></body></html>`;
    expect(questions(html)).toEqual(LATIN.map(([q]) => q));
  });

  it('answers "not an interview" for a frameset page and for frames pointing elsewhere', () => {
    for (const html of [
      '<!doctype html><html><frameset cols="50%,50%"><frame src="https://example.org/a"><frame src="about:blank"></frameset></html>',
      '<!doctype html><html><body><iframe src="https://example.org/interview"></iframe><object data="x.html"></object><embed src="y.html"></body></html>',
    ]) {
      const { iv } = extracted(html);
      expect(iv.interview).toBe(false);
    }
  });
});

describe('shadow DOM', () => {
  it('does not throw on a page whose article holds an open shadow root, and reads the light-DOM Q&A', () => {
    const doc = parseHtml(
      `<!doctype html><html><body><article><h1>Shadow</h1>${qa('h2', LATIN)}<div id="host"></div></article></body></html>`,
    );
    const host = doc.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = qa('h2', [
      ['Shadow question one?', 'inside'],
      ['Shadow question two?', 'also inside'],
    ]);
    const iv = extractInterview(doc, URL_);
    expect(interviewProblems(iv, URL_)).toEqual([]);
    const qs = iv.sections.map((s) => s.question);
    // The light-DOM questions, in order; shadow content may be read or not, but never mixed into them.
    expect(qs.filter((q) => !q.startsWith('Shadow'))).toEqual(LATIN.map(([q]) => q));
  });

  it('does not throw when the whole Q&A sits in a shadow root (custom-element pages)', () => {
    const doc = parseHtml(
      '<!doctype html><html><body><article><h1>Web component</h1><x-post id="host"></x-post></article></body></html>',
    );
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'closed' });
    shadow.innerHTML = qa('h2', LATIN);
    const iv = extractInterview(doc, URL_);
    expect(interviewProblems(iv, URL_)).toEqual([]);
    console.info(
      `[hardening] Q&A only inside a shadow root: ${iv.sections.length} sections read (0 means shadow content is ignored)`,
    );
  });

  it('builds a text index over a page with a shadow host, and keeps declarative shadow roots from breaking extraction', () => {
    document.body.innerHTML = '<p>Before the host.</p><div id="h"></div><p>After the host.</p>';
    document.getElementById('h')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Shadow text.</p>';
    const index = buildTextIndex(document.body);
    expect(index.text).toContain('Before the host.');
    expect(index.text).toContain('After the host.');
    const { iv } = extracted(
      `<!doctype html><html><body><article><h1>Declarative</h1><div><template shadowrootmode="open">${qa('h2', LATIN)}</template></div>${qa('h2', LATIN.slice(0, 2))}</article></body></html>`,
    );
    expect(iv.sections.map((s) => s.question).slice(-2)).toEqual(LATIN.slice(0, 2).map(([q]) => q));
  });
});

describe('right-to-left interviews', () => {
  const ARABIC: [string, string][] = [
    ['كيف بدأت العمل في الشركة؟', 'بدأت العمل قبل ثلاث سنوات في فريق البنية التحتية.'],
    ['ما هو أكثر شيء تحبه في عملك؟', 'أحب العمل مع الفريق وحل المشكلات الصعبة كل يوم.'],
    ['ما نصيحتك للمهندسين الجدد في فريق ML؟', 'اسألوا كثيرا وتعلموا من زملائكم في كل مشروع.'],
  ];
  const HEBREW: [string, string][] = [
    ['איך הגעת לצוות?', 'חבר סיפר לי על העבודה על מערכות ההמלצה.'],
    ['על מה את עובדת היום?', 'אני בונה את המערכות שמדרגות את מה שאנשים רואים.'],
  ];

  it('counts Arabic questions ending in ؟ (headings and bold paragraphs)', () => {
    for (const form of ['h2', 'bold'] as const) {
      const html = `<!doctype html><html dir="rtl" lang="ar"><body><article><h1>مقابلة مع مهندسة</h1><p>مقدمة قصيرة عن المقابلة.</p>${qa(form, ARABIC)}</article></body></html>`;
      const { iv } = extracted(html);
      expect(iv.interview).toBe(true);
      expect(iv.sections.map((s) => s.question)).toEqual(ARABIC.map(([q]) => q));
      expect(iv.sections.map((s) => s.answer.map((b) => b.text).join(' '))).toEqual(ARABIC.map(([, a]) => a));
    }
  });

  it('counts Hebrew questions ending in ? inside dir=rtl', () => {
    const html = `<!doctype html><html dir="rtl" lang="he"><body><article><h1>ראיון</h1>${qa('bold', HEBREW)}</article></body></html>`;
    expect(questions(html)).toEqual(HEBREW.map(([q]) => q));
  });

  it('keeps bidi isolates inside a question and answer as text (mixed-direction names)', () => {
    const items: [string, string][] = [
      ['ما رأيك في \u2068Pinterest Engineering\u2069؟', 'فريق رائع.'],
      ['كيف تستخدم \u2066React\u2069 في عملك؟', 'كل يوم تقريبا.'],
    ];
    const { iv } = extracted(
      `<!doctype html><html dir="rtl"><body><article><h1>عنوان</h1>${qa('h2', items)}</article></body></html>`,
    );
    expect(iv.sections.map((s) => s.question)).toEqual(items.map(([q]) => q));
  });
});

describe('CJK interviews', () => {
  const CHINESE: [string, string][] = [
    ['你是怎么加入这个团队的？', '一位朋友向我介绍了推荐系统方面的工作。'],
    ['你现在主要负责什么？', '我负责构建对内容进行排序的系统。'],
    ['你对新工程师有什么建议？', '尽早提问，经常提问，并把事情记下来。'],
  ];
  const JAPANESE: [string, string][] = [
    ['Q：入社のきっかけは何ですか？', 'A：友人から推薦システムの仕事について聞いたことです。'],
    ['Q：現在はどんな仕事をしていますか？', 'A：表示順位を決めるシステムを作っています。'],
  ];

  it('counts Chinese questions ending in the full-width ？ (headings and bold paragraphs)', () => {
    for (const form of ['h2', 'bold'] as const) {
      const html = `<!doctype html><html lang="zh"><body><article><h1>工程师访谈</h1><p>这是一篇访谈。</p>${qa(form, CHINESE)}</article></body></html>`;
      const { iv } = extracted(html);
      expect(iv.interview).toBe(true);
      expect(iv.sections.map((s) => s.question)).toEqual(CHINESE.map(([q]) => q));
      expect(iv.sections.map((s) => s.answer.map((b) => b.text).join(' '))).toEqual(
        CHINESE.map(([, a]) => a),
      );
    }
  });

  it('counts Japanese "Q：…？" lines with full-width colons and drops the Q/A markers', () => {
    const html = `<!doctype html><html lang="ja"><body><article><h1>エンジニアインタビュー</h1>${JAPANESE.map(([q, a]) => `<p>${q}</p><p>${a}</p>`).join('')}</article></body></html>`;
    const { iv } = extracted(html);
    expect(iv.sections.map((s) => s.question)).toEqual(JAPANESE.map(([q]) => q.replace(/^Q：/, '')));
    expect(iv.sections.map((s) => s.answer.map((b) => b.text).join(' '))).toEqual(
      JAPANESE.map(([, a]) => a.replace(/^A：/, '')),
    );
  });

  it('gives distinct section ids to CJK questions (ids are not built from ASCII alone)', () => {
    const html = `<!doctype html><html><body><article><h1>访谈</h1>${qa('h2', CHINESE)}</article></body></html>`;
    const ids = extracted(html).iv.sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(CHINESE.length);
  });
});
