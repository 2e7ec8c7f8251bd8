// How big an article the content script reads for questions. Extraction is
// one synchronous pass over the article (it is shared with the CLI, where no
// page waits on it); past these sizes that pass would hold a reader's page for
// more than 200 ms on a slow machine. Such a page is not read for questions
// (the popup says it is too large); saving and painting highlights still work,
// since they search the page in time slices.
//
// Measured in Chromium: about 15-25 ns per character of article text and
// 1.5-3 µs per element (see test/e2e/huge-pages.test.ts). Real interviews are
// far below: the saved fixtures hold under 20,000 characters and 1,000 elements.

import { textLength } from '../extract';

/** Characters of article text (textContent) past which the page is too large to read. */
export const MAX_ARTICLE_CHARS = 2_000_000;
/** Elements under the article root past which the page is too large to read. */
export const MAX_ARTICLE_ELEMENTS = 40_000;

export interface ArticleSize {
  tooLarge: boolean;
  /** Changes when the article's text does (exactly for a readable article; by element count for one too large). */
  signature: string;
}

/**
 * Whether extraction over `root` could freeze the page, measured without
 * reading more of it than the limits: textContent alone builds a string of the
 * whole article (150 ms for 20 MB).
 */
export function articleSize(root: Element): ArticleSize {
  // getElementsByTagName counts natively, a few milliseconds even for 100,000 elements.
  const elements = root.getElementsByTagName('*').length;
  const tooLarge =
    elements > MAX_ARTICLE_ELEMENTS || textLength(root, MAX_ARTICLE_CHARS + 1) > MAX_ARTICLE_CHARS;
  return { tooLarge, signature: tooLarge ? `large|${elements}` : String((root.textContent ?? '').length) };
}
