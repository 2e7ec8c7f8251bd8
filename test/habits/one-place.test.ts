// "One rule, one place" for the lists of kinds: each is a const array in
// src/types.ts, and no other file writes two or more of its members out as a
// list again (an array literal, a union type, a constantFrom(...)). A second
// copy is how the site list came to be written four times and drift.

import { describe, expect, it } from 'vitest';
import {
  BLOCK_KINDS,
  FORBIDDEN_KEYS,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_KINDS,
  LINK_STYLES,
  SITES,
} from '../../src/types';
import { readSource, sourceFiles } from './sources';

const ENUMERATIONS: Record<string, readonly string[]> = {
  SITES,
  BLOCK_KINDS,
  HIGHLIGHT_KINDS,
  HIGHLIGHT_COLORS,
  LINK_STYLES,
  FORBIDDEN_KEYS,
};

/** Runs of string literals joined by `,` or `|`: every place a list is written out. */
function literalLists(source: string): string[][] {
  const lists: string[][] = [];
  const run = /(['"])((?:\\.|(?!\1).)*)\1(?:\s*[,|]\s*(['"])(?:\\.|(?!\3).)*\3)+/g;
  for (const m of source.matchAll(run)) {
    lists.push([...m[0].matchAll(/(['"])((?:\\.|(?!\1).)*)\1/g)].map((x) => x[2]!));
  }
  return lists;
}

/**
 * A list is a copy of an enumeration when it names only its members, each
 * once: in code two are enough (a subset is a second rule about the same
 * kinds); tests also write expected values, so there only the whole list counts.
 */
function isCopy(list: readonly string[], members: readonly string[], inTest: boolean): boolean {
  if (!list.every((x) => members.includes(x)) || new Set(list).size !== list.length) return false;
  return inTest ? list.length === members.length : list.length >= 2;
}

describe('lists of kinds are written once, in src/types.ts', () => {
  const files = sourceFiles(['src', 'popup', 'options', 'bench', 'scripts', 'test']).filter(
    (f) => f !== 'src/types.ts' && f !== 'test/habits/one-place.test.ts',
  );

  it('finds the lists it looks for (the scanner works)', () => {
    expect(literalLists(`const x = ['a', "b"] as const; type T = 'c' | 'd';`)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(files.length).toBeGreaterThan(100);
  });

  for (const [name, members] of Object.entries(ENUMERATIONS)) {
    it(`${name} is not listed again anywhere else`, () => {
      const copies: string[] = [];
      for (const file of files) {
        for (const list of literalLists(readSource(file))) {
          if (isCopy(list, members, file.startsWith('test/'))) copies.push(`${file}: ${list.join(', ')}`);
        }
      }
      expect(copies, `import ${name} from src/types.ts instead`).toEqual([]);
    });
  }
});

describe('search text has one normal form (src/store/words.ts)', () => {
  /** Files that fold text for another rule than search, each with its reason. */
  const OTHER_RULES: Record<string, string> = {
    'src/store/words.ts': 'the search normal form itself',
    'src/extract/text.ts': 'stable section ids: a saved id must never change with the search form',
    'src/export/fragment-match.ts': "the browser's own text-fragment matching, mirrored",
  };

  it('is the only place that strips accents for comparing text', () => {
    const folding = sourceFiles(['src', 'popup', 'options']).filter((f) =>
      /\.normalize\(\s*['"]NFK?D['"]\s*\)/.test(readSource(f)),
    );
    expect(folding.filter((f) => !(f in OTHER_RULES))).toEqual([]);
  });
});

describe('tests make rows with one factory (test/rows.ts)', () => {
  /** Random rows for property tests are described field by field on purpose: they are generators, not one row. */
  const GENERATORS = ['test/hardening/message-arbitraries.ts', 'test/hardening/render-hostile.test.ts'];

  it('no other test file writes out a whole Highlight', () => {
    const writers = sourceFiles(['test']).filter((f) => {
      if (f === 'test/rows.ts' || GENERATORS.includes(f)) return false;
      const lines = readSource(f).split('\n');
      return lines.some((line, i) => {
        if (!/^\s*orphaned:/.test(line)) return false;
        const before = lines.slice(Math.max(0, i - 30), i).join('\n');
        return ['kind:', 'selectors:', 'fragmentUrl:', 'canonicalUrl:'].every((k) => before.includes(k));
      });
    });
    expect(writers, 'use makeHighlight from test/rows.ts').toEqual([]);
  });
});

describe('each rule is written once', () => {
  /** A rule, and the one file that may define a function by that name. */
  const HOMES: Record<string, string> = {
    comparePageOrder: 'src/order.ts',
    pagePosition: 'src/order.ts',
    groupByQuestion: 'src/order.ts',
    compareArticles: 'src/order.ts',
    parseTags: 'src/tags.ts',
    articleFromInterview: 'src/store/article.ts',
    articleFromHighlight: 'src/store/article.ts',
    checkHighlight: 'src/store/validate.ts',
    checkArticle: 'src/store/validate.ts',
    cleanTags: 'src/store/validate.ts',
    searchForm: 'src/store/words.ts',
    facets: 'options/logic/apply-filters.ts',
    matchesFilters: 'options/logic/apply-filters.ts',
  };

  const definition = (name: string): RegExp =>
    new RegExp(
      String.raw`(?:function\s+${name}\s*[(<]|(?:const|let)\s+${name}\s*(?::[^=]+)?=\s*(?:async\s*)?(?:\(|function|\w+\s*=>)|^\s*(?:private\s+|async\s+)*${name}\s*\([^)]*\)\s*[:{])`,
      'm',
    );

  it('finds each rule defined in its home (the scanner works)', () => {
    for (const [name, home] of Object.entries(HOMES))
      expect(definition(name).test(readSource(home)), name).toBe(true);
  });

  it('defines the functions of each rule only in its home', () => {
    const elsewhere: string[] = [];
    for (const file of sourceFiles(['src', 'popup', 'options'])) {
      const source = readSource(file);
      for (const [name, home] of Object.entries(HOMES)) {
        if (file !== home && definition(name).test(source))
          elsewhere.push(`${name} in ${file} (its home is ${home})`);
      }
    }
    expect(elsewhere).toEqual([]);
  });
});
