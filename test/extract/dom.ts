// Parsing pages the way the CLI does: a happy-dom Window per page, closed after use.

import { Window } from 'happy-dom';
import { decodeHtml, documentFrom } from '../../src/extract/html';

export const PARSE_SETTINGS = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  disableComputedStyleRendering: true,
};

/** Runs fn on the page as the CLI reads it: bytes decoded in the page's charset, the standard's tree. */
export async function withDocument<T>(
  page: string | Uint8Array,
  url: string,
  fn: (document: Document) => T,
): Promise<T> {
  const window = new Window({ url, settings: PARSE_SETTINGS });
  try {
    const html = typeof page === 'string' ? page : decodeHtml(page);
    const document = documentFrom(new window.DOMParser() as unknown as DOMParser, html);
    return fn(document);
  } finally {
    await window.happyDOM.close();
  }
}
