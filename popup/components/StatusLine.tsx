import { useModel } from './context';

export function StatusLine() {
  const model = useModel();
  const status = model.status.value;
  return (
    <div class="status" role="status" aria-live="polite" aria-atomic="true">
      {status ? (
        <>
          <span key={status.id}>{status.text}</span>
          {status.undo && status.undo.length > 0 ? (
            <button type="button" class="undo" onClick={() => void model.undo()} aria-label="Undo delete">
              Undo
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
