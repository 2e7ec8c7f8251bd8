// Writing an interview's note through the Local REST API without losing the
// reader's edits: read the note, merge the fresh export into it (merge.ts),
// write it back only if something changed, and only over the version that was
// read, so an edit the reader makes in Obsidian meanwhile is never overwritten.

import { type MergeOutcome, mergeNote, type NotePart } from './merge';
import type { NotePath } from './note-path';
import type { RestClient, RestResult } from './rest';

/** Reads, merges and writes again this many times when the note keeps changing underneath. */
const ATTEMPTS = 3;

export async function exportToVault(
  client: RestClient,
  path: NotePath,
  fresh: NotePart,
): Promise<RestResult<MergeOutcome>> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const read = await client.read(path);
    if (!read.ok) return read;
    const existing = read.value?.text ?? '';
    const merged = mergeNote(existing, fresh);
    if (read.value && merged.text === existing) return { ok: true, value: 'unchanged' };
    // Plugins before 5 send no ETag and ignore these headers: the write is then unconditional.
    const precondition = read.value
      ? read.value.etag
        ? { ifMatch: read.value.etag }
        : null
      : ({ ifNoneMatch: '*' } as const);
    const written = await client.write(path, merged.text, precondition);
    if (!written.ok) return written;
    if (written.value === 'written') return { ok: true, value: merged.outcome };
  }
  return client.fail({ kind: 'changed-meanwhile' });
}
