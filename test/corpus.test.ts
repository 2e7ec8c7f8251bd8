// Real-world pages (Mozilla Readability's test pages): the extractor must
// return a well-formed Interview on every one without throwing, and must not
// call any page listed in not-interviews.txt an interview.
// The folder comes from INTERVIEW_CORPUS (default ../shared/corpus); CI provides it.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractInterview } from '../src/extract';
import { BLOCK_KINDS, SITES as SITE_LIST, type Block, type Interview } from '../src/types';
import { withDocument } from './extract/dom';

const repoRoot = resolve(__dirname, '..');
const corpus = resolve(repoRoot, process.env.INTERVIEW_CORPUS ?? '../shared/corpus');
const pagesDir = join(corpus, 'readability-pages');

const KINDS = new Set<string>(BLOCK_KINDS);
const SITES = new Set<string>(SITE_LIST);

function shapeProblems(iv: Interview): string[] {
  const p: string[] = [];
  const strOrNull = (k: keyof Interview): void => {
    const v = iv[k];
    if (v !== null && typeof v !== 'string') p.push(`${k} is ${typeof v}`);
  };
  if (typeof iv.url !== 'string') p.push('url');
  if (typeof iv.title !== 'string') p.push('title');
  if (typeof iv.interview !== 'boolean') p.push('interview');
  if (!SITES.has(iv.site)) p.push(`site ${String(iv.site)}`);
  for (const k of ['canonicalUrl', 'author', 'publication', 'published'] as const) strOrNull(k);
  if (iv.published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(iv.published)) p.push(`published ${iv.published}`);
  if (!iv.subject || typeof iv.subject !== 'object') p.push('subject');
  else
    for (const [k, v] of Object.entries(iv.subject))
      if (typeof v !== 'string' || v === '') p.push(`subject.${k}`);
  if (
    !Array.isArray(iv.facts) ||
    iv.facts.some((f) => typeof f.label !== 'string' || typeof f.value !== 'string')
  )
    p.push('facts');
  const blockOk = (b: Block): boolean =>
    KINDS.has(b.kind) &&
    typeof b.text === 'string' &&
    b.text.trim() !== '' &&
    (b.speaker === undefined || typeof b.speaker === 'string') &&
    (b.ordered === undefined || typeof b.ordered === 'boolean');
  if (!Array.isArray(iv.intro) || !iv.intro.every(blockOk)) p.push('intro blocks');
  if (!Array.isArray(iv.sections)) p.push('sections');
  else {
    if (iv.interview !== iv.sections.length >= 2)
      p.push(`interview ${iv.interview} with ${iv.sections.length} sections`);
    const ids = new Set<string>();
    for (const s of iv.sections) {
      if (typeof s.id !== 'string' || s.id === '' || ids.has(s.id)) p.push(`section id ${s.id}`);
      ids.add(s.id);
      if (typeof s.question !== 'string' || s.question.trim() === '') p.push('question text');
      if (!Array.isArray(s.subQuestions) || s.subQuestions.some((q) => typeof q !== 'string'))
        p.push('subQuestions');
      if (!Array.isArray(s.answer) || !s.answer.every(blockOk)) p.push(`answer blocks of ${s.question}`);
    }
  }
  return p;
}

describe('corpus', () => {
  it(`is present at ${corpus}`, () => {
    expect(
      existsSync(pagesDir),
      `no corpus at ${corpus}: set INTERVIEW_CORPUS to the folder holding readability-pages/ and not-interviews.txt`,
    ).toBe(true);
  });
  if (!existsSync(pagesDir)) return;

  const files = readdirSync(pagesDir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const notInterviews = new Set(
    readFileSync(join(corpus, 'not-interviews.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );

  it('holds pages and a not-interviews list that names them', () => {
    expect(files.length).toBeGreaterThan(100);
    const names = new Set(files.map((f) => f.replace(/\.html$/, '')));
    expect([...notInterviews].filter((n) => !names.has(n))).toEqual([]);
  });

  it('extracts every page without throwing, in shape, and finds no Q&A on the not-interviews', {
    timeout: 240_000,
  }, async () => {
    const problems: string[] = [];
    for (const f of files) {
      const name = f.replace(/\.html$/, '');
      const url = `https://example.com/${name}`;
      const html = readFileSync(join(pagesDir, f), 'utf8');
      let iv: Interview;
      try {
        iv = await withDocument(html, url, (d) => extractInterview(d, url));
      } catch (e) {
        problems.push(`${name}: threw ${(e as Error).message}`);
        continue;
      }
      for (const p of shapeProblems(JSON.parse(JSON.stringify(iv)) as Interview))
        problems.push(`${name}: ${p}`);
      if (notInterviews.has(name) && iv.interview)
        problems.push(`${name}: called an interview (${iv.sections.map((s) => s.question).join(' | ')})`);
    }
    expect(problems).toEqual([]);
  });
});
