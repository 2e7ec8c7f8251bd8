// Every message that reaches the background passes here: checked for shape,
// checked for who may send it, then handed to the store. Pure of extension
// APIs (they come in as deps) so it runs in Node tests.

import {
  checkMessage,
  checkSender,
  fail,
  ok,
  type Message,
  type MessageOf,
  type Reply,
  type SenderInfo,
  type SenderRole,
} from '../messages';
import type { Highlight } from '../types';
import { findDuplicate } from '../store/duplicate';
import { articleKey } from '../url';
import { badgeText } from './badge';
import type { BackgroundStore } from './ports';
import type { RetryQueue } from './retry';
import type { SyncService } from './sync';

export interface RouterDeps {
  library: () => Promise<BackgroundStore>;
  retry: Pick<RetryQueue, 'add' | 'entries'>;
  setBadge: (tabId: number, text: string) => Promise<void> | void;
  /** Tells every tab's content script that these articles' highlights changed. */
  broadcast: (articleKeys: string[]) => Promise<void> | void;
  extensionOrigin: string;
  extensionId?: string;
  /** Remembers which page a tab last reported, so a late URL event does not clear a fresh badge. */
  tabPages?: Map<number, string>;
  warn?: (...args: unknown[]) => void;
  /** Sync's switch and runs (src/background/sync.ts). */
  sync?: Pick<SyncService, 'status' | 'turnOn' | 'turnOff' | 'now' | 'opened' | 'wrote'>;
}

/** StoreError from src/store: a kind and a message meant for the reader. */
export function userMessageOf(e: unknown): string | null {
  if (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { userMessage?: unknown }).userMessage === 'string'
  ) {
    return (e as { userMessage: string }).userMessage;
  }
  return null;
}

/** A refusal that no retry can change: the row itself is not valid (StoreError kind 'invalid'). */
function isPermanent(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'invalid';
}

function errorText(e: unknown): string {
  return userMessageOf(e) ?? (e instanceof Error ? e.message : String(e));
}

export async function handleMessage(
  raw: unknown,
  sender: SenderInfo,
  deps: RouterDeps,
): Promise<Reply<unknown>> {
  const warn = deps.warn ?? console.warn;
  const parsed = checkMessage(raw);
  if (!parsed.ok) {
    warn('[interview-highlights] refused a malformed message:', parsed.error);
    return fail(`malformed message: ${parsed.error}`);
  }
  const verdict = checkSender(parsed.message, sender, deps.extensionOrigin, deps.extensionId);
  if (!verdict.ok) {
    warn(
      '[interview-highlights] refused a message from',
      sender.url ?? sender.tab?.url ?? 'unknown sender',
      '-',
      verdict.error,
    );
    return fail(verdict.error);
  }
  try {
    return await route(parsed.message, verdict.sender, deps);
  } catch (e) {
    warn('[interview-highlights] message failed:', parsed.message.type, e);
    return fail(errorText(e));
  }
}

async function route(m: Message, sender: SenderRole, deps: RouterDeps): Promise<Reply<unknown>> {
  switch (m.type) {
    case 'page:extracted': {
      if (sender.role !== 'content') return fail('not from a tab');
      deps.tabPages?.set(sender.tabId, articleKey(m.url));
      await deps.setBadge(sender.tabId, badgeText(m));
      return ok(null);
    }
    case 'highlight:save':
      return save(m, deps);
    case 'highlight:update': {
      const rows = await ownRows(m.articleKey, [m.id], sender, deps);
      if (!rows) return fail('no such highlight on this page');
      const lib = await deps.library();
      await lib.updateHighlight(m.id, m.patch);
      await deps.broadcast(keysOf(rows));
      return ok(null);
    }
    case 'highlight:delete': {
      if (m.ids.length === 0) return ok([]);
      const rows = await ownRows(m.articleKey, m.ids, sender, deps);
      if (!rows) return fail('no such highlight on this page');
      const lib = await deps.library();
      const removed = await lib.deleteHighlights(m.ids);
      await deps.broadcast(keysOf(rows));
      return ok(removed);
    }
    case 'highlight:restore': {
      if (m.rows.length === 0) return ok(null);
      const lib = await deps.library();
      await lib.restoreHighlights(m.rows);
      await deps.broadcast(keysOf(m.rows));
      return ok(null);
    }
    case 'highlights:list': {
      const key = articleKey(m.url);
      const lib = await deps.library();
      const stored = await lib.highlightsForArticle(key);
      // Rows still waiting in the retry queue are the reader's too: paint them.
      const pending = (await deps.retry.entries())
        .map((e) => e.highlight)
        .filter((h) => h.articleKey === key);
      const ids = new Set(stored.map((h) => h.id));
      return ok([...stored, ...pending.filter((h) => !ids.has(h.id))]);
    }
    case 'highlights:orphaned': {
      const lib = await deps.library();
      const rows = await lib.highlightsForArticle(m.articleKey);
      const known = new Set(rows.map((h) => h.id));
      await lib.setOrphaned(
        m.articleKey,
        m.orphanedIds.filter((id) => known.has(id)),
      );
      return ok(null);
    }
    case 'tags:suggest':
      return ok(await (await deps.library()).tagsInUse());
    case 'library:changed':
      await deps.broadcast(m.articleKeys);
      await deps.sync?.wrote();
      return ok(null);
    case 'library:update': {
      const lib = await deps.library();
      await lib.updateHighlight(m.id, m.patch);
      await deps.broadcast([m.articleKey]);
      return ok(null);
    }
    case 'sync:status':
    case 'sync:on':
    case 'sync:off':
    case 'sync:now':
    case 'sync:opened':
      return routeSync(m, deps);
    default:
      return fail(`${m.type} is not handled by the background`);
  }
}

async function routeSync(
  m: Extract<Message, { type: `sync:${string}` }>,
  deps: RouterDeps,
): Promise<Reply<unknown>> {
  const sync = deps.sync;
  if (!sync) return fail('sync is not available here');
  switch (m.type) {
    case 'sync:status':
      return ok(await sync.status());
    case 'sync:on':
      return ok(await sync.turnOn(m.config));
    case 'sync:off':
      return ok(await sync.turnOff());
    case 'sync:now':
      return ok(await sync.now());
    case 'sync:opened':
      await sync.opened();
      return ok(null);
  }
}

async function save(
  m: MessageOf<'highlight:save'>,
  deps: RouterDeps,
): Promise<Reply<{ existing: Highlight } | null>> {
  try {
    const lib = await deps.library();
    const existing = findDuplicate(await lib.highlightsForArticle(m.highlight.articleKey), m.highlight);
    if (existing) return ok({ existing });
    await lib.saveHighlight(m.highlight, m.article);
  } catch (e) {
    // A row the store finds invalid would be refused on every retry: say why, once.
    if (isPermanent(e)) return fail(errorText(e));
    // Anything else is kept for retry, never dropped: the reader sees why, and that it will be retried.
    await deps.retry.add(m.highlight, m.article);
    return fail(errorText(e), true);
  }
  await deps.broadcast([m.highlight.articleKey]);
  return ok(null);
}

function keysOf(rows: Highlight[]): string[] {
  return [...new Set(rows.map((h) => h.articleKey))];
}

/** The rows named, if every one is filed under the sender's page (or the key it named and was allowed). */
async function ownRows(
  named: string | undefined,
  ids: string[],
  sender: SenderRole,
  deps: RouterDeps,
): Promise<Highlight[] | null> {
  const lib = await deps.library();
  if (sender.role === 'extension') return null;
  const keys = named !== undefined ? [named] : sender.pageKeys;
  const rows: Highlight[] = [];
  for (const key of keys) rows.push(...(await lib.highlightsForArticle(key)));
  const byId = new Map(rows.map((h) => [h.id, h]));
  const found = ids.map((id) => byId.get(id));
  return found.every((h): h is Highlight => h !== undefined) ? found : null;
}
