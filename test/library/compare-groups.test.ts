// Compare's grouping against the groups a reader makes. Every phrasing below is
// a real question from the saved pages in test/fixtures and test/real-pages
// (each page extracted as the CLI does, its sub-questions and answer words
// included), labelled with the kind a reader would file it under, or with the
// topic a reader would put it with ("topic:…": those questions must share one
// group that holds no question of another label). The tuned set was used to
// tune the cues and thresholds and must land in full; the held-out pages were
// labelled first and never tuned on: their score is reported, and must not
// fall below what it was when the set was made.
//
// Left out as a reader could file them either way: erpnews "Frage 5: Wird es
// irgendwann…" (the future, or the topic), rosamag "Ist das erst der Anfang…",
// "Was hat Sie an der Rolle … fasziniert?" and "Was mussten Sie … neu lernen?".

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  groupOfKey,
  groupQuestions,
  type QuestionGroupInfo,
  type QuestionItem,
} from '../../options/logic/question-groups';
import { kindOf } from '../../options/logic/question-kinds';
import { sanitizeSettings } from '../../src/settings';
import { checkCompareGroups } from '../../src/store/validate';
import { extractInterview } from '../../src/extract';
import { withDocument } from '../extract/dom';

type Label = [page: string, questionStart: string, group: string];

const TUNED: Label[] = [
  ['life', 'Discovering the opportunity', 'joining'],
  ['life', 'The interview process', 'interview-process'],
  ['life', 'Joining Pinterest Monetization', 'joining'],
  ['life', 'Growing a career you love', 'career-growth'],
  ['life', 'Advice to candidates', 'advice'],
  ['life', 'Overall experience', 'looking-back'],
  ['pinterest', 'Can you share more about your team at Pinterest?', 'team-culture'],
  ['pinterest', 'What led you to joining Pinterest?', 'joining'],
  ['pinterest', 'What makes Pinterest Engineering different?', 'team-culture'],
  ['pinterest', 'What would you say to someone who’s considering ', 'advice'],
  ['pinterest', 'When you think about current engineering trends,', 'looking-ahead'],
  ['pinterest', 'Anything else you’d like to share?', 'closing'],
  ['synthetic', 'How did each of you end up working on search?', 'joining'],
  ['synthetic', 'What is a problem you solved recently that you a', 'proudest'],
  ['synthetic', 'What advice would you give someone joining the t', 'advice'],
  ['bbc', 'What is the OBR and what does it do?', 'topic:obr'],
  ['bbc', 'Why do OBR forecasts matter?', 'topic:obr'],
  ['bbc', 'Does the government have to follow OBR advice?', 'topic:obr'],
  ['bbc', 'Why was the OBR created?', 'topic:obr'],
  ['bbc', 'Who runs the OBR?', 'topic:obr'],
  ['bookshelf', 'Am 4. Oktober kommt dein ersten Buch raus, wie k', 'joining'],
  ['bookshelf', 'Deine Charaktere sind alle recht tiefgründig, ha', 'topic:book'],
  ['bookshelf', 'Du vertreibst dein Buch ja selbst, wovor einige ', 'topic:book'],
  ['bookshelf', 'Wie lange hast du gebraucht um dein Buch zu schr', 'topic:book'],
  ['bookshelf', 'Dein Buch hat ein recht offenes Ende, dürfen wir', 'looking-ahead'],
  ['bookshelf', 'Du gehst noch zur Schule oder? Wie hat das denn ', 'topic:book'],
  ['bookshelf', 'Magst du uns verraten was du neben dem Schreiben', 'outside-work'],
  ['bookshelf', 'Wenn du nicht am Schreiben bist, hast du die Nas', 'outside-work'],
  ['bookshelf', 'Hast du vor in nächster Zeit mal eine Leserunde ', 'looking-ahead'],
  ['cicero', 'Herr Professor Borasio, Sie plädieren dafür, sic', 'topic:care'],
  ['cicero', 'Aber verbessert eine Krankenhauseinweisung nicht', 'topic:care'],
  ['cicero', 'Gerade die Situation in Pflegeheimen ist ja oft ', 'topic:care'],
  ['cicero', 'Insbesondere dann, wenn sie intensivmedizinisch ', 'topic:care'],
  ['cicero', 'Ein wichtiges Element für die Frage, ob ein Mens', 'topic:care'],
  ['cicero', 'Bessere Ärzte bedeutet in diesem Fall was?', 'topic:care'],
  ['cicero', 'Eine massive Ausweitung der Patientenverfügung w', 'topic:care'],
  ['cicero', 'Sind in Ihrem Kanton die meisten Covid-19-Infizi', 'topic:care'],
  ['cicero', 'Von Politikern und Medien wird ja sehr genau auf', 'topic:care'],
  ['cicero', 'Das müssen Sie erklären …', 'topic:care'],
  ['erpnews', 'Frage 1: Assistenz-Systeme helfen bei der täglic', 'topic:assistants'],
  ['erpnews', 'Frage 2: War Microsoft ® mit Karl Klammer seiner', 'topic:assistants'],
  ['erpnews', 'Frage 3: Welchen Nutzen sehen Sie in der Verwend', 'topic:assistants'],
  ['erpnews', 'Frage 4: Welche Rolle spielt Big Data in Bezug a', 'topic:assistants'],
  ['farodevigo', '–Ahí está usted, con la copa alzada al cielo de ', 'topic:worldcup'],
  ['farodevigo', '–¿La realidad superó, de nuevo, a la ficción?', 'topic:worldcup'],
  ['farodevigo', '–¿Qué hay detrás de esa foto?', 'topic:worldcup'],
  ['farodevigo', '–De Stamford Bridge a Johannesburgo, usted vivió', 'topic:worldcup'],
  ['farodevigo', '–Le pasó de todo.', 'topic:worldcup'],
  ['farodevigo', '–Y en el debut, otra lesión.', 'topic:worldcup'],
  ['farodevigo', '–¿Pensó que ya no volvería a jugar en todo el Mu', 'topic:worldcup'],
  ['farodevigo', '–¿Por qué?', 'topic:worldcup'],
  ['farodevigo', '–Entre la angustia del horrible debut con derrot', 'topic:worldcup'],
  ['farodevigo', '–Y vuelve contra Chile.', 'topic:worldcup'],
  ['farodevigo', '–Se juega, se gana y marca.', 'topic:worldcup'],
  ['farodevigo', '–España, también. 1-0 a Portugal, 1-0 a Paraguay', 'topic:worldcup'],
  ['farodevigo', '–¿Se desbloquearon?', 'topic:worldcup'],
  ['farodevigo', '–¿A qué se refiere?', 'topic:worldcup'],
  ['farodevigo', '–Y España se asoma a una final del Mundial, algo', 'topic:worldcup'],
  ['farodevigo', '–Vuelve el silencio al autobús.', 'topic:worldcup'],
  ['farodevigo', '–Baja del bus, llega al vestuario del Soccer Cit', 'topic:worldcup'],
  ['farodevigo', '–¿Creía que la mostraría?', 'topic:worldcup'],
  ['farodevigo', '–Empieza la final contra Holanda. Es una final d', 'topic:worldcup'],
  ['farodevigo', '–Sentía que en la final usted iba de menos a más', 'topic:worldcup'],
  ['farodevigo', '–Marca el gol y aparece Dani.', 'topic:worldcup'],
  ['farodevigo', '–¿Fue instintivo el gesto?', 'topic:worldcup'],
  ['farodevigo', '–¿Ha visto muchas veces el gol?', 'topic:worldcup'],
  ['farodevigo', '–Han pasado ya 10 años ¿qué recuerda ahora?', 'looking-back'],
  ['farodevigo', '–¿Y qué legado dejaron?', 'looking-back'],
  ['faz', 'Deutschland hat vor, ganz auf Atomkraft zu verzi', 'topic:nuclear'],
  ['faz', 'Sie sehen also viel Scheinheiligkeit im deutsche', 'topic:nuclear'],
  ['faz', 'Sie scheinen die Gefahren für die Umwelt und die', 'topic:nuclear'],
  ['faz', 'Gibt es denn nach Ihrer Meinung keinen Unterschi', 'topic:nuclear'],
  ['faz', 'Wie hat sich die amerikanische Debatte über Atom', 'topic:nuclear'],
  ['faz', 'Ihr Leben lang haben Sie sich für den Umweltschu', 'topic:nuclear'],
  ['faz', 'Was hat Sie bewogen, den Atommüll völlig anders ', 'topic:nuclear'],
  ['faz', 'Und was passiert mit dem Atommüll, den wir vergr', 'topic:nuclear'],
  ['faz', 'Unsere Nachfahren werden dann aber ohne jede Ahn', 'topic:nuclear'],
  ['faz', 'Gibt es denn nichts, was Atomkraft ersetzen könn', 'topic:nuclear'],
  ['faz', 'Wie lange müssen wir noch darauf warten?', 'topic:nuclear'],
  ['faz', 'Sind Sie als alter Umweltschützer denn wirklich ', 'topic:nuclear'],
  ['faz', 'Aber Atomkraft würden Sie immer mit einschließen', 'topic:nuclear'],
  ['faz', 'Woher wird die Welt ihre Energie in fünfzig Jahr', 'looking-ahead'],
  ['faz', 'Der Verzicht könnte so positive Folgen haben?', 'topic:nuclear'],
  ['faz', 'Viel Verständnis bringen Sie gegenüber deutschen', 'topic:nuclear'],
  ['faz', 'Allein, aber zumindest ethisch bemüht?', 'topic:nuclear'],
  ['kinzig', 'Wie genau definiert Ihr Nachhaltigkeit ?', 'topic:sustainability'],
  ['kinzig', 'Wie gelingt das konkret?', 'topic:sustainability'],
  ['kinzig', 'Lohnt sich der Aufwand, sich damit zu beschäftig', 'topic:sustainability'],
  ['kinzig', 'Also ist das nachhaltige Denken auch eine Chance', 'topic:sustainability'],
  ['kinzig', 'Kann man Nachhaltigkeit messen?', 'topic:sustainability'],
  ['kinzig', 'Wie wichtig ist Nachhaltigkeit in der Tourismusb', 'topic:sustainability'],
  ['kinzig', 'In ländlichen Regionen, wie hier, gibt es doch a', 'topic:sustainability'],
  ['kinzig', 'Was ist die größte Herausforderung, um nachhalti', 'challenges'],
  ['kinzig', 'Gerade das Thema ÖPNV ist doch schon relativ wic', 'topic:sustainability'],
  ['kinzig', 'Ist die Region schon so weit, dass man dies umse', 'topic:sustainability'],
  ['kinzig', 'Wie funktioniert die Ausarbeitung und Umsetzung ', 'topic:sustainability'],
  ['kinzig', 'Wenn man sich diesen Weg zum perfekten nachhalti', 'topic:sustainability'],
  ['kinzig', 'Die letzte Frage mit Blick in die Zukunft: Wie n', 'looking-ahead'],
  ['linksfraktion', 'Bei der Konferenz in Glasgow rufen ja nicht nur ', 'topic:co2'],
  ['linksfraktion', 'Da möchte ich noch mal fragen. Welchen Beitrag z', 'topic:co2'],
  ['linksfraktion', 'Welchen Anteil hat denn der CO2-Preis an den ges', 'topic:co2'],
  ['linksfraktion', 'Sie haben ja einen konkreten Vorschlag gemacht. ', 'topic:co2'],
  ['linksfraktion', 'Es geht um 1,4 Cent bei Sprit und um einen Cent ', 'topic:co2'],
  ['linksfraktion', 'Das, glaube ich, würde niemand bestreiten.', 'topic:co2'],
  ['linksfraktion', 'Herr Bartsch, ich möchte gern noch mal zurückkom', 'topic:co2'],
  ['linksfraktion', 'Weswegen ja alle, die sich damit beschäftigen un', 'topic:co2'],
  ['rosamag', 'Auf dem roten Teppich bei der Premiere in Toront', 'topic:film'],
  ['rosamag', 'Wie haben Sie sich mit der Geschichte hinter The', 'topic:film'],
  ['rosamag', 'Sie sind in Uganda in Ostafrika geboren worden. ', 'topic:film'],
  ['rosamag', 'Gibt es eine bestimmte Geschichte, an der Sie in', 'looking-ahead'],
  ['rosamag', 'Was sich für mich im Film besonders hervorgetan ', 'topic:film'],
  ['rosamag', 'Die Stunt-Szenen im Film sind beeindruckend. Wie', 'topic:film'],
  ['rosamag', 'Was mich sehr überrascht hat, war der Humor im F', 'topic:film'],
  ['sfgate', 'WHO IS THE FRONT-RUNNER?', 'topic:debate'],
  ['sfgate', 'HOW WILL OBAMA PLAY?', 'topic:debate'],
  ['sfgate', 'WHAT SAY YOU, IMPEACHMENT JURY?', 'topic:debate'],
  ['sfgate', 'WILL THEY BASH THE BILLIONAIRES?', 'topic:debate'],
  ['sfgate', 'WILL SOMEONE STAND UP FOR THE ESTABLISHMENT?', 'topic:debate'],
  ['sfgate', 'DOES SHE HAVE A PLAN FOR THAT?', 'topic:debate'],
  ['sfgate', 'CAN THEY SAVE THEMSELVES?', 'topic:debate'],
  ['telegraph', 'When is the final?', 'topic:wta'],
  ['telegraph', 'Where are the WTA Finals being held?', 'topic:wta'],
  ['telegraph', 'Who is competing in the singles?', 'topic:wta'],
  ['telegraph', 'What are the WTA Finals singles groups?', 'topic:wta'],
  ['telegraph', 'What is the format?', 'topic:wta'],
  ['telegraph', 'What is the WTA Finals prize money?', 'topic:wta'],
  ['telegraph', 'Which British players are involved?', 'topic:wta'],
  ['telegraph', 'Who was last year’s champion?', 'topic:wta'],
];

/** Labelled before tuning; never tuned on. */
const HELD_OUT: Label[] = [
  ['changelog', 'Jan, SportScheck ist mit Dir seit 2015 auf dem W', 'topic:retail'],
  ['changelog', 'Du hast bei SportScheck inzwischen viel ausprobi', 'topic:retail'],
  ['changelog', 'Gibt es weitere Top-Maßnahmen für Multi-Channel?', 'topic:retail'],
  ['changelog', 'Und die Flops?', 'topic:retail'],
  ['changelog', 'Kundenerwartungen sind heute sehr dynamisch. Wie', 'topic:retail'],
  ['changelog', 'Im Rückblick: Was waren/sind aus Deiner Sicht di', 'challenges'],
  ['changelog', 'Und wie reagiert der Kunde darauf, wenn Ihr neue', 'topic:retail'],
  ['legrandcontinent', 'Dans votre travail, vous expliquez qu’il est dif', 'topic:migration'],
  ['legrandcontinent', 'Vous évoquez les différences entre les politique', 'topic:migration'],
  ['legrandcontinent', 'La politique de l’immigration choisie est souven', 'topic:migration'],
  ['legrandcontinent', 'Peut-on dès lors avancer que l’immigration franç', 'topic:migration'],
  ['legrandcontinent', 'Pour un candidat désireux de limiter les migrati', 'topic:migration'],
  ['legrandcontinent', 'Qu’en est-il de l’immigration clandestine en Eur', 'topic:migration'],
  ['legrandcontinent', 'Votre critique du livre The Scramble for Europe ', 'topic:migration'],
  ['legrandcontinent', 'Selon Paul Collier, l’immigration peut constitue', 'topic:migration'],
  ['legrandcontinent', 'Le règlement de Dublin II est très critiqué. Fon', 'topic:migration'],
  ['srf', 'Mehrere Staaten haben Israel unterstützt und Dro', 'topic:usa-israel'],
  ['srf', 'Israel hat noch nicht auf den iranischen Angriff', 'topic:usa-israel'],
  ['srf', 'Für die USA geht es einerseits darum, eine gross', 'topic:usa-israel'],
  ['srf', 'Welchen Einfluss hat die aktuelle Situation auf ', 'topic:usa-israel'],
  ['thebalance', 'What Are Coinbase and Coinbase Pro?', 'topic:coinbase'],
  ['thebalance', 'How Do Coinbase and Coinbase Pro Work?', 'topic:coinbase'],
  ['thebalance', 'Should I Use the Coinbase Wallet?', 'topic:coinbase'],
  ['thebalance', 'Who Should Use Coinbase vs. Coinbase Pro?', 'topic:coinbase'],
];

/** What the held-out pages scored when the set was made: a change may raise it, not lower it. */
const HELD_OUT_FLOOR = 24;

const items: QuestionItem[] = [];

beforeAll(async () => {
  for (const folder of ['fixtures', 'real-pages']) {
    const dir = resolve(__dirname, '..', folder);
    for (const f of readdirSync(dir)
      .filter((x) => x.endsWith('.expected.json'))
      .sort()) {
      const name = f.replace(/\.expected\.json$/, '');
      const { url } = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { url: string };
      const iv = await withDocument(readFileSync(join(dir, `${name}.html`)), url, (d) =>
        extractInterview(d, url),
      );
      iv.sections.forEach((s, i) => {
        items.push({
          key: `${name.split('-')[0]}#${i}`,
          question: s.question,
          subQuestions: s.subQuestions,
          answer: s.answer.map((b) => b.text).join('\n'),
        });
      });
    }
  }
}, 120_000);

function keyOf([page, start]: Label): string {
  const found = items.filter((x) => x.key.startsWith(`${page}#`) && x.question.startsWith(start));
  expect(found, `${page}: ${start}`).toHaveLength(1);
  return found[0]!.key;
}

interface Score {
  right: number;
  wrong: string[];
}

/** How many labelled questions land where the label says, with the ones that do not. */
function score(labels: readonly Label[], groups: readonly QuestionGroupInfo[]): Score {
  const groupOf = new Map<string, QuestionGroupInfo>();
  for (const g of groups) for (const k of g.keys) groupOf.set(k, g);
  const labelOf = new Map(labels.map((l) => [keyOf(l), l[2]]));
  // A topic's group: where most of its questions are.
  const topicGroup = new Map<string, string>();
  for (const topic of new Set(labels.map((l) => l[2]).filter((g) => g.startsWith('topic:')))) {
    const counts = new Map<string, number>();
    for (const [k, l] of labelOf)
      if (l === topic) counts.set(groupOf.get(k)!.id, (counts.get(groupOf.get(k)!.id) ?? 0) + 1);
    topicGroup.set(topic, [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
  }
  const wrong: string[] = [];
  for (const l of labels) {
    const g = groupOf.get(keyOf(l))!;
    const ok = l[2].startsWith('topic:')
      ? g.source !== 'kind' &&
        g.source !== 'other' &&
        topicGroup.get(l[2]) === g.id &&
        g.keys.every((k) => !labelOf.has(k) || labelOf.get(k) === l[2])
      : g.id === l[2];
    if (!ok) wrong.push(`${l[0]}: "${l[1]}" wanted ${l[2]}, got ${g.id} (${g.label})`);
  }
  return { right: labels.length - wrong.length, wrong };
}

describe('Compare groups what is asked', () => {
  it('holds at least 40 labelled real phrasings', () => {
    expect(TUNED.length + HELD_OUT.length).toBeGreaterThanOrEqual(40);
  });

  it('files every question of the tuned set where a reader would', async () => {
    const groups = await groupQuestions(items);
    const s = score(TUNED, groups);
    console.info(`Compare groups, tuned set: ${s.right}/${TUNED.length} right`);
    expect(s.wrong).toEqual([]);
  });

  it('reports the held-out pages honestly', async () => {
    const groups = await groupQuestions(items);
    const s = score(HELD_OUT, groups);
    console.info(
      `Compare groups, held-out set: ${s.right}/${HELD_OUT.length} right${s.wrong.length ? `\n  ${s.wrong.join('\n  ')}` : ''}`,
    );
    expect(s.right).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
  });
});

describe('groups and the reader', () => {
  const item = (key: string, question: string, answer = ''): QuestionItem => ({
    key,
    question,
    subQuestions: [],
    answer,
  });

  it('puts the three ways of asking why someone joined together, and advice apart', async () => {
    const groups = await groupQuestions([
      item('a#1', 'What led you to joining Pinterest?'),
      item('b#1', 'Discovering the opportunity'),
      item('c#1', 'Why Pinterest?'),
      item('d#1', 'What would you say to someone who’s considering joining the Pinterest team?'),
      item('e#1', 'Does the government have to follow OBR advice?'),
    ]);
    const of = groupOfKey(groups);
    expect([of.get('a#1'), of.get('b#1'), of.get('c#1')]).toEqual(['joining', 'joining', 'joining']);
    expect(of.get('d#1')).toBe('advice');
    expect(of.get('e#1')).not.toBe('advice');
  });

  it('keeps a question merely holding "team" out of the team group', () => {
    expect(kindOf({ question: 'What did the team ship last year?' }).kind?.id).not.toBe('team-culture');
    expect(kindOf({ question: 'Can you share more about your team?' }).kind?.id).toBe('team-culture');
  });

  it('applies the reader’s names and moves, and ignores moves to groups that are gone', async () => {
    const items2 = [item('a#1', 'What led you to joining Pinterest?'), item('b#1', 'Advice to candidates')];
    const groups = await groupQuestions(items2, {
      names: { joining: 'Why they joined', advice: '  ' },
      moves: { 'a#1': 'advice', 'b#1': 'no-such-group', 'z#9': 'advice' },
    });
    const byId = new Map(groups.map((g) => [g.id, g]));
    expect(byId.get('joining')!.label).toBe('Why they joined');
    expect(byId.get('joining')!.keys).toEqual([]);
    expect(byId.get('advice')!.label).toBe('Advice');
    expect(byId.get('advice')!.keys.sort()).toEqual(['a#1', 'b#1']);
  });

  it('checks what is kept: a bad value falls back to none, a good one is read back', () => {
    const good = { names: { joining: 'Why' }, moves: { 'a#1': 'advice' } };
    expect(checkCompareGroups(good, 'compare')).toEqual(good);
    expect(() => checkCompareGroups({ names: { joining: 3 }, moves: {} }, 'compare')).toThrow(
      'compare.names.joining',
    );
    expect(() => checkCompareGroups({ names: {}, moves: { 'a#1': '' } }, 'compare')).toThrow();
    expect(sanitizeSettings({ compare: { names: [], moves: {} } }).compare).toEqual({ names: {}, moves: {} });
    expect(sanitizeSettings({ compare: good }).compare).toEqual(good);
  });
});
