// What a question asks, in the reader's words: a small set of kinds that
// interviews ask again and again (why they joined, advice, a typical day...),
// each described by stemmed cue phrases in English, German, Spanish and
// French. Cues are looked for in the part of the question that asks (its last
// sentence with a question mark, after any "Last question:" lead-in), more
// weakly in its lead-in and sub-questions, and weakly in the answer's words,
// so "What would you say to someone considering joining…" is advice, not
// joining, and a question merely holding "team" is not about the team.

import { stemmer as stemDe } from '@orama/stemmers/german';
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemEs } from '@orama/stemmers/spanish';
import { stemmer as stemFr } from '@orama/stemmers/french';
import { words } from '../../src/store/words';

export const LANGS = ['en', 'de', 'es', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

const STEMMERS: Record<Lang, (w: string) => string> = { en: stemEn, de: stemDe, es: stemEs, fr: stemFr };

// Function words per language, in the search normal form: they tell the
// language apart and carry no meaning for similarity.
const STOP: Record<Lang, readonly string[]> = {
  en: 'a an and are as at be been but by can could did do does for from had has have how i if in into is it its me my of on or our so that the their them there they this to was we were what when where which who whos why will with would you your youre youd yours really just very also more much many think about some any other than then thats its'.split(
    ' ',
  ),
  de: 'aber als also am an auch auf aus bei bin bis da dann das dass dem den denn der des die dich dir doch du ein eine einem einen einer es euch eure euer fur gibt hast hat haben ich ihr ihre ihnen im in ist ja kann man mit nach nicht noch nur ob oder sehr sich sie sind so um und uns unser von vor war was weil wenn werden wie wir wird zu zum zur konkret genau eigentlich wirklich schon immer mal gerade bestimmt ganz etwa eher gibt geht glaube sagen viel viele mehr dabei dann damit dort hier heute jetzt natürlich naturlich selbst'.split(
    ' ',
  ),
  es: 'a al algo como con cual de del donde el ella en era es esa ese esta este fue ha han hay la las le lo los mas me mi muy no nos o para pero por que se ser si sin sobre su sus te tu un una usted y ya'.split(
    ' ',
  ),
  fr: 'a au aux avec ce ces cette comme dans de des du elle en est et etre il ils je la le les leur lui mais me mon ne nous on ou par pas peut pour qu que qui sa se ses son sont sur ta te tu un une vos votre vous y'.split(
    ' ',
  ),
};
const STOP_SETS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(STOP.en),
  de: new Set(STOP.de),
  es: new Set(STOP.es),
  fr: new Set(STOP.fr),
};
const ANY_STOP: ReadonlySet<string> = new Set(LANGS.flatMap((l) => STOP[l]));

/** Words that address the interviewee: kinds about their own experience need one (or a heading). */
const YOU: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['you', 'your', 'youre', 'youd', 'yours', 'yourself', 'youve', 'youll']),
  de: new Set([
    'du',
    'dich',
    'dir',
    'dein',
    'deine',
    'deinen',
    'deiner',
    'deinem',
    'sie',
    'ihnen',
    'ihr',
    'euch',
    'eure',
    'euer',
    'eurer',
  ]),
  es: new Set(['usted', 'ustedes', 'tu', 'te', 'ti', 'vosotros', 'le']),
  fr: new Set(['vous', 'votre', 'vos', 'tu', 'te', 'toi', 'ton', 'ta', 'tes']),
};

/** The language with the most function words in the text; English when none shows. */
export function detectLang(tokens: readonly string[]): Lang {
  let best: Lang = 'en';
  let bestN = 0;
  for (const l of LANGS) {
    let n = 0;
    for (const t of tokens) if (STOP_SETS[l].has(t)) n++;
    if (n > bestN) {
      best = l;
      bestN = n;
    }
  }
  return best;
}

const stemCache = new Map<string, string>();
export function stem(word: string, lang: Lang): string {
  const key = `${lang}:${word}`;
  let s = stemCache.get(key);
  if (s === undefined) {
    s = STEMMERS[lang](word);
    if (stemCache.size > 100_000) stemCache.clear();
    stemCache.set(key, s);
  }
  return s;
}

/** A cue: stemmed words in order; '*' stands for one to three words of any kind. */
type Cue = { stems: string[]; weight: number };

export interface QuestionKind {
  id: string;
  label: string;
  /** True when the question must address the interviewee ("you", "Sie", "usted", "vous"), or be a heading. */
  personal: boolean;
  cues: Record<Lang, Cue[]>;
}

/** Cue phrases as written, weight first: 3 says it alone, 2 says it mostly, 1 only leans. */
type CueSpec = Partial<Record<Lang, [number, string][]>>;

const KIND_SPECS: { id: string; label: string; personal: boolean; cues: CueSpec }[] = [
  {
    id: 'joining',
    label: 'Why they came, how they started',
    personal: true,
    cues: {
      en: [
        [3, 'what led you'],
        [3, 'what brought you'],
        [3, 'drew you'],
        [3, 'attracted you'],
        [3, 'discovering the opportunity'],
        [3, 'end up'],
        [3, 'ended up'],
        [3, 'get started'],
        [3, 'got started'],
        [3, 'decide to join'],
        [3, 'decided to join'],
        [3, 'choose'],
        [3, 'chose'],
        [2, 'join'],
        [2, 'joining'],
        [2, 'inspired'],
        [2, 'opportunity'],
        [1, 'start'],
      ],
      de: [
        [3, 'wie kamst du'],
        [3, 'wie kamen sie'],
        [3, 'auf die idee'],
        [3, 'inspiriert'],
        [3, 'entschieden'],
        [2, 'gekommen'],
        [1, 'angefangen'],
      ],
      es: [
        [3, 'como llego'],
        [3, 'por que decidio'],
        [3, 'inspiro'],
        [2, 'empezo'],
      ],
      fr: [
        [3, 'pourquoi avez vous rejoint'],
        [3, 'rejoindre'],
        [3, 'inspire'],
        [2, 'comment etes vous arrive'],
      ],
    },
  },
  {
    id: 'interview-process',
    label: 'The interview process',
    personal: true,
    cues: {
      en: [
        [3, 'interview process'],
        [3, 'hiring process'],
        [3, 'interviewing'],
        [3, 'recruiter'],
        [2, 'apply'],
        [2, 'application'],
        [2, 'onsite'],
      ],
      de: [
        [3, 'bewerbung'],
        [3, 'vorstellungsgesprach'],
      ],
      es: [
        [3, 'proceso de seleccion'],
        [3, 'entrevista de trabajo'],
      ],
      fr: [
        [3, 'entretien d embauche'],
        [3, 'recrutement'],
        [3, 'candidature'],
      ],
    },
  },
  {
    id: 'advice',
    label: 'Advice',
    personal: true,
    cues: {
      en: [
        [3, 'advice'],
        [3, 'advise'],
        [3, 'tips'],
        [3, 'recommend'],
        [3, 'say to someone'],
        [3, 'tell someone'],
        [3, 'someone considering'],
        [3, 'someone who s considering'],
        [3, 'someone whos considering'],
        [3, 'someone starting'],
        [3, 'younger self'],
        [3, 'aspiring'],
        [2, 'candidates'],
        [1, 'someone'],
      ],
      de: [
        [3, 'rat'],
        [3, 'ratschlag'],
        [3, 'tipp'],
        [3, 'empfehlen'],
        [2, 'raten'],
      ],
      es: [
        [3, 'consejo'],
        [3, 'recomendaria'],
        [3, 'recomendar'],
      ],
      fr: [
        [3, 'conseil'],
        [3, 'conseilleriez'],
        [3, 'recommander'],
      ],
    },
  },
  {
    id: 'typical-day',
    label: 'A typical day',
    personal: true,
    cues: {
      en: [
        [3, 'typical day'],
        [3, 'day to day'],
        [3, 'day in the life'],
        [3, 'average day'],
        [3, 'daily routine'],
        [2, 'routine'],
        [2, 'week look like'],
        [2, 'day look like'],
      ],
      de: [
        [3, 'alltag'],
        [3, 'arbeitsalltag'],
        [3, 'typischer tag'],
        [3, 'tagesablauf'],
      ],
      es: [
        [3, 'dia tipico'],
        [3, 'dia a dia'],
      ],
      fr: [
        [3, 'journee type'],
        [3, 'quotidien'],
      ],
    },
  },
  {
    id: 'proudest',
    label: 'Work they are proud of',
    personal: true,
    cues: {
      en: [
        [3, 'proud'],
        [3, 'proudest'],
        [3, 'favorite project'],
        [3, 'favourite project'],
        [3, 'accomplishment'],
        [3, 'achievement'],
        [3, 'problem you solved'],
        [2, 'impact'],
      ],
      de: [
        [3, 'stolz'],
        [3, 'erfolg'],
      ],
      es: [
        [3, 'orgulloso'],
        [3, 'orgullosa'],
        [3, 'logro'],
      ],
      fr: [
        [3, 'fier'],
        [3, 'fiere'],
        [3, 'realisation'],
      ],
    },
  },
  {
    id: 'team-culture',
    label: 'The team and its culture',
    personal: false,
    cues: {
      en: [
        [3, 'your team'],
        [3, 'the team you'],
        [3, 'culture'],
        [3, 'what makes * different'],
        [3, 'what makes * unique'],
        [3, 'work environment'],
        [3, 'colleagues'],
        [3, 'coworkers'],
        [1, 'team'],
      ],
      de: [
        [3, 'kultur'],
        [3, 'kollegen'],
        [3, 'euer team'],
        [3, 'ihr team'],
        [3, 'dein team'],
        [1, 'team'],
      ],
      es: [
        [3, 'cultura'],
        [3, 'companeros'],
        [3, 'tu equipo'],
        [1, 'equipo'],
      ],
      fr: [
        [3, 'culture'],
        [3, 'collegues'],
        [3, 'votre equipe'],
        [1, 'equipe'],
      ],
    },
  },
  {
    id: 'career-growth',
    label: 'Growth and learning',
    personal: true,
    cues: {
      en: [
        [3, 'career'],
        [3, 'grow'],
        [3, 'growing'],
        [3, 'growth'],
        [3, 'mentor'],
        [3, 'promotion'],
        [2, 'learn'],
        [2, 'learned'],
        [2, 'develop'],
      ],
      de: [
        [3, 'karriere'],
        [3, 'lernen'],
        [3, 'weiterentwickeln'],
        [2, 'entwickeln'],
      ],
      es: [
        [3, 'carrera profesional'],
        [3, 'aprender'],
        [3, 'aprendio'],
        [3, 'crecer'],
      ],
      fr: [
        [3, 'carriere'],
        [3, 'apprendre'],
        [3, 'evoluer'],
      ],
    },
  },
  {
    id: 'outside-work',
    label: 'Outside work',
    personal: true,
    cues: {
      en: [
        [3, 'outside of work'],
        [3, 'outside work'],
        [3, 'free time'],
        [3, 'spare time'],
        [3, 'hobbies'],
        [3, 'for fun'],
        [3, 'currently pinning'],
        [3, 'not working'],
      ],
      de: [
        [3, 'freizeit'],
        [3, 'hobby'],
        [3, 'hobbys'],
        [3, 'neben dem'],
        [2, 'gerne'],
      ],
      es: [
        [3, 'tiempo libre'],
        [3, 'aficiones'],
      ],
      fr: [
        [3, 'temps libre'],
        [3, 'loisirs'],
      ],
    },
  },
  {
    id: 'challenges',
    label: 'Challenges',
    personal: false,
    cues: {
      en: [
        [3, 'challenge'],
        [3, 'challenges'],
        [3, 'challenging'],
        [3, 'hardest'],
        [3, 'obstacle'],
        [2, 'difficult'],
      ],
      de: [
        [3, 'herausforderung'],
        [3, 'hurden'],
        [3, 'hurde'],
        [2, 'schwierigkeit'],
      ],
      es: [
        [3, 'desafio'],
        [3, 'reto'],
        [2, 'dificultad'],
      ],
      fr: [
        [3, 'defi'],
        [3, 'obstacle'],
        [2, 'difficulte'],
      ],
    },
  },
  {
    id: 'looking-ahead',
    label: 'Looking ahead',
    personal: false,
    cues: {
      en: [
        [3, 'future'],
        [3, 'trends'],
        [3, 'excited about'],
        [3, 'whats next'],
        [3, 'what is next'],
        [3, 'years from now'],
        [3, 'in * years'],
        [3, 'your plans'],
      ],
      de: [
        [3, 'zukunft'],
        [3, 'in * jahren'],
        [3, 'in nachster zeit'],
        [3, 'vor in nachster'],
        [3, 'freuen'],
      ],
      es: [
        [3, 'futuro'],
        [3, 'proximos anos'],
      ],
      fr: [
        [3, 'avenir'],
        [3, 'futur'],
        [3, 'dans * ans'],
      ],
    },
  },
  {
    id: 'looking-back',
    label: 'Looking back',
    personal: false,
    cues: {
      en: [
        [3, 'overall experience'],
        [3, 'looking back'],
        [3, 'in hindsight'],
        [3, 'reflect'],
        [3, 'reflecting'],
        [3, 'legacy'],
        [2, 'remember'],
      ],
      de: [
        [2, 'ruckblick'],
        [3, 'ruckblickend'],
        [3, 'erinnern'],
        [3, 'vermachtnis'],
      ],
      es: [
        [3, 'recuerda'],
        [3, 'legado'],
        [3, 'mirando atras'],
      ],
      fr: [
        [3, 'retrospective'],
        [3, 'bilan'],
        [3, 'souvenir'],
      ],
    },
  },
  {
    id: 'closing',
    label: 'Anything else',
    personal: false,
    cues: {
      en: [
        [3, 'anything else'],
        [3, 'final thoughts'],
        [3, 'last question'],
        [3, 'anything to add'],
      ],
      de: [
        [3, 'noch etwas'],
        [3, 'zum schluss'],
      ],
      es: [
        [3, 'algo mas'],
        [3, 'para terminar'],
      ],
      fr: [
        [3, 'autre chose'],
        [3, 'pour finir'],
      ],
    },
  },
];

function stemPhrase(phrase: string, lang: Lang): string[] {
  return phrase.split(' ').flatMap((w) => (w === '*' ? ['*'] : words(w).map((x) => stem(x, lang))));
}

/** Cues stemmed; two spellings with one stem ("join", "joining") count once, at the higher weight. */
function cuesOf(specs: readonly [number, string][], lang: Lang): Cue[] {
  const byStems = new Map<string, Cue>();
  for (const [weight, phrase] of specs) {
    const stems = stemPhrase(phrase, lang);
    const key = stems.join(' ');
    const had = byStems.get(key);
    if (!had || had.weight < weight) byStems.set(key, { stems, weight });
  }
  return [...byStems.values()];
}

export const KINDS: readonly QuestionKind[] = KIND_SPECS.map((k) => ({
  id: k.id,
  label: k.label,
  personal: k.personal,
  cues: Object.fromEntries(LANGS.map((l) => [l, cuesOf(k.cues[l] ?? [], l)])) as Record<Lang, Cue[]>,
}));

/** True when the cue's stems occur in order at `at`; '*' takes one to three words. */
function matchAt(stems: readonly string[], cue: readonly string[], at: number, c = 0): boolean {
  if (c === cue.length) return true;
  if (at >= stems.length) return false;
  if (cue[c] === '*') {
    for (let skip = 1; skip <= 3 && at + skip <= stems.length; skip++) {
      if (matchAt(stems, cue, at + skip, c + 1)) return true;
    }
    return false;
  }
  return stems[at] === cue[c] && matchAt(stems, cue, at + 1, c + 1);
}

function countCue(stems: readonly string[], cue: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < stems.length; i++) if (matchAt(stems, cue, i)) n++;
  return n;
}

/** What a question is, as grouping reads it. */
export interface QuestionText {
  question: string;
  subQuestions?: readonly string[];
  /** The answer's words (saved quotes and answer blocks), if any. */
  answer?: string;
}

/**
 * The part of a question that asks: its last sentence ending in "?" (a lead-in
 * such as "Frage 3:" or "The last question:" dropped), and the rest.
 */
export function askedPart(question: string): { asked: string; lead: string } {
  const q = question.replace(/^[\s–—-]+/, '').trim();
  const sentences = q.match(/[^.?!¿¡]*[?!.]+|[^.?!¿¡]+$/g) ?? [q];
  let i = -1;
  for (let j = sentences.length - 1; j >= 0; j--) {
    if (sentences[j]!.includes('?')) {
      i = j;
      break;
    }
  }
  if (i < 0) return { asked: q, lead: '' };
  let asked = sentences[i]!.trim();
  let lead = sentences.slice(0, i).join(' ');
  const colon = asked.lastIndexOf(':');
  if (colon > 0 && colon < asked.length - 2) {
    lead = `${lead} ${asked.slice(0, colon)}`;
    asked = asked.slice(colon + 1).trim();
  }
  return { asked, lead: lead.trim() };
}

export interface KindScore {
  kind: QuestionKind | null;
  score: number;
}

const ANSWER_WEIGHT = 0.2;
const ANSWER_CAP = 1.5;
const THRESHOLD = 2;

/** The kind a question asks about, or null when no kind clearly claims it. */
export function kindOf(q: QuestionText, lang?: Lang): KindScore {
  const { asked, lead } = askedPart(q.question);
  const askedWords = words(asked);
  // An answer's first characters tell its language and lean; they bound the work too.
  const answer = (q.answer ?? '').slice(0, 2000);
  const l = lang ?? detectLang([...askedWords, ...words(lead), ...words(answer).slice(0, 200)]);
  const st = (ws: readonly string[]) => ws.map((w) => stem(w, l));
  const askedStems = st(askedWords);
  const leadStems = st(words(lead));
  const subStems = (q.subQuestions ?? []).map((s) => st(words(s)));
  const answerStems = answer ? st(words(answer)) : [];
  // Most cues are in no answer: their first word tells, without walking the answer.
  const answerHas = new Set(answerStems);
  // A heading ("Advice to candidates") or a short question ("Any tips for candidates?") asks the interviewee too.
  const heading = askedWords.length <= 5;
  const addressed = heading || askedWords.some((w) => YOU[l].has(w)) || subStems.length > 0;
  let best: QuestionKind | null = null;
  let bestScore = 0;
  for (const kind of KINDS) {
    if (kind.personal && !addressed) continue;
    let s = 0;
    let fromAnswer = 0;
    for (const cue of kind.cues[l]) {
      s += cue.weight * Math.min(1, countCue(askedStems, cue.stems));
      s += 0.3 * cue.weight * Math.min(1, countCue(leadStems, cue.stems));
      for (const sub of subStems) s += 0.5 * cue.weight * Math.min(1, countCue(sub, cue.stems));
      if (cue.weight >= 3 && answerHas.has(cue.stems[0]!)) {
        fromAnswer += ANSWER_WEIGHT * cue.weight * Math.min(2, countCue(answerStems, cue.stems));
      }
    }
    s += Math.min(ANSWER_CAP, fromAnswer);
    if (s > bestScore) {
      best = kind;
      bestScore = s;
    }
  }
  // "Why Pinterest?", "Why Stripe?": a why-question naming only the place.
  if (l === 'en' && /^why\s+\S+(\s+\S+)?\?$/i.test(asked.trim()) && !/^why (not|so)\b/i.test(asked)) {
    const joining = KINDS[0]!;
    if (bestScore < 3) return { kind: joining, score: 3 };
  }
  return bestScore >= THRESHOLD ? { kind: best, score: bestScore } : { kind: null, score: bestScore };
}

/** Content words of a text, stemmed in its language, for similarity. */
export function contentStems(text: string, lang: Lang): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 3 || ANY_STOP.has(w) || /^\d+$/.test(w)) continue;
    out.push(stem(w, lang));
  }
  return out;
}
