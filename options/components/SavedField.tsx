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
  const [draft, setDraft] = useState<string | null>(null);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(null);
  }, [value]);
  return (
    <input
      {...input}
      // Preact types <input> as a union keyed by each literal type; ours is one of three of them.
      type={type as 'text'}
      value={draft ?? String(value)}
      onFocus={() => (focused.current = true)}
      onInput={(e) => setDraft(e.currentTarget.value)}
      onChange={(e) => onSave(e.currentTarget.value)}
      onBlur={() => {
        focused.current = false;
        setDraft((d) => (d === String(value) ? null : d));
      }}
    />
  );
}
