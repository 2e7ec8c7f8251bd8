// The page as the content script reads it: which article is on it, its
// questions, and the text index highlights are found in. Extraction and
// indexing happen once per page state (load, URL change, late content), never
// per mutation; the session asks refresh() when something may have changed.

import { buildTextIndex, buildTextIndexSteps, runSliced, type TextIndex } from '../anchor';
import { detectSite, extractInterview, findArticleRoot } from '../extract';
import { message } from '../messages';
import type { Interview } from '../types';
import { articleKey } from '../url';
import { articleSize } from './budget';
import type { ContentEnv } from './env';
import { locateSections, type SectionSpan } from './sections';
import { measured, recordSlice } from './timing';

export class PageReader {
  url = '';
  interview: Interview | null = null;
  /** The article is past the size extraction can read without freezing the page (see budget.ts). */
  tooLarge = false;
  root: Element;
  private signature = '';
  private index: TextIndex | null = null;
  private spans: SectionSpan[] | null = null;
  private lastReport = '';

  constructor(private readonly env: ContentEnv) {
    const document = env.window.document;
    this.root = document.body ?? document.documentElement;
  }

  /** The key highlights of this page are filed under: the tab's address (see store/article.ts). */
  get articleKey(): string {
    return articleKey(this.url || this.env.window.location.href);
  }

  /** The next refresh reports the page to the background even when nothing about it changed. */
  reportAgain(): void {
    this.lastReport = '';
  }

  /** True when the address names another article than the one read. */
  movedAway(): boolean {
    return articleKey(this.env.window.location.href) !== articleKey(this.url);
  }

  /**
   * Re-extracts when the URL changed or the article's text did. Answers null
   * when nothing changed, else whether it is another page (whose highlights
   * and paint must go) or the same page grown.
   */
  refresh(): { pageChanged: boolean } | null {
    const document = this.env.window.document;
    const url = this.env.window.location.href;
    const pageChanged = articleKey(url) !== articleKey(this.url);
    const root =
      measured('root', () => findArticleRoot(document)) ?? document.body ?? document.documentElement;
    const size = measured('size', () => articleSize(root));
    const signature = `${articleKey(url)}|${size.signature}`;
    if (!pageChanged && root === this.root && signature === this.signature) return null;

    this.url = url;
    this.root = root;
    this.signature = signature;
    this.index = null;
    this.spans = null;
    try {
      this.tooLarge = size.tooLarge;
      this.interview = this.tooLarge
        ? unreadInterview(document, url)
        : measured('extract', () => extractInterview(document, url));
    } catch (e) {
      console.warn('[interview-highlights] extraction failed', e);
      this.interview = null;
    }
    const report = {
      url,
      questionCount: this.interview?.sections.length ?? 0,
      interview: this.interview?.interview ?? false,
    };
    const reportKey = JSON.stringify(report);
    if (reportKey !== this.lastReport) {
      this.lastReport = reportKey;
      void this.env.send(message('page:extracted', report));
    }
    return { pageChanged };
  }

  getIndex(): TextIndex {
    this.index ??= measured('text-index', () => buildTextIndex(this.root));
    return this.index;
  }

  /** The index, built in slices when it is not there yet, so a huge page does not freeze while it is read. */
  async indexInSlices(signal: AbortSignal): Promise<TextIndex> {
    if (this.index) return this.index;
    const root = this.root;
    const built = await runSliced(buildTextIndexSteps(root), {
      signal,
      onSlice: (start, end) => recordSlice('text-index', start, end),
    });
    // A save may have built it meanwhile; the root may have changed: keep what matches the page now.
    if (root === this.root) this.index ??= built;
    return this.index ?? built;
  }

  getSpans(): SectionSpan[] {
    this.spans ??= this.interview
      ? measured('sections', () => locateSections(this.getIndex().text, this.interview!.sections))
      : [];
    return this.spans;
  }
}

/**
 * A page too large to read for questions: no Q&A, but enough for a highlight
 * to be filed under the page (its title is the tab's).
 */
function unreadInterview(document: Document, url: string): Interview {
  return {
    url,
    canonicalUrl: null,
    site: detectSite(document, url),
    interview: false,
    title: (document.title ?? '').trim(),
    author: null,
    publication: null,
    published: null,
    subject: {},
    facts: [],
    intro: [],
    sections: [],
  };
}
