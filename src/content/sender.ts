// Who the content script answers: this extension only, from its background or
// one of its own pages, never a web page. Chromium gives a message from an
// extension page no `tab`; Firefox gives one from an extension page open in a
// tab (the popup or the library opened as a page) that tab, so a `tab` alone
// does not mean a web page sent it: the sender's address says whose it is.

/** The parts of runtime.MessageSender this reads. */
export interface ContentSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** True for a message from this extension's background or pages. */
export function fromOwnExtension(
  sender: ContentSender,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== extensionId) return false;
  if (sender.tab === undefined) return true;
  const origin = extensionOrigin.replace(/\/+$/, '');
  return typeof sender.url === 'string' && sender.url.startsWith(`${origin}/`);
}
