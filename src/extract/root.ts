// Which element holds the article. The anchoring and content-script code use
// the same element as the origin of text positions, so the choice must be
// stable for a given page.

const MIN_ARTICLE_CHARS = 200;

/**
 * Characters of text under el, counting stops once `enough` is reached (textContent would build the whole string).
 * Walks in document order with one child iterator per open element, so stopping early also
 * skips the siblings not yet reached: pushing every child first cost 0.3 s on a 100,000-paragraph article.
 */
export function textLength(el: Element, enough = Infinity): number {
  let n = 0;
  const stack: Iterator<Node>[] = [el.childNodes[Symbol.iterator]()];
  while (stack.length > 0) {
    const next = stack[stack.length - 1]!.next();
    if (next.done) {
      stack.pop();
      continue;
    }
    const node = next.value;
    if (node.nodeType === 3) {
      n += (node as Text).data.length;
      if (n >= enough) return n;
    } else if (
      node.nodeType === 1 &&
      (node as Element).localName !== 'script' &&
      (node as Element).localName !== 'style'
    ) {
      stack.push(node.childNodes[Symbol.iterator]());
    }
  }
  return n;
}

/**
 * The article body: an explicit articleBody, else the <article> that holds most
 * of the page's article text, else <main>, else <body>.
 */
export function findArticleRoot(document: Document): Element {
  const fallback = (): Element => document.body ?? document.documentElement ?? document.createElement('body');
  try {
    const candidates = Array.from(
      document.querySelectorAll('[itemprop~="articleBody"], article, main, [role="main"]'),
    );
    const body = candidates.find((el) =>
      (el.getAttribute('itemprop') ?? '').split(/\s+/).includes('articleBody'),
    );
    if (body && textLength(body, MIN_ARTICLE_CHARS) >= MIN_ARTICLE_CHARS) return body;

    // Outermost articles only: a nested <article> is a card or comment inside another.
    const articles = candidates.filter(
      (el) => el.localName === 'article' && !el.parentElement?.closest('article'),
    );
    if (articles.length === 1) {
      if (textLength(articles[0]!, MIN_ARTICLE_CHARS) >= MIN_ARTICLE_CHARS) return articles[0]!;
    } else if (articles.length > 1) {
      let best: Element | null = null;
      let bestLen = 0;
      let total = 0;
      for (const a of articles) {
        const len = textLength(a);
        total += len;
        if (len > bestLen) {
          best = a;
          bestLen = len;
        }
      }
      // Comment threads mark each comment as an <article>: one of many is not the article.
      if (best && bestLen >= MIN_ARTICLE_CHARS && bestLen >= total / 2) return best;
    }
    const main = candidates.find((el) => el.localName === 'main' || el.getAttribute('role') === 'main');
    if (main && textLength(main, MIN_ARTICLE_CHARS) >= MIN_ARTICLE_CHARS) return main;
  } catch {
    // Odd documents (no body, foreign roots) fall through to the fallback.
  }
  return fallback();
}
