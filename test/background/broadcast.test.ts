import { describe, expect, it } from 'vitest';
import { broadcastChanges, type OpenTabs } from '../../src/background/broadcast';
import { checkMessage, MESSAGE_LIMITS } from '../../src/messages';

function tabs(ids: (number | undefined)[]): OpenTabs & { sent: [number, unknown][] } {
  const sent: [number, unknown][] = [];
  return {
    sent,
    query: async () => ids.map((id) => ({ id })),
    sendMessage: async (tabId, msg) => {
      sent.push([tabId, msg]);
      if (tabId === 2) throw new Error('Receiving end does not exist.');
      return null;
    },
  };
}

describe('broadcastChanges', () => {
  it('tells every tab, in messages the content script accepts, even after a sync of many articles', async () => {
    const keys = Array.from({ length: MESSAGE_LIMITS.articleKeys + 5 }, (_, i) => `medium.com/p/${i}`);
    const open = tabs([1, 2, undefined, 3]);
    await broadcastChanges(open, keys);
    for (const tab of [1, 2, 3]) {
      const got = open.sent.filter(([id]) => id === tab).map(([, m]) => checkMessage(m));
      expect(got.every((r) => r.ok)).toBe(true);
      const named = got.flatMap((r) =>
        r.ok && r.message.type === 'highlights:changed' ? r.message.articleKeys : [],
      );
      expect(named).toEqual(keys);
    }
  });

  it('sends nothing when nothing changed', async () => {
    const open = tabs([1]);
    await broadcastChanges(open, []);
    expect(open.sent).toEqual([]);
  });
});
