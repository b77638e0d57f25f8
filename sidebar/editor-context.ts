// What every editor section gets: the session, the issue view, messages, and how to report an edit.
import type { Model } from '../src/engine/model';
import type { IssueView } from './issue-view';
import type { Notices } from './notices';
import type { Session } from './session';
import type { Suggestions } from './suggestions';

export interface EditorContext {
  session: Session;
  issues: IssueView;
  notices: Notices;
  suggestions: Suggestions;
  /** Criteria whose cards are open (by object identity, so reordering keeps them open). */
  expanded: WeakSet<object>;
  /** Sections the user opened or closed, by id (true = open). */
  sectionOpen: Map<string, boolean>;
  /** The draft changed in place (typing): validate, preview and mark unsaved, without re-rendering. */
  edited(): void;
  /**
   * The draft's shape changed: re-render, keeping focus on `focusKey` or on the control that had it. `selectText`
   * selects the focused box's text: a name just made up for a new item, which typing then replaces.
   */
  rerender(focusKey?: string, selectText?: boolean): void;
  /** Replaces the whole draft (a template, an import, the saved model). */
  replaceDraft(model: Model, message: string): void;
}

/** Whether a section is open: the user's choice, else the default. */
export function isOpen(ctx: EditorContext, id: string, byDefault: boolean): boolean {
  return ctx.sectionOpen.get(id) ?? byDefault;
}
