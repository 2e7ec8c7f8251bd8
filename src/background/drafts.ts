// What an extension page is typing, held by the background until the page
// goes. A popup closes the moment the reader clicks back into the page, and
// Chromium may tear it down without running its pagehide or unload handlers
// (a message sent there is then never sent): so the popup posts every
// keystroke's edit over a port, and when the port disconnects the background
// writes the last one of each row. A write the popup confirmed itself is
// dropped from here, so a later edit made elsewhere is not overwritten.

import type { HighlightPatch, MessageOf } from '../messages';

/** The port's name: the popup connects with it; nothing else may. */
export const DRAFTS_PORT = 'ih-drafts';

type Update = MessageOf<'library:update'>;

function sameValues(held: HighlightPatch, written: HighlightPatch): boolean {
  return (Object.keys(held) as (keyof HighlightPatch)[]).every(
    (k) => k in written && JSON.stringify(held[k]) === JSON.stringify(written[k]),
  );
}

export class Drafts {
  private readonly held = new Map<string, Update>();

  /** The newest typed edit of a row, merged over what was held for it. */
  put(m: Update): void {
    const before = this.held.get(m.id);
    this.held.set(m.id, { ...m, patch: { ...before?.patch, ...m.patch } });
  }

  /** The page wrote this itself and heard back: nothing left to keep for that row, unless typed since. */
  settled(id: string, written: HighlightPatch): void {
    const held = this.held.get(id);
    if (held && sameValues(held.patch, written)) this.held.delete(id);
  }

  /** Everything still held, once: the port went, so these are written now. */
  take(): Update[] {
    const out = [...this.held.values()];
    this.held.clear();
    return out;
  }
}
