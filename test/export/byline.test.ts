// The byline leaves out a name that shows as nothing (found by the hostile
// render fuzz test: a control-character name left a stray " · ").
import { describe, expect, it } from 'vitest';
import { bylineLine } from '../../src/export/site';

const base = {
  url: 'https://medium.com/pinterest-engineering/a-post-0123',
  canonicalUrl: null,
  site: 'pinterest-engineering-blog' as const,
  title: 'A post',
  author: null,
  publication: null,
  published: null,
};

describe('bylineLine', () => {
  it('leaves out a name made only of control characters', () => {
    const line = bylineLine({ ...base, subject: { name: '\u0001\u0002' } }, 'none');
    expect(line).toBe('Pinterest Engineering Blog');
  });

  it('keeps a real name first', () => {
    const line = bylineLine({ ...base, subject: { name: 'Ana Torres', role: 'Engineer' } }, 'none');
    expect(line).toBe('Ana Torres, Engineer · Pinterest Engineering Blog');
  });
});
