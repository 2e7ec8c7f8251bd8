/** Multi-select state: which rows are checked and where the last plain click was. */
export interface SelectionState {
  selected: ReadonlySet<string>;
  anchor: string | null;
}

export const NO_SELECTION: SelectionState = { selected: new Set(), anchor: null };

/**
 * A checkbox click. Plain: toggle that row and make it the anchor. Shift: every
 * row from the anchor to this one (in shown order) takes the state the clicked
 * row is being given, as in file managers and mail clients.
 */
export function clickRow(
  state: SelectionState,
  order: readonly string[],
  id: string,
  shift: boolean,
): SelectionState {
  const next = new Set(state.selected);
  const turnOn = !state.selected.has(id);
  const from = state.anchor === null ? -1 : order.indexOf(state.anchor);
  const to = order.indexOf(id);
  if (shift && from >= 0 && to >= 0) {
    const [lo, hi] = from <= to ? [from, to] : [to, from];
    for (let i = lo; i <= hi; i++) {
      const rowId = order[i]!;
      if (turnOn) next.add(rowId);
      else next.delete(rowId);
    }
    return { selected: next, anchor: state.anchor };
  }
  if (turnOn) next.add(id);
  else next.delete(id);
  return { selected: next, anchor: id };
}

/** Drops ids no longer shown (after a search or a delete) so actions never touch hidden rows. */
export function keepVisible(state: SelectionState, order: readonly string[]): SelectionState {
  const shown = new Set(order);
  const selected = new Set([...state.selected].filter((id) => shown.has(id)));
  const anchor = state.anchor !== null && shown.has(state.anchor) ? state.anchor : null;
  if (selected.size === state.selected.size && anchor === state.anchor) return state;
  return { selected, anchor };
}

export function selectAll(order: readonly string[]): SelectionState {
  return { selected: new Set(order), anchor: null };
}
