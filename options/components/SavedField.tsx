// A settings text field saved when the reader leaves it. While it holds what
// they typed, a save of another field (which re-renders the panel with what is
// stored) must not put the stored text back under their typing; once the saved
// value comes back, the field shows the stored one again. Text its check
// refuses is not saved: it stays in the field with the reason beside it.

import { useEffect, useId, useRef, useState } from 'preact/hooks';

interface Props {
  type: 'text' | 'number' | 'password';
  value: string | number;
  onSave: (text: string) => void;
  /** Why this text cannot be saved, or null when it can. */
  check?: (text: string) => string | null;
  'aria-label'?: string;
  placeholder?: string;
  autocomplete?: 'off';
  maxLength?: number;
  min?: number;
  max?: number;
  disabled?: boolean;
}

export function SavedField({ value, onSave, check, type, ...input }: Props) {
  // What the reader typed and has not left yet (null: show what is stored). Not tied to focus
  // events: a page in a background tab gets none, and the typing still arrives.
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const handedOver = useRef(false);
  const problemId = useId();
  useEffect(() => {
    if (handedOver.current) setDraft(null);
  }, [value]);
  return (
    <>
      <input
        {...input}
        // Preact types <input> as a union keyed by each literal type; ours is one of three of them.
        type={type as 'text'}
        value={draft ?? String(value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onInput={(e) => {
          handedOver.current = false;
          setDraft(e.currentTarget.value);
        }}
        onChange={(e) => {
          const text = e.currentTarget.value;
          const refused = check?.(text) ?? null;
          setProblem(refused);
          if (refused) return;
          handedOver.current = true;
          // Saved as it already is: nothing will come back to replace the draft.
          if (text === String(value)) setDraft(null);
          onSave(text);
        }}
      />
      {problem && (
        <span id={problemId} class="field-problem" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
