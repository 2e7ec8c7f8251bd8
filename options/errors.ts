/** The sentence to show a reader for a failure: the store's own wording when it has one. */
export function messageOf(e: unknown): string {
  if (typeof e === 'object' && e !== null) {
    const u = (e as { userMessage?: unknown }).userMessage;
    if (typeof u === 'string' && u !== '') return u;
    const m = (e as { message?: unknown }).message;
    if (typeof m === 'string' && m !== '') return m;
  }
  return String(e);
}
