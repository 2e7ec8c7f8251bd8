// What a send to Obsidian said, as the popup and the library both show it.
import type { Delivered } from './obsidian/deliver';

export function ObsidianResult({ result }: { result: Delivered | null }) {
  if (!result) return null;
  return (
    <span class={result.ok ? 'obsidian-result' : 'obsidian-result error'} role="status">
      {result.message}{' '}
      {result.url && (
        <a href={result.url} class="obsidian-link">
          Open in Obsidian
        </a>
      )}
    </span>
  );
}
