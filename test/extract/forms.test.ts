// @vitest-environment happy-dom
// The question forms interviews use, each on a small hand-written page.

import { describe, expect, it } from 'vitest';
import { answerText, extract, questions, URL_ } from './page';

describe('"Q:" and "A:" prefixes', () => {
  it('strips both markers, with or without bold, with or without a question mark', () => {
    const iv = extract(`<article><h1>A post</h1><p>We talked to Kim.</p>
      <p><strong>Q: What do you build?</strong></p><p><strong>A:</strong> I build search.</p>
      <p><b>Q:</b> Tell us about your team</p><p>A: Six people, two cities.</p>
      <p>Q: Why now? A: Because the index is ready.</p></article>`);
    expect(iv.interview).toBe(true);
    expect(questions(iv)).toEqual(['What do you build?', 'Tell us about your team', 'Why now?']);
    expect(iv.sections.map((s) => s.answer.map((b) => b.text))).toEqual([
      ['I build search.'],
      ['Six people, two cities.'],
      ['Because the index is ready.'],
    ]);
    expect(iv.sections[0]!.answer[0]!.speaker).toBeUndefined();
    expect(iv.intro.map((b) => b.text)).toEqual(['We talked to Kim.']);
  });
});

describe('bold lead-ins', () => {
  it('splits a bold question from its answer at a line break', () => {
    const iv = extract(`<article><p><b>What is your role?</b><br>I lead the storage team.</p>
      <p><b>What surprised you most?</b><br>How kind people are.<br>And how fast.</p></article>`);
    expect(questions(iv)).toEqual(['What is your role?', 'What surprised you most?']);
    expect(answerText(iv, 0)).toBe('I lead the storage team.');
    expect(answerText(iv, 1)).toBe('How kind people are. And how fast.');
  });

  it('reads whole-bold paragraphs as questions and the paragraphs after them as the answer', () => {
    const iv =
      extract(`<main><p><strong>Where did you grow up?</strong></p><p>In Lisbon.</p><p>Then Porto.</p>
      <p><strong>What do you do on weekends?</strong></p><p>I climb.</p></main>`);
    expect(questions(iv)).toEqual(['Where did you grow up?', 'What do you do on weekends?']);
    expect(iv.sections[0]!.answer.map((b) => b.text)).toEqual(['In Lisbon.', 'Then Porto.']);
  });

  it('takes a bold question running into its answer in the same line', () => {
    const iv = extract(`<article><p><strong>How did you start coding?</strong> On my father's old laptop.</p>
      <p><strong>What would you change first?</strong> The build system.</p></article>`);
    expect(questions(iv)).toEqual(['How did you start coding?', 'What would you change first?']);
    expect(answerText(iv, 0)).toBe("On my father's old laptop.");
  });
});

describe('heading questions', () => {
  const body = `<article><h1>A post</h1><p>Intro paragraph.</p>
    <h2>What does your team own?</h2><p>The feed.</p>
    <h3>Ranking</h3><p>We rank Pins.</p><h3>Serving</h3><p>We serve them.</p>
    <h2>What is next?</h2><p>Video.</p>
    <h2>Acknowledgements</h2><p>Thanks to the whole team.</p></article>`;

  it('keeps lower-ranked sub-headings in the answer and ends an answer at a heading of its rank', () => {
    const iv = extract(body);
    expect(questions(iv)).toEqual(['What does your team own?', 'What is next?']);
    expect(iv.sections[0]!.answer.map((b) => `${b.kind}:${b.text}`)).toEqual([
      'paragraph:The feed.',
      'heading:Ranking',
      'paragraph:We rank Pins.',
      'heading:Serving',
      'paragraph:We serve them.',
    ]);
    expect(iv.sections[1]!.answer.map((b) => b.text)).toEqual(['Video.']);
    expect(iv.intro.map((b) => b.text)).toEqual(['Intro paragraph.']);
  });

  it('does not take a linked heading (a teaser for another page) as a question', () => {
    const iv = extract(`<article><h2>Why did we move to the cloud?</h2><p>Cost.</p>
      <h2><a href="https://example.com/other">How do we test ranking changes?</a></h2><p>Read the other post.</p>
      <h2><a href="#why">Why Kotlin?</a></h2><p>Safety.</p></article>`);
    expect(questions(iv)).toEqual(['Why did we move to the cloud?', 'Why Kotlin?']);
    expect(answerText(iv, 0)).toBe('Cost.');
  });

  it('takes follow-up questions printed in italics right under a question as its sub-questions', () => {
    const iv = extract(`<article><h2>Can you share more about your work?</h2>
      <p><em>What is the goal? What is hard?</em></p><p>We build tools.</p>
      <h2>Anything else?</h2><p><em>Not a question here.</em></p><p>No.</p></article>`);
    expect(iv.sections[0]!.subQuestions).toEqual(['What is the goal? What is hard?']);
    expect(answerText(iv, 0)).toBe('We build tools.');
    expect(iv.sections[1]!.subQuestions).toEqual([]);
    expect(answerText(iv, 1)).toBe('Not a question here. No.');
  });
});

describe('which pages hold a Q&A', () => {
  it('finds an FAQ section in a technical post and ignores the rhetorical heading before it', () => {
    const iv = extract(`<article><h1>A post</h1><h2>Introduction</h2><p>We built a cache.</p>
      <h2>Why not use Redis?</h2><p>Latency.</p><h2>Design</h2><p>Shards.</p>
      <h2>FAQ</h2><h3>Is it open source?</h3><p>Yes.</p><h3>Does it support TTLs?</h3><p>Per key.</p>
      <h3>Where can I ask questions?</h3><p>On the forum.</p><h2>Conclusion</h2><p>Done.</p></article>`);
    expect(iv.interview).toBe(true);
    expect(questions(iv)).toEqual([
      'Is it open source?',
      'Does it support TTLs?',
      'Where can I ask questions?',
    ]);
    expect(answerText(iv, 2)).toBe('On the forum.');
  });

  it('is not an interview when a technical post has one question heading, or question headings apart', () => {
    const one = extract(
      `<article><h2>Introduction</h2><p>Text.</p><h2>Why not use Redis?</h2><p>Latency.</p><h2>Results</h2><p>Fast.</p></article>`,
    );
    expect(one.interview).toBe(false);
    expect(one.sections).toEqual([]);
    const apart = extract(
      `<article><h2>Why rewrite?</h2><p>Old code.</p><h2>Design</h2><p>Shards.</p><h2>What is next?</h2><p>More.</p></article>`,
    );
    expect(apart.interview).toBe(false);
    expect(apart.intro.length).toBeGreaterThan(0);
  });

  it('reads questions in a definition list', () => {
    const iv = extract(
      `<article><dl><dt>What is a Pin?</dt><dd>A saved idea.</dd><dt>What is a board?</dt><dd>A collection of Pins.</dd></dl></article>`,
    );
    expect(questions(iv)).toEqual(['What is a Pin?', 'What is a board?']);
    expect(answerText(iv, 1)).toBe('A collection of Pins.');
  });

  it('ignores question-like text in page chrome', () => {
    const iv = extract(`<nav><h2>What is new?</h2></nav><header><h2>Who are we?</h2></header>
      <main><h1>A post</h1><p>Just one paragraph of text in a post about nothing in particular, long enough to be the article body, with more words after it.</p></main>
      <aside><h2>Why subscribe?</h2><p>News.</p></aside><section class="comments"><h3>Great post?</h3><p>Yes.</p><h3>Another?</h3><p>No.</p></section>
      <form><label>Which teams interest you?</label></form><footer><h2>Need help?</h2><h2>Questions?</h2></footer>`);
    expect(iv.interview).toBe(false);
    expect(iv.intro.map((b) => b.text).join(' ')).not.toMatch(/\?/);
  });
});

describe('answer contents', () => {
  it('moves bold "Name:" labels to the speaker and keeps lists, code and quotes in order', () => {
    const iv = extract(`<article><p><strong>How do you work together?</strong></p>
      <p><strong>Ana Lopez:</strong> We pair a lot.</p><p><strong>Ben Okafor</strong>: Mostly on Tuesdays.</p>
      <ol><li>Plan</li><li>Build</li></ol><ul><li>Ship</li></ul>
      <pre><code>make test\nmake ship</code></pre>
      <blockquote>Pairing saves time.</blockquote>
      <figure><img src="x.png"><figcaption>Figure 1: the team</figcaption></figure>
      <p><strong>What is hard?</strong></p><p><strong>Ana Lopez:</strong> Naming.</p></article>`);
    const a = iv.sections[0]!.answer;
    expect(a.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'list-item',
      'list-item',
      'list-item',
      'code',
      'quote',
    ]);
    expect(a[0]).toEqual({ kind: 'paragraph', text: 'We pair a lot.', speaker: 'Ana Lopez' });
    expect(a[1]).toEqual({ kind: 'paragraph', text: 'Mostly on Tuesdays.', speaker: 'Ben Okafor' });
    expect(a.filter((b) => b.kind === 'list-item').map((b) => b.ordered)).toEqual([true, true, false]);
    expect(a[5]!.text).toBe('make test\nmake ship');
    expect(answerText(iv, 0)).not.toContain('Figure 1');
  });

  it('drops a pull quote that repeats answer text and keeps one that does not', () => {
    const iv =
      extract(`<article><h2>Why search?</h2><p>Nobody expects you to know everything in your first month.</p>
      <blockquote>“Nobody expects you to know everything in your first month.”</blockquote>
      <blockquote>A quote said nowhere else on the page.</blockquote>
      <h2>Why now?</h2><p>Timing.</p></article>`);
    expect(iv.sections[0]!.answer.map((b) => b.kind)).toEqual(['paragraph', 'quote']);
    expect(iv.sections[0]!.answer[1]!.text).toBe('A quote said nowhere else on the page.');
  });

  it('leaves the closing outro out of the last answer', () => {
    const iv =
      extract(`<article><h2>Why Pinterest?</h2><p>The mission.</p><h2>Anything else?</h2><p>Come join us.</p>
      <p>Thanks to Sam for chatting with us.</p><p><em>To learn more about our team, visit </em><a href="https://example.com"><em>our site</em></a><em>.</em></p></article>`);
    expect(iv.sections[1]!.answer.map((b) => b.text)).toEqual(['Come join us.']);
  });

  it('splits several speakers in one paragraph at their labels', () => {
    const iv = extract(
      `<article><p><b>Who starts?</b><br><b>Ana Lopez:</b> Me.<br><b>Ben Okafor:</b> Then me.</p><p><b>Who ends?</b></p><p>Nobody.</p></article>`,
    );
    expect(iv.sections[0]!.answer).toEqual([
      { kind: 'paragraph', text: 'Me.', speaker: 'Ana Lopez' },
      { kind: 'paragraph', text: 'Then me.', speaker: 'Ben Okafor' },
    ]);
  });
});

describe('profile pages', () => {
  const body = `<article><h1>Profile: Mia Chen</h1><h2>Meet Mia Chen, Staff Designer</h2>
    <p><strong>Team / Location:</strong> Design Systems in Toronto, Canada</p><p><strong>Tenure:</strong> 3 years</p>
    <h3>Getting started:</h3><p>I joined in 2021.</p><h3>Best advice:</h3><p>Ask early.</p></article>`;

  it('takes colon headings as prompts on Life at Pinterest, with facts and subject', () => {
    const iv = extract(body, 'https://www.pinterestcareers.com/life-at-pinterest/profile-mia-chen/');
    expect(iv.site).toBe('life-at-pinterest');
    expect(questions(iv)).toEqual(['Getting started', 'Best advice']);
    expect(iv.facts).toEqual([
      { label: 'Team / Location', value: 'Design Systems in Toronto, Canada' },
      { label: 'Tenure', value: '3 years' },
    ]);
    expect(iv.subject).toEqual({
      name: 'Mia Chen',
      role: 'Staff Designer',
      team: 'Design Systems',
      location: 'Toronto, Canada',
      tenure: '3 years',
    });
  });

  it('does not take colon headings as questions on other sites', () => {
    expect(extract(body).interview).toBe(false);
  });
});

describe('metadata', () => {
  it('prefers the page data: canonical link, Open Graph, JSON-LD, article:published_time', () => {
    const head = `<link rel="canonical" href="/blog/a-post?x=1"><meta property="og:title" content="The real title">
      <meta property="article:published_time" content="2021-03-04T23:30:00-08:00">
      <script type="application/ld+json">{"@graph":[{"@type":"BlogPosting","author":[{"@type":"Person","name":"Jo Park"}],"publisher":{"name":"Example Blog"}}]}</script>
      <meta property="og:description" content="An interview with Sam Reyes, Head of Data">`;
    const iv = extract('<article><h1>The real title</h1><p>Hello there.</p></article>', URL_, head);
    expect(iv.canonicalUrl).toBe('https://example.com/blog/a-post?x=1');
    expect(iv.title).toBe('The real title');
    expect(iv.author).toBe('Jo Park');
    expect(iv.publication).toBe('Example Blog');
    expect(iv.published).toBe('2021-03-04');
    expect(iv.subject).toEqual({ name: 'Sam Reyes', role: 'Head of Data' });
    expect(iv.intro.map((b) => b.text)).toEqual(['Hello there.']);
  });

  it('reads Medium byline elements when there is no structured data', () => {
    const head = '<meta property="al:android:app_name" content="Medium">';
    const iv = extract(
      `<article><h1 data-testid="storyTitle">T</h1><p><a data-testid="authorName" href="/@x">Rae Kim</a></p>
      <p><span>Published in</span> <a data-testid="publicationName" href="/pinterest-engineering">Pinterest Engineering Blog</a></p>
      <span data-testid="storyPublishDate">Mar 7, 2022</span><p>Body text.</p></article>`,
      'https://medium.com/pinterest-engineering/t-123',
      head,
    );
    expect(iv.site).toBe('pinterest-engineering-blog');
    expect(iv.author).toBe('Rae Kim');
    expect(iv.publication).toBe('Pinterest Engineering Blog');
    expect(iv.published).toBe('2022-03-07');
    expect(iv.intro.map((b) => b.text)).toEqual(['Body text.']);
  });
});
