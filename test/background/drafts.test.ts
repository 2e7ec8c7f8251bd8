import { describe, expect, it } from 'vitest';
import { Drafts } from '../../src/background/drafts';

const update = (id: string, patch: object) => ({
  type: 'library:update' as const,
  id,
  patch,
  articleKey: 'https://example.com/a',
});

describe('Drafts', () => {
  it('keeps the newest edit of each row, merged, and hands it over once', () => {
    const d = new Drafts();
    d.put(update('a', { note: 'T' }));
    d.put(update('a', { note: 'Typed' }));
    d.put(update('a', { tags: ['x'] }));
    d.put(update('b', { note: 'Other' }));
    expect(d.take()).toEqual([update('a', { note: 'Typed', tags: ['x'] }), update('b', { note: 'Other' })]);
    expect(d.take()).toEqual([]);
  });

  it('drops a row the page wrote itself, but not one typed on since', () => {
    const d = new Drafts();
    d.put(update('a', { note: 'Done' }));
    d.put(update('b', { note: 'Still typing' }));
    d.settled('a', { note: 'Done' });
    d.settled('b', { note: 'Still' });
    expect(d.take()).toEqual([update('b', { note: 'Still typing' })]);
  });
});
