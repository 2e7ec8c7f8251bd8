// Every saved page in test/fixtures against its hand-written NAME.expected.json,
// with the shared scorer's normalisation and checks.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractInterview } from '../../src/extract';
import type { Interview } from '../../src/types';
import { withDocument } from './dom';
import { checksFor, view, type Expected, type View } from './score';

const dir = resolve(__dirname, '../fixtures');
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .sort();

it('has fixture pages with expected files', () => {
  expect(pages.length).toBeGreaterThanOrEqual(4);
});

for (const file of pages) {
  const name = file.replace(/\.expected\.json$/, '');
  const expected = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Expected;
  describe(name, () => {
    let v: View;
    let interview: Interview;
    beforeAll(async () => {
      const html = readFileSync(join(dir, `${name}.html`), 'utf8');
      interview = await withDocument(html, expected.url, (d) => extractInterview(d, expected.url));
      // Through JSON, as the CLI hands it to the scorer.
      v = view(JSON.parse(JSON.stringify(interview)));
    });
    for (const check of checksFor(expected)) {
      it(check.description, () => {
        expect(check.test(v)).toBe(true);
      });
    }
    it('answers hold no empty blocks and sections have unique ids', () => {
      for (const s of interview.sections) for (const b of s.answer) expect(b.text.trim()).not.toBe('');
      const ids = interview.sections.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });
}
