// The editor's state: the draft being edited, the saved model it started from, and what the sheet looks like.
import type { Criterion, Model, Profile } from '../src/engine/model';
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
  /** Headers several columns share, with what the user is told about them (EditorState.duplicateHeaders). */
  duplicateHeaders: { header: string; note: string }[];
  rowCount: number;
  templates: TemplateInfo[];
  saving: boolean;
  /** The draft as last loaded (saved model, template, import), to tell whether the user has edited it since. */
  base: string;
  /** Criteria added with "+ Add criterion" in this editor: until filled in (isUnfinished) they count for nothing. */
  added: WeakSet<Criterion>;
}

export function newSession(state: EditorState, draft: Model): Session {
  return {
    draft,
    saved: state.model,
    version: state.version,
    profileIndex: 0,
    sheetName: state.sheetName,
    headers: state.headers,
    duplicateHeaders: state.duplicateHeaders ?? [],
    rowCount: state.rowCount,
    templates: state.templates,
    saving: false,
    base: stableJson(draft),
    added: new WeakSet(),
  };
}

/**
 * A criterion just added whose column is not chosen yet. It is inert: left out of the preview, of what Save stores and
 * of what counts as a change, so a new card moves no score and lights up no Save before the user has said what it
 * reads. Once it has a column it counts, and a test left empty is flagged like any other problem. Only criteria added
 * in this editor: one loaded from the saved model or an import is the user's, and its problems are reported, never dropped.
 */
export function isUnfinished(s: Session, c: Criterion): boolean {
  return s.added.has(c) && c.column.trim() === '';
}

/** The draft without its unfinished criteria: what is previewed, saved, exported and compared with the saved model. The draft itself when none is unfinished: copy it before keeping it. */
export function countedDraft(s: Session): Model {
  if (unfinishedPaths(s).length === 0) return s.draft;
  const draft = JSON.parse(JSON.stringify(s.draft)) as Model;
  s.draft.profiles.forEach((p, i) => {
    draft.profiles[i]!.criteria = draft.profiles[i]!.criteria.filter((_, k) => !isUnfinished(s, p.criteria[k]!));
  });
  return draft;
}

/** Paths (issue-paths.ts form) of the unfinished criteria in the draft: their own problems wait until they are filled in. */
export function unfinishedPaths(s: Session): string[] {
  const out: string[] = [];
  s.draft.profiles.forEach((p, i) => p.criteria.forEach((c, k) => {
    if (isUnfinished(s, c)) out.push(`profiles[${i}].criteria[${k}]`);
  }));
  return out;
}

/** True when the draft differs from the saved model (or nothing is saved yet). */
export function isDirty(s: Session): boolean {
  return s.saved === null || stableJson(countedDraft(s)) !== stableJson(s.saved);
}

export function currentProfile(s: Session): Profile {
  if (s.profileIndex >= s.draft.profiles.length) s.profileIndex = Math.max(0, s.draft.profiles.length - 1);
  const p = s.draft.profiles[s.profileIndex];
  if (p === undefined) throw new Error('The model has no profile.');
  return p;
}

/** True when the user changed the draft since it was last loaded (so replacing it would lose work). */
export function hasEdits(s: Session): boolean {
  return stableJson(countedDraft(s)) !== s.base;
}
