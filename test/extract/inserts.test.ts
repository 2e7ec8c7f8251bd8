// @vitest-environment happy-dom
// What sits inside or after answers without being the interviewee's words (issue
// 14): captions, pull quotes, related boxes, card carousels, and chrome shaped
// like a question. Each on a made-up page, in English and in another language.

import { describe, expect, it } from 'vitest';
import { answers, extract, questions } from './page';

describe('inserts inside answers', () => {
  it('leaves out figure captions, WordPress caption paragraphs and image credits, and goes on after them (English)', () => {
    const iv = extract(`<article><h1>The potter</h1>
      <h2>How did you start?</h2><p>In my aunt's shed.</p>
      <figure><img src="a.jpg" alt="The shed"><figcaption>The shed in 1998.</figcaption></figure>
      <p>She let me break everything.</p>
      <h2>What do you make now?</h2>
      <div class="wp-caption"><img src="b.jpg" alt="Bowls"><p class="wp-caption-text">Bowls drying in the sun.</p></div>
      <p>Mostly bowls.</p>
      <p class="photo"><img src="c.jpg" alt="A kiln at night"><span>A kiln at night</span></p>
      <p>And the odd teapot.</p></article>`);
    expect(answers(iv)).toEqual([
      "In my aunt's shed. She let me break everything.",
      'Mostly bowls. And the odd teapot.',
    ]);
  });

  it('leaves out a pull quote repeating the answer with its punctuation changed (French)', () => {
    const iv = extract(`<article><h1>Entretien</h1>
      <h3>Pourquoi la céramique ?</h3><p>Il y a d’abord le poids de la terre. Ensuite, le feu.</p>
      <figure class="wp-block-pullquote"><blockquote><p>Il y a, d’abord, le poids de la terre.</p><cite>Marie Durand</cite></blockquote></figure>
      <p>Le reste vient seul.</p>
      <h3>Et demain ?</h3><p>Encore des bols.</p></article>`);
    expect(answers(iv)[0]).toBe('Il y a d’abord le poids de la terre. Ensuite, le feu. Le reste vient seul.');
  });

  it("leaves out a related box with its own heading, and a card carousel with headings of the questions' rank, and goes on after them (English)", () => {
    const iv = extract(`<article><h1>On the road</h1>
      <h2>Why trucks?</h2><p>My father drove one.</p>
      <div class="box"><h3>More on trucking</h3><ul><li><a href="/a">Ten routes to drive</a></li><li><a href="/b">The last diner</a></li></ul></div>
      <p>I took over his route.</p>
      <h2>Is it lonely?</h2><p>Sometimes.</p>
      <div class="carousel"><div class="card"><h2>Can trucks go electric?</h2><p>Our test drive.</p></div>
      <div class="card"><a href="/c"><h2>Are roads safer now?</h2></a></div>
      <div class="card"><h2>Who fixes the roads?</h2><p>A visit to the depot.</p></div></div>
      <p>But the radio helps.</p>
      <h2>What next?</h2><p>Retirement, one day.</p></article>`);
    expect(questions(iv)).toEqual(['Why trucks?', 'Is it lonely?', 'What next?']);
    expect(answers(iv)).toEqual([
      'My father drove one. I took over his route.',
      'Sometimes. But the radio helps.',
      'Retirement, one day.',
    ]);
  });

  it('leaves out a "Zum Thema" box of links and a bio box after the last answer (German)', () => {
    const iv = extract(`<article><h1>Interview</h1>
      <h3>Warum Brot?</h3><div class="links"><span>Zum Thema</span><ul><li><a href="/x">Bäcker in Not?</a></li></ul></div>
      <p>Weil es jeder isst.</p>
      <h3>Und morgen?</h3><p>Mehr Roggen.</p>
      <div class="kasten"><p><b>Eva Klein</b>, Jahrgang 1970, ist Bäckerin in Kassel.</p><p>Sie backt seit 30 Jahren.</p></div></article>`);
    expect(answers(iv)).toEqual(['Weil es jeder isst.', 'Mehr Roggen.']);
  });

  it("ends the answers at a rule before the publisher's outro", () => {
    const iv = extract(`<article><h1>Seven questions</h1><p>WHO WINS?</p><p>Nobody knows.</p><p>___</p>
      <p>WHO LOSES?</p><p>The voters.</p><p>___</p><p>WHAT THEN?</p><p>A recount.</p><hr>
      <p>Catch up on the campaign with our weekly podcast.</p></article>`);
    expect(questions(iv)).toEqual(['WHO WINS?', 'WHO LOSES?', 'WHAT THEN?']);
    expect(answers(iv)[2]).toBe('A recount.');
  });

  it("ends an answer at the interviewer's thanks and the credit, and at an italic closing line (German, English)", () => {
    const de =
      extract(`<article><h1>Interview</h1><h6>Wie fing es an?</h6><p>Klein.</p><h6>Und heute?</h6><p>Groß.</p>
      <p>Vielen Dank für das interessante Gespräch!</p><p><strong>Weiterführende Links:</strong></p><p>Die Webseite des Betriebs</p></article>`);
    expect(answers(de)[1]).toBe('Groß.');
    const en =
      extract(`<article><h2>Why Lisbon?</h2><p>The light.</p><h2>Why stay?</h2><p>The people.</p><p>And the coffee.</p>
      <p><em>Dana Ortiz spoke to us from her studio in May.</em></p></article>`);
    expect(answers(en)[1]).toBe('The people. And the coffee.');
    // An answer that is all italic stays: it is the answer, not an outro.
    const only = extract(
      `<article><h2>Why Lisbon?</h2><p>The light.</p><h2>Why stay?</h2><p><em>The people.</em></p></article>`,
    );
    expect(answers(only)[1]).toBe('The people.');
  });
});

describe('chrome shaped like a question', () => {
  it('is not taken for questions, nor kept in the last answer (English)', () => {
    const iv = extract(`<article><h1>Meet the brewer</h1><p>By Sam Hart</p>
      <p><b>How did you start brewing?</b></p><p>In a bathtub, badly.</p>
      <p><b>WATCH: Dana Ortiz on her first batch</b></p>
      <p><b>What is your best beer?</b></p><p>The next one.</p>
      <p><b><i>Thanks for reading! What did you think of this interview?</i></b></p><ul><li>Loved it</li><li>Meh</li></ul>
      <p><b>Want more stories like this?</b></p><p><a href="/newsletter">Sign up for our newsletter</a></p>
      <p><b>Most popular</b></p><p><a href="/x">A story about hops</a></p>
      <p>Sam Hart is a staff writer at the Gazette. Want to know more about his work? Follow him online.</p></article>`);
    expect(questions(iv)).toEqual(['How did you start brewing?', 'What is your best beer?']);
    expect(answers(iv)).toEqual(['In a bathtub, badly.', 'The next one.']);
    expect(iv.author).toBe('Sam Hart');
  });

  it('is not taken for questions in Spanish and German either', () => {
    const es = extract(`<article><h1>Entrevista</h1><p><b>¿Cómo empezó?</b></p><p>Por casualidad.</p>
      <p><b>LE PUEDE INTERESAR: ¿Quién ganará la liga?</b></p>
      <p><b>¿Y ahora?</b></p><p>A descansar.</p><p><b>¿Te gustó esta entrevista?</b></p><p><a href="/s">Suscríbete</a></p></article>`);
    expect(questions(es)).toEqual(['¿Cómo empezó?', '¿Y ahora?']);
    expect(answers(es)[1]).toBe('A descansar.');
    const de = extract(`<article><h1>Interview</h1><h2>Warum?</h2><p>Darum.</p><h2>Wieso?</h2><p>Deshalb.</p>
      <p>Lust auf mehr? Jetzt den Newsletter abonnieren!</p></article>`);
    expect(answers(de)[1]).toBe('Deshalb.');
  });
});
