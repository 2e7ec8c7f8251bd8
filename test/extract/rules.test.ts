// @vitest-environment happy-dom
// Rules the labelled pages do not tell apart, each pinned on a made-up page:
// StrykerJS changed them without any fixture or real page noticing (issue 11).

import { describe, expect, it } from 'vitest';
import { sameSpeaker } from '../../src/extract/speakers';
import { extract, questions, URL_ } from './page';

describe('sameSpeaker', () => {
  it('takes initials for the full name they abbreviate, with or without dots, either way round', () => {
    expect(sameSpeaker('K.M.', 'Kwame Mensah')).toBe(true);
    expect(sameSpeaker('Kwame Mensah', 'KM')).toBe(true);
    expect(sameSpeaker('km', 'Kwame Mensah')).toBe(true);
    expect(sameSpeaker('J.P.S.', 'Jean Paul Sartre')).toBe(true);
  });

  it('does not take initials for another name, for a one-word name, or for part of the initials', () => {
    expect(sameSpeaker('K.M.', 'Kim Lee')).toBe(false);
    expect(sameSpeaker('KM', 'Kwame')).toBe(false);
    expect(sameSpeaker('KM', 'Kwame Ato Mensah')).toBe(false);
    expect(sameSpeaker('K', 'Kwame Mensah')).toBe(false);
    // Initials are two or three letters; four are a word.
    expect(sameSpeaker('ABCD', 'Anna Bea Cole Dunn')).toBe(false);
  });

  it('takes a first or last name, or a title and surname, for the full name, and nothing in between', () => {
    expect(sameSpeaker('Mensah', 'Kwame Mensah')).toBe(true);
    expect(sameSpeaker('Kwame', 'Kwame Mensah')).toBe(true);
    expect(sameSpeaker('Dr. Mensah', 'Kwame Mensah')).toBe(true);
    expect(sameSpeaker('Ato', 'Kwame Ato Mensah')).toBe(false);
    expect(sameSpeaker('Kwame Mensah', 'Kwame Ato Mensah')).toBe(false);
    expect(sameSpeaker('Ana Torres', 'Ana Lopez')).toBe(false);
  });
});

describe('question headings in their own wrappers', () => {
  /** Two questions in the article's flow, then two each wrapped as `wrap` wraps them. */
  const potter = (wrap: (heading: string) => string) =>
    questions(
      extract(`<article><h1>The potter</h1>
      <h2>How did you start?</h2><p>In my aunt's shed.</p>
      <h2>What do you make now?</h2><p>Mostly bowls.</p>
      ${wrap('<h2>Who taught you?</h2>')}<p>My aunt, mostly by watching.</p>
      ${wrap('<h2>What comes next?</h2>')}<p>A bigger kiln.</p></article>`),
    );
  const all = ['How did you start?', 'What do you make now?', 'Who taught you?', 'What comes next?'];

  it('keeps questions that each stand in a wrapper of their own beside questions in the flow', () => {
    expect(potter((h) => `<section>${h}</section>`)).toEqual(all);
    expect(potter((h) => `<div>${h}</div>`)).toEqual(all);
  });

  it('keeps questions set in a list, which is no box, beside questions in the flow', () => {
    expect(potter((h) => `<ul><li>${h}</li></ul>`)).toHaveLength(4);
  });
});

describe('how long a question may be', () => {
  const pageWith = (long: string) =>
    extract(`<article><h1>The potter</h1>
      <p><strong>How did you start?</strong></p><p>In my aunt's shed.</p>
      <p><strong>What do you make now?</strong></p><p>Mostly bowls.</p>
      <p><strong>${long}</strong></p><p>That is a long question, but yes.</p></article>`);
  const asking = (n: number) => `${'And so '.repeat(Math.ceil(n / 7)).slice(0, n - 1)}?`;

  it('takes a bold question of up to 400 characters, not longer', () => {
    expect(asking(400)).toHaveLength(400);
    expect(questions(pageWith(asking(400)))).toHaveLength(3);
    expect(questions(pageWith(asking(401)))).toHaveLength(2);
  });
});

describe('choosing the article', () => {
  const interview = `<h2>How did you start?</h2><p>In my aunt's shed, where she let me break everything she had made that year.</p>
      <h2>What do you make now?</h2><p>Mostly bowls, and the odd teapot for friends who ask nicely and wait a year.</p>
      <h2>What comes next?</h2><p>A bigger kiln, and maybe a second shed when the first one finally falls down.</p>`;

  it('passes over an articleBody too short to hold the text for the page around it', () => {
    const iv = extract(
      `<main><h1>The potter</h1><div itemprop="articleBody"><p>Photos: the shed.</p></div>${interview}</main>`,
    );
    expect(questions(iv)).toHaveLength(3);
  });

  it('passes over a lone <article> too short to hold the text (a card), for the page around it', () => {
    const iv = extract(
      `<main><h1>The potter</h1><article><p>Read next: the glazier.</p></article>${interview}</main>`,
    );
    expect(questions(iv)).toHaveLength(3);
  });
});

describe('preformatted answers', () => {
  it('keeps a bare <pre>, and the old <xmp> and <listing>, as code with their line breaks', () => {
    for (const tag of ['pre', 'xmp', 'listing']) {
      const iv = extract(`<article><h2>How do you ship?</h2><${tag}>make test\nmake ship</${tag}>
        <h2>What is hard?</h2><p>Naming.</p></article>`);
      expect(iv.sections[0]!.answer, tag).toEqual([{ kind: 'code', text: 'make test\nmake ship' }]);
    }
  });
});

describe('the publication', () => {
  const head = (publisher: string, site: string) =>
    `<meta property="og:site_name" content="${site}">
     <script type="application/ld+json">{"@type":"BlogPosting","publisher":{"name":"${publisher}"}}</script>`;
  const publication = (publisher: string, site: string) =>
    extract('<article><h1>A post</h1><p>Hello there.</p></article>', URL_, head(publisher, site)).publication;

  it('is not Medium, the host, whether the page data or the site name says so', () => {
    expect(publication('Medium', 'Example Blog')).toBe('Example Blog');
    expect(publication('Example Blog', 'Medium')).toBe('Example Blog');
    expect(publication('medium', 'Medium')).toBeNull();
  });

  it('may hold the word Medium', () => {
    expect(publication('Medium Rare Review', 'Medium')).toBe('Medium Rare Review');
    expect(publication('The Medium', 'Medium')).toBe('The Medium');
  });
});

describe('the publication day from the page data', () => {
  const published = (ld: string) =>
    extract(
      '<article><h1>A post</h1><p>Hello there.</p></article>',
      URL_,
      `<script type="application/ld+json">{"@type":"BlogPosting",${ld}}</script>`,
    ).published;

  it('is datePublished, else dateCreated', () => {
    expect(published('"datePublished":"2021-03-04","dateCreated":"2020-01-01"')).toBe('2021-03-04');
    expect(published('"dateCreated":"2020-01-02"')).toBe('2020-01-02');
  });
});

describe('a bold first question before heading questions', () => {
  const pageWith = (answer: string[], before = '') =>
    extract(`<article>${before}<p><strong>How did you start?</strong></p>${answer.map((p) => `<p>${p}</p>`).join('')}
      <h2>What do you make now?</h2><p>Mostly bowls.</p>
      <h2>What comes next?</h2><p>A bigger kiln.</p></article>`);
  const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `Part ${i + 1} of how it began.`);

  it('is the first question when up to four answer paragraphs stand between it and the headings, also as the first block', () => {
    expect(questions(pageWith(paragraphs(4)))[0]).toBe('How did you start?');
    expect(questions(pageWith(paragraphs(1)))).toHaveLength(3);
  });

  it('is not when five stand between, or none', () => {
    expect(questions(pageWith(paragraphs(5)))).toEqual(['What do you make now?', 'What comes next?']);
    expect(questions(pageWith([]))).toEqual(['What do you make now?', 'What comes next?']);
  });

  it('does not count a caption paragraph between as an answer paragraph', () => {
    const iv = pageWith([
      ...paragraphs(4),
      '</p><div class="wp-caption"><img src="a.jpg" alt="The shed"><p class="wp-caption-text">The shed in 1998.</p></div><p>',
    ]);
    expect(questions(iv)[0]).toBe('How did you start?');
  });
});

describe('a transcript', () => {
  it("takes the paragraph after the interviewer's label line as the turn, not a paragraph after a turn that had text", () => {
    const iv = extract(`<article><h1>Blog interview</h1>
      <div><b>Sunny:</b></div><div><i>Your book is out in May. Where did the idea come from?</i></div>
      <div><b>Mara:</b></div><div><i>From a dream. Really.</i></div>
      <div><b>Sunny:</b> <i>Tell us about the second book!</i></div><div><i>Is it done?</i></div>
      <div><b>Mara:</b></div><div><i>It is half written. Is that enough?</i></div>
      <div><b>Sunny:</b></div><div><i>How do you find the time?</i></div>
      <div><b>Mara:</b></div><div><i>Early mornings.</i></div></article>`);
    expect(questions(iv)).toEqual([
      'Your book is out in May. Where did the idea come from?',
      'Tell us about the second book!',
      'How do you find the time?',
    ]);
  });
});
