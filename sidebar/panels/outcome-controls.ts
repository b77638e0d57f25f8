// The controls the outcome panels (Validate against outcomes, Draft a model) share: the outcome-column select, and rebuilding a row of selects without losing the focus.
import { field, selectInput } from '../controls';
import { clear } from '../dom';

/**
 * Empties `controls`, lets `build` fill it again, and gives the focus back to the control with the same data-key: the
 * selects are rebuilt with each answer, and a keyboard user stepping through one's options with the arrow keys (each
 * step a new answer) keeps their place.
 */
export function rebuildKeepingFocus(controls: HTMLElement, build: () => void): void {
  const active = document.activeElement;
  const focused = active instanceof HTMLElement && controls.contains(active) ? active.getAttribute('data-key') : null;
  clear(controls);
  build();
  if (focused !== null) controls.querySelector<HTMLElement>(`[data-key="${focused}"]`)?.focus();
}

/** The "Outcome column" field: the server's candidates, with the column in use first when it is not among them; null when there are none. */
export function outcomeColumnField(
  key: string,
  answer: { candidates: readonly string[]; outcomeColumn: string | null },
  hint: string,
  onPick: (column: string) => void,
): HTMLElement | null {
  const columns = [...answer.candidates];
  if (answer.outcomeColumn !== null && !columns.includes(answer.outcomeColumn)) columns.unshift(answer.outcomeColumn);
  if (columns.length === 0) return null;
  const select = selectInput(key, columns.map((c) => ({ value: c, label: c })), answer.outcomeColumn ?? columns[0]!, onPick);
  return field('Outcome column', select, { hint });
}
