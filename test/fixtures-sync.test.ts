// test/fixtures is the project's copy of the shared fixtures; it must not drift.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(__dirname, '..');
const shared = resolve(repoRoot, '../shared/fixtures');
const local = join(repoRoot, 'test/fixtures');

describe('test/fixtures matches ../shared/fixtures', () => {
  if (!existsSync(shared)) {
    it(`cannot compare: ${shared} is absent (the copy in test/fixtures is used as it is)`, () => {
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
      expect(existsSync(here), `${f} is missing from test/fixtures: copy it from ${shared}`).toBe(true);
      expect(
        readFileSync(here).equals(readFileSync(join(shared, f))),
        `${f} differs from ${shared}/${f}`,
      ).toBe(true);
    });
  }
});
