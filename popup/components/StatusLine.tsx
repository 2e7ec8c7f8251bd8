import { useEffect, useRef } from 'preact/hooks';
import { focusLost } from '../../src/focus';
import { useModel } from './context';

export function StatusLine() {
  const model = useModel();
  const status = model.status.value;
  const undoButton = useRef<HTMLButtonElement>(null);
  // Undone: the keyboard goes to the row that came back (the button goes with its status).
  const comingBack = useRef<string | null>(null);
  const undoable = status?.undo && status.undo.length > 0 ? status.undo : null;
  useEffect(() => {
    const back = comingBack.current;
    comingBack.current = null;
    if (!focusLost()) return;
    // A reader who deleted with the keyboard undoes with Enter.
    if (undoable) undoButton.current?.focus();
    else if (back)
      document.querySelector<HTMLElement>(`[data-highlight-id="${CSS.escape(back)}"] .hl-row`)?.focus();
  }, [status?.id]);

  const undo = (): void => {
    comingBack.current = undoable?.[0]?.id ?? null;
    void model.undo();
  };

  return (
    <div class="status" role="status" aria-live="polite" aria-atomic="true">
      {status ? (
        <>
          <span key={status.id}>{status.text}</span>
          {undoable ? (
            <button ref={undoButton} type="button" class="undo" onClick={undo} aria-label="Undo delete">
              Undo
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
