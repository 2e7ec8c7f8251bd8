// @vitest-environment happy-dom
// The popup over Interviews the real extractor builds from the saved fixture pages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractInterview } from '../../src/extract';
import type { Interview } from '../../src/types';
import { fakeServices, snapshot } from './fakes';
import { click, mount, questionTexts, type Mounted } from './mount';

const DIR = path.resolve('test/fixtures');

function load(name: string): Interview {
  const expected = JSON.parse(readFileSync(path.join(DIR, `${name}.expected.json`), 'utf8')) as {
    url: string;
  };
  const doc = new DOMParser().parseFromString(
    readFileSync(path.join(DIR, `${name}.html`), 'utf8'),
    'text/html',
  );
  return extractInterview(doc, expected.url);
}

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

async function open(interview: Interview) {
  mounted = await mount(
    fakeServices({ page: { status: 'ok', page: snapshot(interview, { articleKey: interview.url }) } }),
  );
  return mounted.root;
}

describe.each([
  'pinterest-engineering-career-interview',
  'life-at-pinterest-profile',
  'synthetic-panel-interview',
])('%s', (name) => {
  const interview = load(name);

  it('shows the header and every extracted question in order', async () => {
    const root = await open(interview);
    expect(interview.sections.length).toBeGreaterThan(1);
    expect(root.querySelector('h1')?.textContent).toBe(interview.title);
    if (interview.subject.name)
      expect(root.querySelector('.subject-name')?.textContent).toBe(interview.subject.name);
    expect(questionTexts(root)).toEqual(interview.sections.map((s) => s.question));
  });

  it('expands every answer to all of its blocks', async () => {
    const root = await open(interview);
    for (const s of interview.sections) {
      const li = root.querySelector(`li.qa[data-section-id="${s.id}"]`);
      await click(li?.querySelector('button.question'));
      const shown = li?.querySelector('.answer')?.textContent ?? '';
      for (const b of s.answer) expect(shown).toContain(b.text);
      const speakers = new Set(s.answer.flatMap((b) => (b.speaker ? [b.speaker] : [])));
      expect(
        new Set([...(li?.querySelectorAll('.speaker') ?? [])].map((e) => e.textContent?.replace(/: $/, ''))),
      ).toEqual(speakers);
      const ordered = s.answer.filter((b) => b.kind === 'list-item' && b.ordered).length;
      expect(li?.querySelectorAll('ol.answer-list > li').length).toBe(ordered);
    }
  });
});
