// @vitest-environment happy-dom
// The prompt forms of real interviews (issue 14), each on a made-up page, in
// English and in another language: questions marked only by who asks them,
// speaker labels in every shape, other scripts' question marks, statement
// prompts inside a run, and profile prompts without their colon.

import { describe, expect, it } from 'vitest';
import { answers, extract, questions, speakers } from './page';

describe('questions marked only by who asks them', () => {
  it("reads the publication's bold label as the asker and the interviewee's as the answerer (English)", () => {
    const iv = extract(`<article><h1>Talking shop</h1><p>The Herald met the new harbour master.</p>
      <p><strong>The Herald:</strong> How did you start out on the docks?</p>
      <p><strong>Ms Ortiz:</strong> As a deckhand, at sixteen.</p>
      <p><strong>The Herald:</strong> And the hardest winter?</p>
      <p><strong>Ms Ortiz:</strong> 2010. The ice closed the port for a month.</p>
      <p>We slept on the ferries.</p>
      <p><strong>The Herald:</strong> You never thought of leaving.</p>
      <p><strong>Ms Ortiz:</strong> Not once.</p></article>`);
    expect(questions(iv)).toEqual([
      'How did you start out on the docks?',
      'And the hardest winter?',
      'You never thought of leaving.',
    ]);
    expect(answers(iv)).toEqual([
      'As a deckhand, at sixteen.',
      '2010. The ice closed the port for a month. We slept on the ferries.',
      'Not once.',
    ]);
    expect(speakers(iv)[1]).toEqual(['Ms Ortiz', undefined]);
    expect(iv.subject.name).toBe('Ms Ortiz');
  });

  it("takes the interviewer's label out of a bold question, and a label on the first question only (German)", () => {
    const iv = extract(
      `<article><h1>Im Gespräch</h1><p>Der Hafenmeister Jonas Brandt über lange Winter.</p>
      <p><strong>Der Kurier: Wie hat alles angefangen?</strong></p>
      <p>Jonas Brandt: Als Matrose, mit sechzehn Jahren.</p>
      <p><strong>Und der härteste Winter?</strong></p><p>2010. Das Eis hat den Hafen einen Monat lang geschlossen.</p>
      <p><strong>Haben Sie je ans Aufhören gedacht?</strong></p><p>Nie.</p></article>`,
      'https://example.de/kurier/interview',
      '<meta property="og:site_name" content="Der Kurier">',
    );
    expect(questions(iv)).toEqual([
      'Wie hat alles angefangen?',
      'Und der härteste Winter?',
      'Haben Sie je ans Aufhören gedacht?',
    ]);
    expect(answers(iv)[0]).toBe('Als Matrose, mit sechzehn Jahren.');
    expect(speakers(iv)[0]).toEqual(['Jonas Brandt']);
    expect(iv.subject.name).toBe('Jonas Brandt');
  });
});

describe('speaker labels that are not bold, have no colon, or are initials', () => {
  it('reads plain "Name:" labels and several interviewees answering in turn (English)', () => {
    const iv = extract(`<article><h1>Two founders</h1><p>We sat down with Dana Reyes and Kim Park.</p>
      <p><b>Why a bakery?</b></p><p>Dana: We both grew up above one.</p><p>Kim: And we like mornings.</p>
      <p><b>What went wrong first?</b></p><p>Kim: The oven. Twice.</p><p>Dana: Then the landlord.</p>
      <p><b>What is next?</b></p><p>Dana: A second shop.</p></article>`);
    expect(questions(iv)).toEqual(['Why a bakery?', 'What went wrong first?', 'What is next?']);
    expect(answers(iv)[0]).toBe('We both grew up above one. And we like mornings.');
    expect(speakers(iv)).toEqual([['Dana', 'Kim'], ['Kim', 'Dana'], ['Dana']]);
    // Two people answer: neither is "the" subject.
    expect(iv.subject.name).toBeUndefined();
  });

  it('reads bare initials opening a paragraph, bold or not, as the speaker (English)', () => {
    const iv =
      extract(`<article><h1>Jordan Taylor on design</h1><p>An interview with Jordan Taylor, type designer.</p>
      <h2>Where did your first typeface come from?</h2><p><b>JT</b> From my grandmother's recipe cards.</p>
      <h2>How long does one take?</h2><p>JT Two years, if the lowercase behaves.</p>
      <h2>Which one is your favourite?</h2><p>JT The one I have not drawn yet.</p></article>`);
    expect(answers(iv)).toEqual([
      "From my grandmother's recipe cards.",
      'Two years, if the lowercase behaves.',
      'The one I have not drawn yet.',
    ]);
    expect(speakers(iv).flat()).toEqual(['JT', 'JT', 'JT']);
    expect(iv.subject).toEqual({ name: 'Jordan Taylor', role: 'type designer' });
  });

  it('reads plain surname labels with quoted speech and two interviewees (German)', () => {
    const iv = extract(`<article><h1>Nachhaltig reisen</h1><p>Interview mit Lena Weber und Paul Roth</p>
      <p><strong>Was heißt für Sie Nachhaltigkeit?</strong></p><p>Weber: „Dass die Region davon lebt.“</p>
      <p>Roth: „Und dass sie es morgen noch kann.“</p>
      <p><strong>Wie messen Sie das?</strong></p><p>Roth: „Mit Zahlen, so gut es geht.“</p></article>`);
    expect(answers(iv)).toEqual([
      '„Dass die Region davon lebt.“ „Und dass sie es morgen noch kann.“',
      '„Mit Zahlen, so gut es geht.“',
    ]);
    expect(speakers(iv)).toEqual([['Weber', 'Roth'], ['Roth']]);
    expect(iv.subject.name).toBeUndefined();
  });

  it('does not take a lead-in such as "Note:" or a one-off "Fazit:" for a speaker', () => {
    const iv =
      extract(`<article><h2>What changed?</h2><p>Note: the figures are from 2023.</p><p>Everything.</p>
      <h2>And now?</h2><p>Fazit: wir warten ab.</p></article>`);
    expect(speakers(iv).flat()).toEqual([undefined, undefined, undefined]);
    expect(answers(iv)[0]).toBe('Note: the figures are from 2023. Everything.');
  });
});

describe('a transcript: the speaker whose turns are questions is the interviewer', () => {
  it('takes every turn of the interviewer as a prompt, statements included, full name first then surname (German)', () => {
    const iv = extract(`<article><h1>Radiointerview</h1>
      <p><strong>Anna Berger:</strong> Herr Keller, was bringt die Reform?</p>
      <p><strong>Markus Keller:</strong> Vor allem Zeit.</p><p>Und weniger Formulare.</p>
      <p><strong>Berger:</strong> Das sagen alle.</p>
      <p><strong>Keller:</strong> Richtig.</p>
      <p><strong>Berger:</strong> Und was kostet sie?</p>
      <p><strong>Keller:</strong> Weniger als das alte System.</p></article>`);
    expect(questions(iv)).toEqual([
      'Herr Keller, was bringt die Reform?',
      'Das sagen alle.',
      'Und was kostet sie?',
    ]);
    expect(answers(iv)).toEqual([
      'Vor allem Zeit. Und weniger Formulare.',
      'Richtig.',
      'Weniger als das alte System.',
    ]);
    expect(speakers(iv)[0]).toEqual(['Markus Keller', undefined]);
    expect(iv.subject.name).toBe('Markus Keller');
  });

  it('reads labels standing on their own line before each turn (English)', () => {
    const iv = extract(`<article><h1>Blog interview</h1>
      <div><b>Sunny:</b></div><div><i>Your book is out in May. Where did the idea come from?</i></div>
      <div><b>Mara:</b></div><div><i>From a dream. Really.</i></div>
      <div><b>Sunny:</b></div><div><i>Tell us about the second book!</i></div>
      <div><b>Mara:</b></div><div><i>It is half written. Is that enough?</i></div>
      <div><b>Sunny:</b></div><div><i>How do you find the time?</i></div>
      <div><b>Mara:</b></div><div><i>Early mornings.</i></div></article>`);
    expect(questions(iv)).toEqual([
      'Your book is out in May. Where did the idea come from?',
      'Tell us about the second book!',
      'How do you find the time?',
    ]);
    expect(answers(iv)).toEqual([
      'From a dream. Really.',
      'It is half written. Is that enough?',
      'Early mornings.',
    ]);
    expect(speakers(iv).flat()).toEqual(['Mara', 'Mara', 'Mara']);
  });
});

describe('question marks of other scripts and languages', () => {
  it('reads the Spanish dialogue dash with ¿…? and statement prompts in the run', () => {
    const iv = extract(`<article><h1>Entrevista</h1><p>La alcaldesa habla de su primer año.</p>
      <p><b>—¿Cómo empezó todo?</b></p><p>—Con una asamblea de vecinos.</p>
      <p><b>—Y ganó por doce votos.</b></p><p>—Once, en realidad.</p>
      <p><b>—¿Volvería a presentarse?</b></p><p>—Sin dudarlo.</p></article>`);
    expect(questions(iv)).toEqual([
      '—¿Cómo empezó todo?',
      '—Y ganó por doce votos.',
      '—¿Volvería a presentarse?',
    ]);
    expect(answers(iv)).toEqual(['—Con una asamblea de vecinos.', '—Once, en realidad.', '—Sin dudarlo.']);
  });

  it('reads plain dialogue-dash prompts when the run is long enough (French)', () => {
    const iv = extract(`<article><h1>Entretien</h1>
      <p>– Comment avez-vous commencé ?</p><p>– Par hasard, dans un garage.</p>
      <p>– Et le premier client ?</p><p>– Mon voisin.</p>
      <p>– Vous regrettez quelque chose ?</p><p>– Rien.</p></article>`);
    expect(questions(iv)).toEqual([
      '– Comment avez-vous commencé ?',
      '– Et le premier client ?',
      '– Vous regrettez quelque chose ?',
    ]);
  });

  it('reads the Arabic ؟, the full-width ？ and the Greek ;', () => {
    const arabic = extract(
      `<article dir="rtl"><h2>كيف بدأت؟</h2><p>بالصدفة.</p><h2>ما الصعب؟</h2><p>الصبر.</p></article>`,
    );
    expect(questions(arabic)).toEqual(['كيف بدأت؟', 'ما الصعب؟']);
    const chinese = extract(
      `<article><p><strong>你是怎么开始的？</strong></p><p>很偶然。</p><p><strong>最难的是什么？</strong></p><p>耐心。</p></article>`,
    );
    expect(questions(chinese)).toEqual(['你是怎么开始的？', '最难的是什么？']);
    const greek = extract(
      `<article><h3>Πώς ξεκινήσατε;</h3><p>Τυχαία.</p><h3>Τι ήταν το πιο δύσκολο;</h3><p>Η υπομονή.</p></article>`,
    );
    expect(questions(greek)).toEqual(['Πώς ξεκινήσατε;', 'Τι ήταν το πιο δύσκολο;']);
    // A semicolon ends no question outside Greek.
    const english = extract(
      `<article><h3>Lessons learned;</h3><p>Some.</p><h3>Other notes;</h3><p>More.</p></article>`,
    );
    expect(english.interview).toBe(false);
  });
});

describe('prompts that are statements', () => {
  it('reads bold lead-ins sharing a paragraph with their answer, ending in ?, . or !, and one-word prompts (English)', () => {
    const iv = extract(`<article><h1>Leaving the bank</h1><p>Sam Lee quit finance to farm oysters.</p>
      <p><b>You left a stable job for this.</b> I did, and I would again.</p>
      <p><b>Why?</b> Because the sea does not send emails.</p>
      <p><b>Tell us about the first harvest!</b> It was tiny and perfect.</p>
      <p><b>What would you tell a banker?</b> Learn to swim.</p></article>`);
    expect(questions(iv)).toEqual([
      'You left a stable job for this.',
      'Why?',
      'Tell us about the first harvest!',
      'What would you tell a banker?',
    ]);
    expect(answers(iv)).toEqual([
      'I did, and I would again.',
      'Because the sea does not send emails.',
      'It was tiny and perfect.',
      'Learn to swim.',
    ]);
  });

  it('counts statement prompts only inside the run: not a standfirst before it, nor a credit after it (German)', () => {
    const iv =
      extract(`<article><h1>Interview</h1><p><b>Ein Gespräch über Brot.</b></p><p>Einleitung zum Bäcker.</p>
      <p><b>Wann stehen Sie auf?</b></p><p>Um drei.</p>
      <p><b>Das klingt hart.</b></p><p>Man gewöhnt sich daran.</p>
      <p><b>Und am Wochenende?</b></p><p>Auch um drei.</p>
      <p><b>Das Gespräch führte Eva Klein.</b></p><p>Mehr aus der Region lesen Sie morgen.</p></article>`);
    expect(questions(iv)).toEqual(['Wann stehen Sie auf?', 'Das klingt hart.', 'Und am Wochenende?']);
    expect(answers(iv)[2]).toBe('Auch um drei.');
  });

  it('does not take section titles between question headings for prompts', () => {
    const iv = extract(
      `<article><h2>Why rewrite?</h2><p>Old code.</p><h2>Design</h2><p>Shards.</p><h2>What is next?</h2><p>More.</p></article>`,
    );
    expect(iv.interview).toBe(false);
  });
});

describe('profile prompts', () => {
  const body = (second: string) => `<article><h1>Profile: Mia Chen</h1><h2>Meet Mia Chen, Staff Designer</h2>
    <h3>Getting started:</h3><p>I joined in 2021.</p><h3>${second}</h3><p>Ask early.</p>
    <h3>Why Pinterest:</h3><p>The people.</p></article>`;

  it('takes a prompt without its colon among prompts with one, instead of folding it into the previous answer', () => {
    const iv = extract(
      body('Best advice'),
      'https://www.pinterestcareers.com/life-at-pinterest/profile-mia-chen/',
    );
    expect(questions(iv)).toEqual(['Getting started', 'Best advice', 'Why Pinterest']);
    expect(answers(iv)).toEqual(['I joined in 2021.', 'Ask early.', 'The people.']);
  });
});
