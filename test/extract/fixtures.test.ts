// Every saved page in test/fixtures (pages written to resemble the sites) and
// test/real-pages (real pages saved by others, labelled by hand) against its
// NAME.expected.json, with the shared scorer's normalisation and checks: one
// test per check, so anything below 100% fails. Pages are read as the CLI
// reads them (their bytes, in their declared charset).

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractInterview } from '../../src/extract';
import type { Interview } from '../../src/types';
import { withDocument } from './dom';
import { checksFor, type Expected, type View, view } from './score';

for (const [folder, least] of [
  ['fixtures', 4],
  ['real-pages', 20],
] as const) {
  const dir = resolve(__dirname, '..', folder);
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort();

  describe(folder, () => {
    it(`has at least ${least} pages with expected files`, () => {
      expect(pages.length).toBeGreaterThanOrEqual(least);
    });

    for (const file of pages) {
      const name = file.replace(/\.expected\.json$/, '');
      const expected = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Expected;
      describe(name, () => {
        let v: View;
        let interview: Interview;
        beforeAll(async () => {
          const bytes = readFileSync(join(dir, `${name}.html`));
          interview = await withDocument(bytes, expected.url, (d) => extractInterview(d, expected.url));
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
  });
}
