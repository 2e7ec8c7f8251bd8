// A made-up library of any size, the same for the same seed: for benchmarks
// and load tests. Words are invented or plain English, with some accented and
// ligature spellings so search normalisation is exercised at scale.

import { HIGHLIGHT_COLORS, SITES, type Article, type Highlight } from '../types';

/** mulberry32: small, fast, good enough to scatter test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'team teams engineer engineering culture growth career mentor mentorship product design data platform ' +
  'infrastructure reliability pinners pins boards search ranking model models experiment experiments launch ' +
  'learn learning lead leadership manager managers interview interviews hiring onboarding remote office ' +
  'résumé café naïve coöperation façade ﬁnance eﬃcient straße über crème décor ' +
  'inclusion belonging feedback ownership impact scale latency storage mobile android ios web frontend backend ' +
  'curiosity collaboration advice first day week year project projects challenge challenges favorite favourite ' +
  'pipeline kafka spark graph recommendation recommendations ads shopping creators video trust safety privacy'
).split(/\s+/);

const FIRST = [
  'Ana',
  'Bilal',
  'Chloé',
  'Dmitri',
  'Eun-ji',
  'Farah',
  'Gábor',
  'Hiro',
  'Inès',
  'José',
  'Kwame',
  'Léa',
  'Mateus',
  'Nadia',
  'Øyvind',
  'Priya',
];
const LAST = [
  'Álvarez',
  'Brennan',
  'Chen',
  'Dubois',
  'Eriksen',
  'Fernández',
  'García',
  'Huang',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Müller',
  'Nakamura',
  'Okafor',
];
const TAGS = [
  'culture',
  'career',
  'hiring',
  'advice',
  'Leadership',
  'growth',
  'remote',
  'mentorship',
  'data',
  'infra',
  'favourite',
  'to-read',
];
const DAY = 86_400_000;
const START = Date.UTC(2019, 0, 1);

export interface GeneratedLibrary {
  articles: Article[];
  highlights: Highlight[];
}

export function generateLibrary(nArticles: number, nHighlights: number, seed = 1): GeneratedLibrary {
  const rnd = seededRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pickOne = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const sentence = (n: number) => {
    const ws = Array.from({ length: n }, () => pickOne(WORDS));
    const s = ws.join(' ');
    return `${s.charAt(0).toUpperCase() + s.slice(1)}.`;
  };
  const hex = (n: number) => Array.from({ length: n }, () => int(16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`;

  const articles: Article[] = [];
  for (let i = 0; i < nArticles; i++) {
    const site = pickOne(SITES);
    const url =
      site === 'pinterest-engineering-blog'
        ? `https://medium.com/pinterest-engineering/interview-${i}-${hex(12)}`
        : site === 'life-at-pinterest'
          ? `https://www.pinterestcareers.com/life-at-pinterest/profile-${i}/`
          : `https://example.org/blog/interview-${i}`;
    const name = `${pickOne(FIRST)} ${pickOne(LAST)}`;
    const sections = Array.from({ length: 3 + int(8) }, (_, s) => ({
      id: `q-${i}-${s}`,
      question: sentence(4 + int(8)).replace(/\.$/, '?'),
    }));
    const created = START + int(5 * 365) * DAY + int(DAY);
    articles.push({
      key: url,
      url,
      canonicalUrl: rnd() < 0.7 ? url : null,
      site,
      title: `${pickOne(['Meet', 'Inside', 'A day with', 'Q&A with'])} ${name}: ${sentence(3 + int(5)).replace(/\.$/, '')}`,
      author: rnd() < 0.8 ? 'Pinterest Engineering' : null,
      publication: site === 'pinterest-engineering-blog' ? 'Pinterest Engineering Blog' : null,
      published: rnd() < 0.85 ? new Date(created - int(30) * DAY).toISOString().slice(0, 10) : null,
      subject: {
        name,
        role: pickOne(['Software Engineer', 'Engineering Manager', 'Data Scientist', 'Designer']),
      },
      sections,
      createdAt: created,
      updatedAt: created,
      lastClippedAt: created,
    });
  }

  const highlights: Highlight[] = [];
  for (let i = 0; i < nHighlights && articles.length > 0; i++) {
    const a = articles[i < articles.length ? i : int(articles.length)]!;
    const section = rnd() < 0.9 ? pickOne(a.sections) : undefined;
    const quote = Array.from({ length: 1 + int(4) }, () => sentence(6 + int(20))).join(' ');
    const start = int(40_000);
    const createdAt = a.createdAt + int(200) * DAY + int(DAY);
    const edited = rnd() < 0.3;
    const tagCount = rnd() < 0.5 ? 0 : 1 + int(3);
    highlights.push({
      id: uuid(),
      articleKey: a.key,
      kind: rnd() < 0.85 ? 'selection' : 'paragraph',
      quote,
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: quote,
          prefix: sentence(4).slice(-32),
          suffix: sentence(4).slice(0, 32),
        },
        { type: 'TextPositionSelector', start, end: start + quote.length },
      ],
      sectionId: section?.id ?? null,
      question: section?.question ?? null,
      speaker: null,
      url: a.url,
      canonicalUrl: a.canonicalUrl,
      fragmentUrl: `${a.url}#:~:text=${encodeURIComponent(quote.split(' ').slice(0, 4).join(' '))}`,
      color: pickOne(HIGHLIGHT_COLORS),
      note: rnd() < 0.3 ? sentence(5 + int(25)) : '',
      tags: [...new Set(Array.from({ length: tagCount }, () => pickOne(TAGS)))],
      createdAt,
      updatedAt: edited ? createdAt + int(30) * DAY : createdAt,
      orphaned: rnd() < 0.03,
    });
    if (createdAt > a.lastClippedAt) a.lastClippedAt = a.updatedAt = createdAt;
  }
  return { articles, highlights };
}
