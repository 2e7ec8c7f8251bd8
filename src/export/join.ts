/** Block chunks joined by blank lines: LF only, exactly one newline at the end. */
export function joinChunks(chunks: readonly string[]): string {
  return `${chunks.filter((c) => c !== '').join('\n\n')}\n`;
}
