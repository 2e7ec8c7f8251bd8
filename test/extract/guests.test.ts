// @vitest-environment happy-dom
// Who is interviewed, where the page's own data does not say (issue 14): named
// in prose ("we sat down with NAME, ROLE", "a Q&A with NAME, founder of X",
// "an interview with NAME, author of …", "une conversation avec NAME", "Im
// Gespräch: ROLE NAME"), in a headline quoting them, by the interviewer's
// address, or in schema.org markup; and the author line of a profile page.

import { describe, expect, it } from 'vitest';
import { extract } from './page';

const qa = `<h2>How did it start?</h2><p>By accident.</p><h2>What is next?</h2><p>More of the same.</p>`;

describe('the interviewee named in prose', () => {
  it('reads "we sat down with NAME, ROLE", "a Q&A with NAME, founder of X" and "an interview with NAME, author of …"', () => {
    expect(
      extract(
        `<article><h1>Shop talk</h1><p>This week we sat down with Dana Ortiz, head of design at Acme, to talk about type.</p>${qa}</article>`,
      ).subject,
    ).toEqual({
      name: 'Dana Ortiz',
      role: 'head of design at Acme',
    });
    expect(
      extract(`<article><h1>Founders</h1><p>A Q&amp;A with Sam Lee, founder of Oyster Co.</p>${qa}</article>`)
        .subject,
    ).toEqual({
      name: 'Sam Lee',
      role: 'founder of Oyster Co',
    });
    expect(
      extract(
        `<article><h1>Books</h1><p>Read an interview with Mara Quist, author of “The Salt Road”, below.</p>${qa}</article>`,
      ).subject,
    ).toEqual({ name: 'Mara Quist', role: 'author of “The Salt Road”' });
  });

  it('reads the same forms in French, German and Spanish, the role word before a German name left out', () => {
    const fr = extract(
      `<article><h1>Migrations</h1>${qa}</article>`,
      'https://example.fr/a',
      '<meta property="og:description" content="Nous publions une conversation avec François Durand, l’un des principaux démographes d’Europe.">',
    );
    expect(fr.subject.name).toBe('François Durand');
    const de =
      extract(`<article><p>Im Gespräch: Umweltaktivist Stefan Braun</p><h1>Atomkraft</h1><p>Der Umweltaktivist Stefan Braun hat seine Meinung geändert.</p>
      <h3>Warum der Wandel?</h3><p>Die Zahlen.</p><h3>Und die Risiken?</h3><p>Sind kleiner als gedacht.</p><p>Stefan Braun lebt in Kiel.</p></article>`);
    expect(de.subject.name).toBe('Stefan Braun');
    const es = extract(
      `<article><h1>Fútbol</h1><p>Una entrevista con Andrés Molina, entrenador del Vigo.</p>${qa}</article>`,
    );
    expect(es.subject).toEqual({ name: 'Andrés Molina', role: 'entrenador del Vigo' });
  });

  it('names no one when the introduction names several guests', () => {
    expect(
      extract(`<article><h1>Zwei Gründer</h1><p>Interview mit Lena Weber und Paul Roth</p>${qa}</article>`)
        .subject.name,
    ).toBeUndefined();
  });
});

describe('the interviewee from a headline, an address or the page markup', () => {
  it('reads a headline quoting its guest ("NAME: „…“")', () => {
    const iv = extract(
      `<article><h1>Sheila Amos: „Stärke hat viele Gesichter“</h1><p>Die Schauspielerin Sheila Amos über ihre Rolle.</p>${qa}</article>`,
    );
    expect(iv.subject.name).toBe('Sheila Amos');
  });

  it('reads the name the interviewer addresses, matched to the full name in the standfirst (German, English)', () => {
    const de =
      extract(`<article><h1>Pflege</h1><p>Der Palliativmediziner Gian Paolo Rossi erklärt, was Heime brauchen.</p><p>Gian Paolo Rossi ist Professor in Lausanne.</p>
      <p><b>Herr Professor Rossi, was brauchen die Heime?</b><br>Personal.</p><p><b>Und Geld?</b><br>Auch.</p></article>`);
    expect(de.subject.name).toBe('Gian Paolo Rossi');
    const en =
      extract(`<article><h1>Retail</h1><p>Jan Koval runs the digital side of a chain of sports shops.</p>
      <h6>Jan, what went well?</h6><p>The app.</p><h6>And badly?</h6><p>The kiosks.</p></article>`);
    expect(en.subject.name).toBe('Jan Koval');
  });

  it('reads a schema.org Person in the article, with its job title', () => {
    const iv = extract(`<article><h1>USA</h1><p>Thomas Frei erklärt die Lage.</p>
      <div itemscope itemtype="http://schema.org/Person"><p itemprop="name">Thomas Frei</p><p itemprop="jobTitle">Politikwissenschaftler</p></div>
      <p><b>Wie wichtig waren die USA?</b></p><p>Sehr.</p><p><b>Und jetzt?</b></p><p>Abwarten.</p></article>`);
    expect(iv.subject).toEqual({ name: 'Thomas Frei', role: 'Politikwissenschaftler' });
  });
});

describe('the author line of a profile page', () => {
  it('reads "Written by …" where the page data names no author, and keeps it out of the last answer', () => {
    const iv = extract(
      `<article><h1>Life at Pinterest Profile: Mia Chen</h1><h3>Getting started:</h3><p>I joined in 2021.</p>
      <h3>Best advice:</h3><p>Ask early.</p><p>Written by Jo Park, Recruiting</p></article>`,
      'https://www.pinterestcareers.com/life-at-pinterest/profile-mia-chen/',
    );
    expect(iv.author).toBe('Jo Park');
    expect(iv.sections[1]!.answer.map((b) => b.text)).toEqual(['Ask early.']);
    const de = extract(`<article><h1>Porträt</h1><p>Geschrieben von Eva Klein</p>${qa}</article>`);
    expect(de.author).toBe('Eva Klein');
  });
});
