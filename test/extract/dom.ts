// Parsing pages the way the CLI does: a happy-dom Window per page, closed after use.

import { Window } from 'happy-dom';

export const PARSE_SETTINGS = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  disableComputedStyleRendering: true,
};

export async function withDocument<T>(html: string, url: string, fn: (document: Document) => T): Promise<T> {
  const window = new Window({ url, settings: PARSE_SETTINGS });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    return fn(document);
  } finally {
    await window.happyDOM.close();
  }
}
