// The message protocol under fuzzing: every type with good payloads (accepted
// as sent), with anything at all (never throws), with mutations that make it
// certainly invalid (rejected), and with senders that are not its page
// (rejected by checkSender and by the router before the store is touched).
// FUZZ_RUNS=N raises (or lowers) every property's number of runs.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleMessage, type RouterDeps } from '../../src/background/router';
import {
  checkMessage,
  checkSender,
  CONTENT_TO_BACKGROUND,
  EXTENSION_TO_BACKGROUND,
  TO_CONTENT,
  type Message,
  type MessageType,
  type SenderInfo,
} from '../../src/messages';
import type { Highlight } from '../../src/types';
import { articleKey } from '../../src/url';
import { runs } from './dom';
import {
  ALL_TYPES,
  anyValidMessage,
  messageFor,
  messageMutation,
  mutateMessage,
  pageUrl,
} from './message-arbitraries';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const FUZZ_TIMEOUT = 120_000;

function tabSender(url: string, tabId = 7): SenderInfo {
  return { id: EXTENSION_ID, url, tab: { id: tabId, url } };
}

describe('checkMessage', () => {
  it('covers every type in the protocol', () => {
    expect([...ALL_TYPES].sort()).toEqual(
      [...CONTENT_TO_BACKGROUND, ...EXTENSION_TO_BACKGROUND, ...TO_CONTENT].sort(),
    );
  });

  it(
    'accepts every well-formed message of every type, as sent',
    () => {
      fc.assert(
        fc.property(anyValidMessage, (m) => {
          const r = checkMessage(m);
          expect(r).toEqual({ ok: true, message: m });
        }),
        { numRuns: runs(1500) },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'never throws on anything at all, and what it accepts checks again the same',
    () => {
      const anything = fc.anything({
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withObjectString: true,
        withSparseArray: true,
        withTypedArray: true,
        withUnicodeString: true,
      });
      const shaped = fc
        .tuple(fc.constantFrom(...ALL_TYPES), fc.dictionary(fc.string(), anything))
        .map(([type, rest]) => ({ ...rest, type }));
      fc.assert(
        fc.property(fc.oneof(anything, shaped), (x) => {
          const r = checkMessage(x);
          expect(typeof r.ok).toBe('boolean');
          if (r.ok) expect(checkMessage(r.message)).toEqual(r);
          else expect(typeof r.error).toBe('string');
        }),
        { numRuns: runs(3000) },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'rejects every mutation that makes a good message invalid (wrong types, missing keys, bad numbers, overlong text, unknown values, prototype keys, class instances, extra keys)',
    () => {
      // Sparse arrays are fuzzed in found-messages-sparse-arrays.test.ts.
      const mutation = messageMutation.filter((m) => m.kind !== 'sparse');
      let applied = 0;
      fc.assert(
        fc.property(anyValidMessage, mutation, (m, mut) => {
          const bad = mutateMessage(m, mut);
          fc.pre(bad !== null);
          applied++;
          const r = checkMessage(bad);
          expect(r.ok, `${mut.kind} accepted: ${JSON.stringify(bad).slice(0, 300)}`).toBe(false);
        }),
        { numRuns: runs(2000) },
      );
      expect(applied).toBeGreaterThan(runs(2000) / 2);
    },
    FUZZ_TIMEOUT,
  );
});

/** The page named inside a content message: what checkSender must compare with the sender's. */
describe('checkSender', () => {
  const contentTypes = [...CONTENT_TO_BACKGROUND] as MessageType[];
  /** Two pages that are different articles (articleKey differs). */
  const twoPages = fc.tuple(pageUrl, pageUrl).filter(([a, b]) => articleKey(a) !== articleKey(b));

  it(
    'accepts a content message about the sender tab’s own page (also through tracking and fragment noise)',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...contentTypes),
          pageUrl,
          fc.constantFrom('', '?utm_source=feed', '#frag'),
          (type, url, noise) => {
            fc.assert(
              fc.property(messageFor(type, url), (m) => {
                const v = checkSender(m, tabSender(`${articleKey(url)}${noise}`), ORIGIN, EXTENSION_ID);
                expect(v).toMatchObject({ ok: true, sender: { role: 'content', tabId: 7 } });
              }),
              { numRuns: 3 },
            );
          },
        ),
        { numRuns: runs(300) },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'rejects a content message that names another page than the sender tab’s',
    () => {
      fc.assert(
        // tags:suggest names no page: it has none to get wrong.
        fc.property(
          fc.constantFrom(...contentTypes.filter((t) => t !== 'tags:suggest')),
          twoPages,
          (type, [own, other]) => {
            fc.assert(
              fc.property(messageFor(type, other), (m) => {
                expect(checkSender(m, tabSender(own), ORIGIN, EXTENSION_ID).ok).toBe(false);
              }),
              { numRuns: 3 },
            );
          },
        ),
        { numRuns: runs(400) },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'rejects a save whose highlight and article disagree, or whose rows mix pages',
    () => {
      const cases = twoPages.chain(([own, other]) =>
        fc.tuple(
          fc.constant(own),
          fc.constant(other),
          messageFor('highlight:save', own),
          messageFor('highlight:save', other),
          messageFor('highlight:restore', own),
        ),
      );
      fc.assert(
        fc.property(cases, ([own, other, saveM, foreignM, restoreM]) => {
          const save = saveM as Extract<Message, { type: 'highlight:save' }>;
          const foreign = foreignM as Extract<Message, { type: 'highlight:save' }>;
          const restore = restoreM as Extract<Message, { type: 'highlight:restore' }>;
          const mixedArticle = { ...save, article: foreign.article };
          const mixedUrl = { ...save, highlight: { ...save.highlight, url: other } };
          const mixedRows = { ...restore, rows: [...restore.rows, foreign.highlight] };
          for (const m of [mixedArticle, mixedUrl, mixedRows] as Message[])
            expect(checkSender(m, tabSender(own), ORIGIN, EXTENSION_ID).ok).toBe(false);
        }),
        { numRuns: runs(100) },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'rejects messages from the wrong kind of sender: other extensions, no tab, tab -1, extension pages sending content messages, content scripts sending extension or background→content messages',
    () => {
      fc.assert(
        fc.property(
          fc
            .tuple(fc.constantFrom(...ALL_TYPES), pageUrl)
            .chain(([t, u]) => fc.tuple(fc.constant(t), fc.constant(u), messageFor(t, u))),
          ([type, url, m]) => {
            const page = articleKey(url);
            const senders: SenderInfo[] = [
              { id: 'another-extension-id', url: page, tab: { id: 3, url: page } },
              { id: EXTENSION_ID, url: page },
              { id: EXTENSION_ID, url: page, tab: { id: -1, url: page } },
              { id: EXTENSION_ID, url: page, tab: { url: page } },
              { id: EXTENSION_ID, tab: { id: 3 } },
            ];
            for (const s of senders) expect(checkSender(m, s, ORIGIN, EXTENSION_ID).ok).toBe(false);
            const fromExtensionPage: SenderInfo = { id: EXTENSION_ID, url: `${ORIGIN}/options/index.html` };
            const fromTab = tabSender(url);
            const ext = (EXTENSION_TO_BACKGROUND as readonly string[]).includes(type);
            const content = (CONTENT_TO_BACKGROUND as readonly string[]).includes(type);
            expect(checkSender(m, fromExtensionPage, ORIGIN, EXTENSION_ID).ok).toBe(ext);
            if (!content) expect(checkSender(m, fromTab, ORIGIN, EXTENSION_ID).ok).toBe(false);
            // A page whose address merely starts like the extension's origin is not an extension page.
            const lookalike: SenderInfo = {
              id: EXTENSION_ID,
              url: `${ORIGIN}.evil.example/x`,
              tab: { id: 4, url: `${ORIGIN}.evil.example/x` },
            };
            if (ext) expect(checkSender(m, lookalike, ORIGIN, EXTENSION_ID).ok).toBe(false);
          },
        ),
        { numRuns: runs(400) },
      );
    },
    FUZZ_TIMEOUT,
  );
});

describe('handleMessage (the background router)', () => {
  function fakeDeps(stored: Highlight[]) {
    const calls: string[] = [];
    const library = {
      saveHighlight: async () => void calls.push('save'),
      updateHighlight: async () => void calls.push('update'),
      setOrphaned: async () => void calls.push('setOrphaned'),
      deleteHighlights: async () => {
        calls.push('delete');
        return [];
      },
      restoreHighlights: async () => void calls.push('restore'),
      highlightsForArticle: async (key: string) => stored.filter((h) => h.articleKey === key),
      tagsInUse: async () => [],
    };
    const deps: RouterDeps = {
      library: async () => library,
      retry: { add: async () => void calls.push('retry'), entries: async () => [] },
      setBadge: () => void calls.push('badge'),
      broadcast: () => void calls.push('broadcast'),
      extensionOrigin: ORIGIN,
      extensionId: EXTENSION_ID,
      warn: () => undefined,
    };
    return { deps, calls };
  }

  it(
    'never writes, broadcasts or badges for a malformed message or one about another page, and never rejects',
    async () => {
      // tags:suggest names no page (and writes nothing): it cannot be about another page.
      const contentTypes = (CONTENT_TO_BACKGROUND as readonly MessageType[]).filter(
        (t) => t !== 'tags:suggest',
      );
      await fc.assert(
        fc.asyncProperty(
          fc
            .tuple(
              fc.constantFrom(...contentTypes),
              fc.tuple(pageUrl, pageUrl).filter(([a, b]) => articleKey(a) !== articleKey(b)),
              fc.boolean(),
            )
            .chain(([type, [own, other], mutate]) =>
              fc.tuple(
                fc.constant(own),
                fc.constant(mutate),
                messageFor(type, mutate ? own : other),
                messageFor('highlight:save', other),
              ),
            ),
          messageMutation.filter((m) => m.kind !== 'sparse'),
          async ([own, mutate, m, victimM], mut) => {
            const victim = victimM as Extract<Message, { type: 'highlight:save' }>;
            const raw = mutate ? mutateMessage(m, mut) : m;
            fc.pre(raw !== null);
            // Rows of the other page exist in the store, so an update/delete by id would find them.
            const { deps, calls } = fakeDeps([victim.highlight]);
            const reply = await handleMessage(raw, tabSender(own), deps);
            expect(reply.ok).toBe(false);
            expect(calls).toEqual([]);
          },
        ),
        { numRuns: runs(250) },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'refuses to update or delete another page’s rows by id when the message names no page',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc
            .tuple(pageUrl, pageUrl)
            .filter(([a, b]) => articleKey(a) !== articleKey(b))
            .chain(([own, other]) =>
              fc.tuple(fc.constant(own), fc.constant(other), messageFor('highlight:save', other)),
            ),
          async ([own, other, victimM]) => {
            const h = (victimM as Extract<Message, { type: 'highlight:save' }>).highlight;
            const { deps, calls } = fakeDeps([h]);
            const update = await handleMessage(
              { type: 'highlight:update', id: h.id, patch: { note: 'owned' } },
              tabSender(own),
              deps,
            );
            const del = await handleMessage({ type: 'highlight:delete', ids: [h.id] }, tabSender(own), deps);
            expect([update.ok, del.ok]).toEqual([false, false]);
            expect(calls).toEqual([]);
            // Control: from its own page the same update goes through.
            const mine = await handleMessage(
              { type: 'highlight:update', id: h.id, patch: { note: 'owned' } },
              tabSender(other),
              deps,
            );
            expect(mine.ok).toBe(true);
          },
        ),
        { numRuns: runs(100) },
      );
    },
    FUZZ_TIMEOUT,
  );
});
