import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fileNameFor, libraryFiles, renderHighlights, renderLibraryZip } from '../../src/export';
import { article, specExample } from './data';
import { readMarkdown } from './markdown-text';

describe('fileNameFor', () => {
  it('keeps every readable character, replacing only what file systems forbid', () => {
    expect(fileNameFor('Q&A: Working on Pinterest’s mobile performance team')).toBe(
      'Q&A - Working on Pinterest’s mobile performance team',
    );
    expect(fileNameFor('Life at Pinterest Profile: Aayush Mudgal')).toBe(
      'Life at Pinterest Profile - Aayush Mudgal',
    );
    expect(fileNameFor('Ärger über Öl — 日本語のインタビュー №5 हिन्दी')).toBe(
      'Ärger über Öl — 日本語のインタビュー №5 हिन्दी',
    );
    expect(fileNameFor('Node.js, C++ & “AI” (part 2) — 50% done!')).toBe(
      'Node.js, C++ & “AI” (part 2) — 50% done!',
    );
    expect(fileNameFor('a/b\\c:d*e?f"g<h>i|j')).toBe('a b c-d e f g h i j');
    expect(fileNameFor('[[Link]] #tag ^block')).toBe('Link tag block');
    expect(fileNameFor('snake_case and kebab-case')).toBe('snake_case and kebab-case');
    expect(fileNameFor('tab\there\u202eevil\u0000')).toBe('tab hereevil');
  });

  it('never starts with a dot and is never empty', () => {
    expect(fileNameFor('.hidden')).toBe('hidden');
    expect(fileNameFor('Wait for it...')).toBe('Wait for it');
    expect(fileNameFor('../../etc/passwd')).toBe('etc passwd');
    expect(fileNameFor('')).toBe('untitled');
    expect(fileNameFor('?!…')).toBe('untitled');
    expect(fileNameFor('   ')).toBe('untitled');
  });

  it('is at most 100 characters, never cutting a character in half', () => {
    expect(Array.from(fileNameFor('x'.repeat(500)))).toHaveLength(100);
    const emoji = fileNameFor(`${'a'.repeat(99)}𝒜𝒜`);
    expect(Array.from(emoji)).toHaveLength(100);
    expect(emoji.endsWith('𝒜')).toBe(true);
    expect(fileNameFor(`${'a'.repeat(99)} b`)).toBe('a'.repeat(99));
  });

  it('steers clear of Windows device names', () => {
    expect(fileNameFor('CON')).toBe('CON_');
    expect(fileNameFor('con.txt')).toBe('con_.txt');
    expect(fileNameFor('Com1.Notes')).toBe('Com1_.Notes');
  });
});

describe('renderLibraryZip', () => {
  const one = specExample();
  const twin = { article: { ...article(), key: 'https://example.com/other' }, highlights: [] };
  const hostile = {
    article: article({ key: 'https://example.com/h', title: '[Evil](javascript:x) (draft) & more' }),
    highlights: one.highlights,
  };
  const entries = [one, twin, hostile];

  it('holds index.md and one note per interview, with deduplicated names', () => {
    const files = unzipSync(renderLibraryZip(entries, { clipped: '2026-11-21' }));
    const names = Object.keys(files);
    expect(names).toEqual([
      'index.md',
      'Create the engineering career you love at Pinterest.md',
      'Create the engineering career you love at Pinterest (2).md',
      'Evil (javascript-x) (draft) & more.md',
    ]);
    expect(strFromU8(files[names[1]!]!)).toBe(
      renderHighlights(one.article, one.highlights, { clipped: '2026-11-21' }),
    );
  });

  it('links each note from the index with escaped text and percent-encoded targets', () => {
    const [index] = libraryFiles(entries, { clipped: '2026-11-21' });
    const doc = readMarkdown(index!.text);
    expect(doc.forbidden).toEqual([]);
    const links = doc.blocks.flatMap((b) => b.links);
    expect(links).toEqual([
      {
        text: 'Create the engineering career you love at Pinterest',
        href: 'Create%20the%20engineering%20career%20you%20love%20at%20Pinterest.md',
      },
      {
        text: 'Create the engineering career you love at Pinterest',
        href: 'Create%20the%20engineering%20career%20you%20love%20at%20Pinterest%20%282%29.md',
      },
      {
        text: '[Evil](javascript:x) (draft) & more',
        href: 'Evil%20%28javascript-x%29%20%28draft%29%20%26%20more.md',
      },
    ]);
    for (const l of links) expect(decodeURIComponent(l.href)).toMatch(/\.md$/);
  });

  it('gives the same bytes for the same library, in any time zone', () => {
    const a = renderLibraryZip(entries, { clipped: '2026-11-21' });
    const b = renderLibraryZip(entries, { clipped: '2026-11-21' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // The DOS date in the first local file header: 2000-01-01 00:00 written from local fields.
    const view = new DataView(a.buffer, a.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(10, true)).toBe(0);
    expect(view.getUint16(12, true)).toBe(((2000 - 1980) << 9) | (1 << 5) | 1);
  });
});
