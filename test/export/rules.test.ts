// Export rules StrykerJS changed without a test noticing (issue 11), each pinned.
import { describe, expect, it } from 'vitest';
import { escapeMarkdownBlock } from '../../src/export';
import { fileNameFor } from '../../src/export/file-name';
import { renderFrontMatter } from '../../src/export/front-matter';

const bytes = (s: string): number => new TextEncoder().encode(s).length;

describe('file names', () => {
  it('never name a Windows device, before the first dot or alone, in any case; names that only start or end like one are kept', () => {
    expect(fileNameFor('CON')).toBe('CON_');
    expect(fileNameFor('con.notes')).toBe('con_.notes');
    expect(fileNameFor('LPT1')).toBe('LPT1_');
    expect(fileNameFor('Com7')).toBe('Com7_');
    for (const kept of ['Console', 'Falcon', 'LPTx', 'auxiliary', 'Nullable'])
      expect(fileNameFor(kept)).toBe(kept);
  });

  it('fit in 244 UTF-8 bytes, a name of exactly 244 kept whole', () => {
    const exact = `a${'界'.repeat(81)}`;
    expect(bytes(exact)).toBe(244);
    expect(fileNameFor(exact)).toBe(exact);
    const over = `a${'界'.repeat(99)}`;
    expect(fileNameFor(over)).toBe(exact);
  });
});

describe('Markdown blocks', () => {
  it('drop blank lines at the start and end and keep one between paragraphs', () => {
    expect(escapeMarkdownBlock('\n\n  \nFirst\n\n\n\nSecond\n\n \n')).toBe('First\n\nSecond');
  });
});

describe('front matter', () => {
  it('leaves out a field whose text is blank', () => {
    expect(
      renderFrontMatter([
        ['title', 'A'],
        ['author', '  '],
      ]),
    ).toBe('---\ntitle: "A"\n---');
  });
});
