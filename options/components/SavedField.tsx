// A settings text field saved when the reader leaves it. While it holds what
// they typed, a save of another field (which re-renders the panel with what is
// stored) must not put the stored text back under their typing; once the saved
// value comes back, the field shows the stored one again.

import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  type: 'text' | 'number' | 'password';
  value: string | number;
  onSave: (text: string) => void;
  'aria-label'?: string;
  placeholder?: string;
  autocomplete?: 'off';
  maxLength?: number;
  min?: number;
  max?: number;
  disabled?: boolean;
}

export function SavedField({ value, onSave, type, ...input }: Props) {
  // What the reader typed and has not left yet (null: show what is stored). Not tied to focus
  // events: a page in a background tab gets none, and the typing still arrives.
  const [draft, setDraft] = useState<string | null>(null);
  const handedOver = useRef(false);
  useEffect(() => {
    if (handedOver.current) setDraft(null);
  }, [value]);
  return (
    <input
      {...input}
      // Preact types <input> as a union keyed by each literal type; ours is one of three of them.
      type={type as 'text'}
      value={draft ?? String(value)}
      onInput={(e) => {
        handedOver.current = false;
        setDraft(e.currentTarget.value);
      }}
      onChange={(e) => {
        handedOver.current = true;
        // Saved as it already is: nothing will come back to replace the draft.
        if (e.currentTarget.value === String(value)) setDraft(null);
        onSave(e.currentTarget.value);
      }}
    />
  );
}
