// "Send to Obsidian", start to end, for the popup and the library: through the
// Local REST API when the reader turned it on, otherwise as an obsidian://
// address (long notes through the clipboard). The browser parts come in as
// functions (open an address, write the clipboard, fetch), so every path runs
// in Node tests; the shells only hand in the real ones and show the outcome.

import type { Article, Highlight } from '../types';
import type { MergeOutcome } from './merge';
import { partText } from './merge';
import { notePath } from './note-path';
import { type FetchLike, RestClient } from './rest';
import {
  highlightContent,
  highlightHandoff,
  interviewHandoff,
  interviewNotePart,
  interviewNotePath,
  type SendContext,
} from './send';
import { type Handoff, obsidianHandoff } from './uri';
import { exportToVault } from './vault-export';

export interface DeliverPorts {
  /** Hands the address to the browser, which asks the system to open Obsidian. */
  open(url: string): void;
  /** Rejects when the browser will not write the clipboard. */
  writeClipboard(text: string): Promise<void>;
  fetch: FetchLike;
}

export interface Delivered {
  ok: boolean;
  /** A sentence for the reader. */
  message: string;
  /** The address opened, when the handoff went through obsidian:// (shown again as a link). */
  url?: string;
  /** What went to the clipboard with it. */
  clipboardText?: string;
}

export interface InterviewToSend {
  article: Article;
  highlights: readonly Highlight[];
}

const OUTCOME: Readonly<Record<MergeOutcome, string>> = {
  created: 'created the note',
  replaced: 'updated the note',
  unchanged: 'the note was already up to date',
  appended: 'added the export to the end of your note',
  'kept-edits': 'kept your edits to the exported part and added the new export after it',
  'markers-damaged': 'a marker was missing, so the new export went to the end of the note',
};

/** Writes the clipboard when the handoff asks for it; on refusal, asks again for an address that carries the note. */
async function handOff(
  ports: DeliverPorts,
  make: (options: { clipboard: boolean }) => Handoff,
  what: string,
): Promise<Delivered> {
  let handoff = make({ clipboard: true });
  let viaClipboard = false;
  if (handoff.clipboardText !== undefined) {
    try {
      await ports.writeClipboard(handoff.clipboardText);
      viaClipboard = true;
    } catch {
      handoff = make({ clipboard: false });
    }
  }
  ports.open(handoff.url);
  return {
    ok: true,
    message: viaClipboard
      ? `Sent ${what} to Obsidian through the clipboard. If Obsidian did not open, use the link.`
      : `Sent ${what} to Obsidian. If Obsidian did not open, use the link.`,
    url: handoff.url,
    ...(viaClipboard ? { clipboardText: handoff.clipboardText } : {}),
  };
}

function client(ctx: SendContext, ports: DeliverPorts): RestClient {
  return new RestClient(ctx.obsidian.rest, ports.fetch);
}

async function restInterview(
  ctx: SendContext,
  ports: DeliverPorts,
  one: InterviewToSend,
): Promise<Delivered> {
  const r = await exportToVault(
    client(ctx, ports),
    interviewNotePath(ctx, one.article),
    interviewNotePart(ctx, one.article, one.highlights),
  );
  return r.ok
    ? { ok: true, message: `Obsidian: ${OUTCOME[r.value]} “${one.article.title}”.` }
    : { ok: false, message: r.message };
}

export async function sendInterview(
  ctx: SendContext,
  ports: DeliverPorts,
  one: InterviewToSend,
): Promise<Delivered> {
  if (ctx.obsidian.rest.enabled) return restInterview(ctx, ports, one);
  return handOff(ports, (o) => interviewHandoff(ctx, one.article, one.highlights, o), 'the interview');
}

export async function sendHighlight(
  ctx: SendContext,
  ports: DeliverPorts,
  one: InterviewToSend,
  highlightId: string,
): Promise<Delivered> {
  if (!one.highlights.some((h) => h.id === highlightId))
    return { ok: false, message: 'That highlight is no longer saved.' };
  if (ctx.obsidian.rest.enabled) {
    // In the interview's note the highlight lives in the exported part, block id and all: updating the part sends it.
    if (ctx.obsidian.highlightTarget === 'note') return restInterview(ctx, ports, one);
    const content = `\n${highlightContent(ctx, one.article, one.highlights, highlightId) ?? ''}`;
    const r = await client(ctx, ports).patchHeading('daily', ['Interview Highlights'], 'append', content);
    return r.ok
      ? { ok: true, message: 'Obsidian: added the highlight to today’s daily note.' }
      : { ok: false, message: r.message };
  }
  // Checked above: the highlight is among them, so there is a handoff.
  return handOff(
    ports,
    (o) => highlightHandoff(ctx, one.article, one.highlights, highlightId, o)!,
    'the highlight',
  );
}

/**
 * The library's current result. Through the REST API each interview goes to
 * its own note; an obsidian:// address opens one note, so then they travel
 * together, each in its own part, in a note named for the day.
 */
export async function sendResult(
  ctx: SendContext,
  ports: DeliverPorts,
  all: readonly InterviewToSend[],
  now: number,
): Promise<Delivered> {
  if (all.length === 0) return { ok: false, message: 'Nothing is shown to send.' };
  if (all.length === 1) return sendInterview(ctx, ports, all[0]!);
  if (ctx.obsidian.rest.enabled) {
    const done: string[] = [];
    for (const one of all) {
      const r = await restInterview(ctx, ports, one);
      if (!r.ok)
        return { ok: false, message: `${done.length} of ${all.length} interviews sent. ${r.message}` };
      done.push(one.article.title);
    }
    return { ok: true, message: `Obsidian: sent ${all.length} interviews, each to its own note.` };
  }
  const parts = all.map((one) => partText(interviewNotePart(ctx, one.article, one.highlights)));
  const mode = ctx.obsidian.noteMode;
  const content = `${parts.join('\n\n')}\n`;
  return handOff(
    ports,
    (o) =>
      obsidianHandoff(
        {
          vault: ctx.obsidian.vault,
          path: notePath(
            ctx.obsidian.folder,
            `Interview Highlights ${new Date(now).toISOString().slice(0, 10)}`,
          ),
          mode,
          content,
          open: ctx.obsidian.openNote,
        },
        o,
      ),
    `${all.length} interviews`,
  );
}
