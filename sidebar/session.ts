// The editor's state: the draft being edited, the saved model it started from, and what the sheet looks like.
import type { Model, Profile } from '../src/engine/model';
import type { EditorState, TemplateInfo } from '../src/gas/api-types';
import { stableJson } from './stable-json';

export interface Session {
  draft: Model;
  /** The model saved in the spreadsheet when the editor loaded it or last saved; null when none is saved. */
  saved: Model | null;
  /** Version of `saved`, sent back on save to detect someone else's save. */
  version: number;
  /** The profile shown in the editor. */
  profileIndex: number;
  sheetName: string;
  headers: string[];
  rowCount: number;
  templates: TemplateInfo[];
  saving: boolean;
  /** The draft as last loaded (saved model, template, import), to tell whether the user has edited it since. */
  base: string;
}

export function newSession(state: EditorState, draft: Model): Session {
  return {
    draft,
    saved: state.model,
    version: state.version,
    profileIndex: 0,
    sheetName: state.sheetName,
    headers: state.headers,
    rowCount: state.rowCount,
    templates: state.templates,
    saving: false,
    base: stableJson(draft),
  };
}

/** True when the draft differs from the saved model (or nothing is saved yet). */
export function isDirty(s: Session): boolean {
  return s.saved === null || stableJson(s.draft) !== stableJson(s.saved);
}

export function currentProfile(s: Session): Profile {
  if (s.profileIndex >= s.draft.profiles.length) s.profileIndex = Math.max(0, s.draft.profiles.length - 1);
  const p = s.draft.profiles[s.profileIndex];
  if (p === undefined) throw new Error('The model has no profile.');
  return p;
}

/** True when the user changed the draft since it was last loaded (so replacing it would lose work). */
export function hasEdits(s: Session): boolean {
  return stableJson(s.draft) !== s.base;
}
