// Tells every open tab which articles changed, so a page showing one repaints
// (the content script checks the keys against its own page).

import { articleKeyBatches, message } from '../messages';

export interface OpenTabs {
  query(info: Record<string, never>): Promise<{ id?: number | undefined }[]>;
  sendMessage(tabId: number, msg: unknown): Promise<unknown>;
}

export async function broadcastChanges(tabs: OpenTabs, articleKeys: readonly string[]): Promise<void> {
  if (articleKeys.length === 0) return;
  const open = await tabs.query({});
  // A tab without a content script refuses the message; that is not a failure here.
  for (const batch of articleKeyBatches(articleKeys)) {
    const msg = message('highlights:changed', { articleKeys: batch });
    await Promise.all(
      open.map((t) => (t.id === undefined ? undefined : tabs.sendMessage(t.id, msg).catch(() => undefined))),
    );
  }
}
