// The settings page's two plain controls: a choice among a const list of kinds
// (each with its label) and a checkbox with its sentence. The value chosen is
// found in the list itself, so no caller casts what the <select> says.

import type { ComponentChildren } from 'preact';

export function Choice<T extends string>({
  label,
  value,
  options,
  labelOf,
  onChoose,
}: {
  label: string;
  value: T;
  options: readonly T[];
  labelOf: (option: T) => string;
  onChoose: (option: T) => void;
}) {
  return (
    <label>
      {label}
      <select
        value={value}
        onChange={(e) => {
          const picked = options.find((o) => o === e.currentTarget.value);
          if (picked !== undefined) onChoose(picked);
        }}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {labelOf(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Check({
  checked,
  disabled,
  onChange,
  children,
}: {
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
}) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      {children}
    </label>
  );
}
