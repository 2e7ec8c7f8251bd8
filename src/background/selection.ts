// One path for "save what I selected", whether it came from the keyboard
// command or the context menu: ask the tab's content script, injecting it on
// demand when the page was not matched (activeTab grants that after the gesture).

import { fail, isReply, message, type ReplyOf } from '../messages';

export interface TabMessenger {
  sendMessage(tabId: number, msg: unknown): Promise<unknown>;
  injectContentScript(tabId: number): Promise<void>;
}

function noReceiver(e: unknown): boolean {
  const text = e instanceof Error ? e.message : String(e);
  return /receiving end does not exist|could not establish connection|no matching message handler|message manager disconnected/i.test(
    text,
  );
}

export async function saveSelectionIn(tabId: number, tabs: TabMessenger): Promise<ReplyOf<'selection:save'>> {
  const msg = message('selection:save', {});
  let reply: unknown;
  try {
    reply = await tabs.sendMessage(tabId, msg);
  } catch (e) {
    if (!noReceiver(e)) return fail(e instanceof Error ? e.message : String(e));
    reply = undefined;
  }
  if (reply === undefined) {
    try {
      await tabs.injectContentScript(tabId);
      reply = await tabs.sendMessage(tabId, msg);
    } catch (e) {
      return fail(`cannot reach this page: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return isReply(reply) ? (reply as ReplyOf<'selection:save'>) : fail('the page did not answer');
}
