// Regression (found by fuzzing, fixed): checkMessage accepts arrays with holes. Firefox delivers runtime
// messages by structured clone, which keeps holes, so a content script (or a
// compromised renderer) can send `ids: [ , ]` or `rows: [ , ]`: `arr()` in
// src/messages.ts maps with Array.prototype.map, which skips holes, so the
// "checked" copy still has them. checkSender then iterates `rows` with for…of,
// reads `undefined.articleKey` and throws a TypeError out of handleMessage.
// Suggested fix: in arr(), reject when `!(i in x)` for any index (or build the
// result with a plain for loop over 0..length-1, so a hole is checked as
// `undefined` and refused).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMessage, checkSender, type Message } from '../../src/messages';
import { handleMessage, type RouterDeps } from '../../src/background/router';
import { runs } from './dom';
import { anyValidMessage, messageFor, mutateMessage } from './message-arbitraries';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

function holes(length: number): unknown[] {
  const a: unknown[] = [];
  a.length = length;
  return a;
}

describe('arrays with holes in messages', () => {
  it('are refused by checkMessage (minimal cases)', () => {
    const url = 'https://medium.com/pinterest-engineering/post-1';
    for (const m of [
      { type: 'highlight:delete', ids: holes(1) },
      { type: 'highlight:restore', rows: holes(2) },
      { type: 'highlights:orphaned', articleKey: url, orphanedIds: holes(1) },
      { type: 'library:changed', articleKeys: holes(1) },
    ]) {
      const r = checkMessage(m);
      expect(r.ok, JSON.stringify(m)).toBe(false);
    }
  });

  it('are refused wherever an array sits in a good message (fuzzed)', () => {
    fc.assert(
      fc.property(anyValidMessage, fc.nat(), (m, path) => {
        const bad = mutateMessage(m, { kind: 'sparse', path });
        fc.pre(bad !== null);
        expect(checkMessage(bad).ok).toBe(false);
      }),
      { numRuns: runs(300) },
    );
  });

  it('never make checkSender or the router throw', async () => {
    const url = 'https://medium.com/pinterest-engineering/post-1';
    const [restore] = fc.sample(messageFor('highlight:restore', url), { numRuns: 1, seed: 1 }) as Extract<
      Message,
      { type: 'highlight:restore' }
    >[];
    const rows: unknown[] = [...restore!.rows];
    rows.length += 1; // a hole after the real rows (spreading would turn it into undefined)
    const withHole = { ...restore!, rows };
    const parsed = checkMessage(withHole);
    if (parsed.ok) {
      expect(() => checkSender(parsed.message, { url, tab: { id: 1, url } }, ORIGIN)).not.toThrow();
    }
    const deps: RouterDeps = {
      library: async () => {
        throw new Error('the store must not be reached');
      },
      retry: { add: async () => undefined, entries: async () => [] },
      setBadge: () => undefined,
      broadcast: () => undefined,
      extensionOrigin: ORIGIN,
      warn: () => undefined,
    };
    const reply = await handleMessage(withHole, { url, tab: { id: 1, url } }, deps).catch((e: unknown) => ({
      threw: String(e),
    }));
    expect(reply).toMatchObject({ ok: false });
  });
});
