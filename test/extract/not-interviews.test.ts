// @vitest-environment happy-dom
// Pages that look a little like interviews and are not (issue 14): a forum
// thread, one question with its replies, a review that says "interview"
// throughout, a news story retelling what someone was asked, a transcript
// with speaker labels but no questions. None may be read as a Q&A.

import { describe, expect, it } from 'vitest';
import { extract } from './page';

describe('not interviews', () => {
  it('a forum thread whose posts are titled "Re: …?" (English, German)', () => {
    const en = extract(`<main><h1>Is a used road bike worth it?</h1><p>I have 300 dollars. Thoughts?</p>
      <h3>Re: Is a used road bike worth it?</h3><p>Yes, if the frame is steel.</p>
      <h3>Re: Is a used road bike worth it?</h3><p>Check the chain first.</p>
      <h3>RE: Is a used road bike worth it?</h3><p>Mine was a bargain.</p></main>`);
    expect(en.interview).toBe(false);
    const de = extract(`<main><h1>Lohnt sich ein gebrauchtes Rennrad?</h1><p>Budget 300 Euro.</p>
      <p><b>AW: Lohnt sich ein gebrauchtes Rennrad?</b></p><p>Ja, mit Stahlrahmen.</p>
      <p><b>AW: Lohnt sich ein gebrauchtes Rennrad?</b></p><p>Erst die Kette prüfen.</p></main>`);
    expect(de.interview).toBe(false);
  });

  it('a question thread whose replies ask back in bold, each post under its byline (English, German)', () => {
    const en =
      extract(`<main><p><strong>How do I stop a door from squeaking?</strong></p><p>It wakes the baby.</p>
      <p>by kim_88 on May 2, 2023</p><p><strong>Have you tried oiling the hinges?</strong></p><p>Worked for me.</p>
      <p>by dana on May 2, 2023</p><p><strong>Is the frame warped?</strong></p><p>Then oil will not help.</p></main>`);
    expect(en.interview).toBe(false);
    const de =
      extract(`<main><p><strong>Wie bekomme ich die Tür leise?</strong></p><p>Sie quietscht nachts.</p>
      <p>kim_88 schrieb:</p><p><strong>Schon mal Öl probiert?</strong></p><p>Hat bei mir geholfen.</p>
      <p>dana schrieb:</p><p><strong>Ist der Rahmen verzogen?</strong></p><p>Dann hilft kein Öl.</p></main>`);
    expect(de.interview).toBe(false);
  });

  it('a single question with its replies, some of which ask back', () => {
    const iv = extract(`<main><h2>Question</h2><h1>True or false: you need coffee to start the day?</h1>
      <ul><li>by kim on May 2</li><li>False, I drink tea. Do you?</li><li>by jo on May 2</li><li>True!</li>
      <li>by sam on May 3</li><li>Why would anyone skip it?</li></ul></main>`);
    expect(iv.interview).toBe(false);
  });

  it('a review that uses the word "interview" throughout (English, French)', () => {
    const en =
      extract(`<article><h1>Review: The Interview Game</h1><p>The interview at the heart of this film is a trap.</p>
      <h2>The interview scene</h2><p>Every question lands.</p><h2>Verdict</h2><p>Three stars. Would I watch it again? Maybe.</p></article>`);
    expect(en.interview).toBe(false);
    const fr = extract(`<article><h1>Critique : L'Entretien</h1><p>L'entretien est le cœur du film.</p>
      <h2>La scène de l'entretien</h2><p>Chaque question porte. Faut-il le voir ? Oui.</p><h2>Verdict</h2><p>Trois étoiles.</p></article>`);
    expect(fr.interview).toBe(false);
  });

  it('a news story retelling what someone was asked (English, Spanish)', () => {
    const en = extract(`<article><h1>Mayor says she will run again</h1>
      <p>“Will you run again?” a reporter asked on Monday.</p><p>“Yes,” said Mayor Ortiz.</p>
      <p>Asked whether the budget would pass, she said: “Why wouldn't it?”</p><p>The council meets on Friday.</p></article>`);
    expect(en.interview).toBe(false);
    const es = extract(`<article><h1>¿Volverá a presentarse la alcaldesa?</h1>
      <p>—¿Se presentará de nuevo? —le preguntaron el lunes.</p><p>—Sí —respondió la alcaldesa.</p>
      <p>Los concejales se reúnen el viernes. ¿Aprobarán el presupuesto?</p><h2>¿Qué dicen los vecinos?</h2><p>Poco.</p></article>`);
    expect(es.interview).toBe(false);
  });

  it('a video transcript with speaker labels but no question-led sections', () => {
    const iv = extract(`<article><h1>Holiday address</h1>
      <p>THE PRESIDENT: Merry Christmas, everybody.</p><p>THE FIRST LADY: And happy holidays.</p>
      <p>THE PRESIDENT: This year we thank our troops.</p><p>THE FIRST LADY: And their families.</p>
      <p>THE PRESIDENT: Although a few got a… frosty reception.</p><p>THE FIRST LADY: God bless.</p></article>`);
    expect(iv.interview).toBe(false);
  });
});
