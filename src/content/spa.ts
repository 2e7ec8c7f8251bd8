// Medium is a single-page app: the URL changes without a reload and the
// article arrives after the first paint. This watches both, cheaply: the
// mutation callback only looks for added nodes with text, debounced, and
// never does extraction itself.

export interface PageWatchHandlers {
  /** The address changed (pushState, back/forward, a link inside the app). */
  onUrlChange(url: string): void;
  /** New text arrived in the page (debounced). */
  onContentAdded(): void;
}

export interface PageWatchOptions {
  debounceMs?: number;
  /** Mutations inside these nodes are ours (the UI host) and ignored. */
  ignore?: (node: Node) => boolean;
}

function hasText(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').trim() !== '';
  if (node.nodeType === Node.ELEMENT_NODE) {
    const tag = (node as Element).tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') return false;
    return (node.textContent ?? '').trim() !== '';
  }
  return false;
}

type NavigationLike = EventTarget;

export function watchPage(
  win: Window,
  handlers: PageWatchHandlers,
  options: PageWatchOptions = {},
): () => void {
  const debounceMs = options.debounceMs ?? 300;
  const ignore = options.ignore ?? (() => false);
  let lastUrl = win.location.href;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let contentAdded = false;

  const checkUrl = (): void => {
    const now = win.location.href;
    if (now !== lastUrl) {
      lastUrl = now;
      handlers.onUrlChange(now);
    }
  };

  const flush = (): void => {
    timer = null;
    checkUrl();
    if (contentAdded) {
      contentAdded = false;
      handlers.onContentAdded();
    }
  };

  const observer = new MutationObserver((records: MutationRecord[]) => {
    for (const r of records) {
      if (contentAdded) break;
      if (ignore(r.target)) continue;
      for (const n of r.addedNodes) {
        if (!ignore(n) && hasText(n)) {
          contentAdded = true;
          break;
        }
      }
    }
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });
  observer.observe(win.document.documentElement, { childList: true, subtree: true });

  const cleanups: (() => void)[] = [() => observer.disconnect()];
  const nav = (win as unknown as { navigation?: NavigationLike }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    const onNav = (): void => checkUrl();
    nav.addEventListener('navigatesuccess', onNav);
    nav.addEventListener('currententrychange', onNav);
    cleanups.push(() => {
      nav.removeEventListener('navigatesuccess', onNav);
      nav.removeEventListener('currententrychange', onNav);
    });
  }
  const onPop = (): void => checkUrl();
  win.addEventListener('popstate', onPop);
  cleanups.push(() => win.removeEventListener('popstate', onPop));

  return () => {
    if (timer !== null) clearTimeout(timer);
    for (const c of cleanups) c();
  };
}
