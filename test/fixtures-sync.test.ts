// test/fixtures and test/real-pages are the project's copies of the shared
// fixtures and real pages; they must not drift from ../shared.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(__dirname, '..');

for (const folder of ['fixtures', 'real-pages']) {
  const shared = resolve(repoRoot, '../shared', folder);
  const local = join(repoRoot, 'test', folder);

  describe(`test/${folder} matches ../shared/${folder}`, () => {
    if (!existsSync(shared)) {
      it(`cannot compare: ${shared} is absent (the copy in test/${folder} is used as it is)`, () => {
        expect(existsSync(local)).toBe(true);
      });
      return;
    }
    const sharedFiles = readdirSync(shared).sort();
    const localFiles = readdirSync(local).sort();

    it('holds every shared file and no other', () => {
      expect(localFiles).toEqual(sharedFiles);
    });

    for (const f of sharedFiles) {
      it(`${f} is identical`, () => {
        const here = join(local, f);
        expect(existsSync(here), `${f} is missing from test/${folder}: copy it from ${shared}`).toBe(true);
        expect(
          readFileSync(here).equals(readFileSync(join(shared, f))),
          `${f} differs from ${shared}/${f}`,
        ).toBe(true);
      });
    }
  });
}
