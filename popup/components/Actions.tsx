import { useModel } from './context';
import { SendToObsidian } from './SendToObsidian';

export function Actions() {
  const model = useModel();
  const ready = model.phase.value === 'ready';
  return (
    <div class="actions" role="group" aria-label="Export">
      <button
        type="button"
        disabled={!ready || model.highlights.value.length === 0}
        title="Copy this page's highlights as Markdown"
        onClick={() => void model.copyHighlights()}
      >
        Copy highlights
      </button>
      <button
        type="button"
        disabled={!ready || !model.hasQa.value}
        title="Copy the whole interview as Markdown"
        onClick={() => void model.copyInterview()}
      >
        Copy whole interview
      </button>
      <SendToObsidian />
      <button type="button" onClick={() => void model.openLibraryPage()}>
        Open library
      </button>
    </div>
  );
}
