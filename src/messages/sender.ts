// Who may send which message. A content script runs beside page code, so it is
// trusted only for its own tab's page, as the browser (not the page) reports
// it; extension pages are recognised by their origin.

import { articleKey } from '../url';
import { CONTENT_TO_BACKGROUND, EXTENSION_TO_BACKGROUND, type Message } from './protocol';

/** The parts of runtime.MessageSender the trust check reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export type SenderRole = { role: 'content'; tabId: number; pageKeys: string[] } | { role: 'extension' };

export type SenderVerdict = { ok: true; sender: SenderRole } | { ok: false; error: string };

/**
 * A content script is trusted only for its own tab's page: every url or key in
 * its message must be that page's key, as the browser (not the page) reports
 * it. A canonical link is page data, so it cannot widen this: on Medium every
 * post shares one origin, and a page claiming another post's canonical URL
 * would otherwise read and delete that post's highlights. Extension pages are
 * recognised by their origin and may only send extension messages.
 */
export function checkSender(
  m: Message,
  sender: SenderInfo,
  extensionOrigin: string,
  extensionId?: string,
): SenderVerdict {
  if (extensionId !== undefined && sender.id !== undefined && sender.id !== extensionId)
    return { ok: false, error: 'message from another extension' };
  const origin = extensionOrigin.replace(/\/+$/, '');
  const fromExtensionPage =
    typeof sender.url === 'string' && (sender.url === origin || sender.url.startsWith(`${origin}/`));

  if ((EXTENSION_TO_BACKGROUND as readonly string[]).includes(m.type)) {
    return fromExtensionPage
      ? { ok: true, sender: { role: 'extension' } }
      : { ok: false, error: `${m.type} accepted only from extension pages` };
  }
  if (!(CONTENT_TO_BACKGROUND as readonly string[]).includes(m.type))
    return { ok: false, error: `${m.type} is not sent to the background` };
  if (fromExtensionPage || !sender.tab || typeof sender.tab.id !== 'number' || sender.tab.id < 0) {
    return { ok: false, error: `${m.type} accepted only from a content script in a tab` };
  }
  const pageUrls = [sender.url, sender.tab.url].filter((u): u is string => typeof u === 'string' && u !== '');
  if (pageUrls.length === 0) return { ok: false, error: 'sender has no page URL' };
  const pageKeys = [...new Set(pageUrls.map(articleKey))];

  const keyAllowed = (key: string): boolean => pageKeys.includes(key);
  const urlAllowed = (u: string): boolean => pageKeys.includes(articleKey(u));

  const refuse = (what: string): SenderVerdict => ({
    ok: false,
    error: `${m.type}: ${what} is not the sender's page`,
  });
  const own: SenderVerdict = { ok: true, sender: { role: 'content', tabId: sender.tab.id, pageKeys } };

  switch (m.type) {
    case 'page:extracted':
      return urlAllowed(m.url) ? own : refuse('url');
    case 'highlights:list':
      return urlAllowed(m.url) ? own : refuse('url');
    case 'highlights:orphaned':
      return keyAllowed(m.articleKey) ? own : refuse('articleKey');
    // Tag names only, the reader's own, shown to the reader on the card.
    case 'tags:suggest':
      return own;
    case 'highlight:save': {
      const { highlight: h, article: a } = m;
      if (h.articleKey !== a.key) return refuse('highlight and article disagree:');
      if (!keyAllowed(h.articleKey)) return refuse('articleKey');
      if (!urlAllowed(h.url) || !urlAllowed(a.url)) return refuse('url');
      return own;
    }
    case 'highlight:restore':
      for (const h of m.rows)
        if (!keyAllowed(h.articleKey) || !urlAllowed(h.url)) return refuse('a restored row');
      return own;
    // Updates and deletes name rows by id; the background checks that the rows are filed under this key.
    case 'highlight:update':
    case 'highlight:delete':
      return m.articleKey === undefined || keyAllowed(m.articleKey) ? own : refuse('articleKey');
    default:
      return { ok: false, error: `${m.type} is not sent to the background` };
  }
}
