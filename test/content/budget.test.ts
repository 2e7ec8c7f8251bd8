// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { articleSize, MAX_ARTICLE_CHARS, MAX_ARTICLE_ELEMENTS } from '../../src/content/budget';

function article(paragraphs: number, text: string): HTMLElement {
  const el = document.createElement('article');
  for (let i = 0; i < paragraphs; i++) {
    const p = document.createElement('p');
    p.textContent = text;
    el.append(p);
  }
  return el;
}

describe('articleSize', () => {
  it('reads an article within the limits, with its exact text length as signature', () => {
    const el = article(50, 'An answer paragraph of ordinary length.');
    expect(articleSize(el)).toEqual({ tooLarge: false, signature: String(el.textContent!.length) });
  });

  it('declines an article with more text than the limit', () => {
    const el = article(3, 'x'.repeat(Math.ceil(MAX_ARTICLE_CHARS / 2)));
    expect(articleSize(el).tooLarge).toBe(true);
    expect(articleSize(article(1, 'x'.repeat(MAX_ARTICLE_CHARS))).tooLarge).toBe(false);
  });

  it('declines an article with more elements than the limit', () => {
    expect(articleSize(article(MAX_ARTICLE_ELEMENTS + 1, 'a')).tooLarge).toBe(true);
    expect(articleSize(article(MAX_ARTICLE_ELEMENTS, 'a')).tooLarge).toBe(false);
  });
});
