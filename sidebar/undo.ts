// The Undo a one-click deletion leaves in the notices: puts the item back, if the draft still holds its list.
import type { EditorContext } from './editor-context';

export interface UndoOffer {
  /** The notice's id: a newer deletion of the same kind replaces the offer. */
  id: string;
  /** What was done, as the notice says it (`Deleted tier "B".`). */
  done: string;
  /** Whether the list the item came from is still in the draft (an import, a template or Discard replaces it). */
  stillHeld: () => boolean;
  /** What the notice says when it is not: the item cannot be put back. */
  notRestored: string;
  /** Puts the item back; the editor re-renders and focuses `focusKey` after. */
  restore: () => void;
  focusKey: string;
}

export function offerUndo(ctx: EditorContext, o: UndoOffer): void {
  ctx.notices.show('info', o.done, {
    id: o.id,
    actions: [{
      label: 'Undo',
      run: () => {
        if (!o.stillHeld()) {
          ctx.notices.show('info', o.notRestored, { id: o.id });
          return;
        }
        o.restore();
        ctx.rerender(o.focusKey);
      },
    }],
  });
}
