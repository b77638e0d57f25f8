// The ICP editor panel: loads the saved model, renders the sections, checks as you type, previews the draft and saves it.
import type { Model } from '../../src/engine/model';
import { checkModelLite as checkModel } from '../../src/engine/model-check-lite';
import type { EditorState, Json } from '../../src/gas/api-types';
import { call } from '../client';
import { confirmDialog } from '../confirm';
import { clear, h } from '../dom';
import type { EditorContext } from '../editor-context';
import { IssueList } from '../issue-list';
import { IssueView } from '../issue-view';
import { latestCall } from '../latest-call';
import { clone } from '../model-ops';
import { Notices } from '../notices';
import { countedDraft, currentProfile, hasEdits, isDirty, newSession, unfinishedPaths, type Session } from '../session';
import { stableJson } from '../stable-json';
import { refreshShares } from '../point-shares';
import { Suggestions } from '../suggestions';
import { categoriesSection } from '../sections/categories';
import { modelFileSection } from '../sections/model-file';
import { PreviewView } from '../sections/preview';
import { profilesSection } from '../sections/profiles';
import { SaveBar } from '../sections/save-bar';
import { markSectionsWithErrors, revealSection } from '../sections/section';
import { tiersSection } from '../sections/tiers';

const PREVIEW_DELAY_MS = 300;

/** Model -> the Json the server API takes (the draft is plain data already; this drops undefined fields). */
function toJson(model: Model): Json {
  return JSON.parse(JSON.stringify(model)) as Json;
}

function findByKey(root: ParentNode, key: string): HTMLElement | null {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-key]'))) if (el.getAttribute('data-key') === key) return el;
  return null;
}

/** A draft to open the editor on instead of the saved model, unsaved (e.g. suggested points from Validate against outcomes). */
export interface PendingDraft {
  /** The draft made from (a copy of) the saved model just loaded; null when it cannot be made. */
  make(saved: Model): Model | null;
  /** The profile to show. */
  profile: string;
  /** Said in a notice when the draft opens. */
  message: string;
  /** The draft when no model is saved (without it, the editor opens as if there were no pending draft). */
  makeWithoutSaved?(): Model;
  /** The profile to show in the draft made, when `profile` cannot say it beforehand (a name made unique). */
  profileOf?(draft: Model): string;
}

/** What the sidebar may ask of a mounted editor. */
export interface EditorHandle {
  /** The sheet changed under the editor (sheet-watch.ts): read its columns and rows again, keeping the draft. */
  sheetChanged(what: string): Promise<void>;
}

export function mountEditor(root: HTMLElement, notices: Notices, unsavedMarker: HTMLElement, subtitle: HTMLElement, pending?: PendingDraft): EditorHandle {
  const issues = new IssueView();
  const issueList = new IssueList();
  const suggestions = new Suggestions();
  const sectionOpen = new Map<string, boolean>();
  const content = h('div', { cls: 'editor' });
  const preview = new PreviewView(true, (o) => sectionOpen.set('preview', o));
  let session: Session | null = null;
  // The untouched blank draft of a first run is not worth a "leave page?" warning.
  let freshBlank = false;

  const saveBar = new SaveBar({
    save: () => void save(false),
    discard: () => void discard(),
    showProblems: () => showFirstProblem(),
  });

  const previewCall = latestCall('previewDraft', PREVIEW_DELAY_MS, {
    started: () => preview.setStatus('loading', 'Updating the preview...'),
    result: (r) => {
      if (session === null) return;
      // Named when there are several: the preview shows only the profile being edited.
      // The sheet the server read: the user may have switched sheets since the editor opened.
      preview.show(r, r.sheetName === '' ? session.sheetName : r.sheetName, session.draft.profiles.length > 1 ? currentProfile(session).name : null);
      updateBar();
    },
    error: (e) => {
      preview.setStatus('error', `The preview failed: ${e.message}`);
      notices.error('The preview could not be computed', e, 'preview');
    },
  });

  function updateBar(): void {
    if (session === null) return;
    const dirty = isDirty(session);
    unsavedMarker.hidden = !dirty;
    saveBar.update({ dirty, saving: session.saving, problems: issues.issues.length, canDiscard: session.saved !== null, summary: preview.summary() });
  }

  /** Checks the draft in the sidebar (the engine's own checkModel) and shows each issue by its field. */
  function checkDraft(): boolean {
    if (session === null) return false;
    const r = checkModel(session.draft);
    // A criterion just added and not filled in yet is not wrong, only unfinished: its card says what it needs.
    const waiting = unfinishedPaths(session);
    const under = (path: string): boolean => waiting.some((w) => path === w || path.startsWith(`${w}.`) || path.startsWith(`${w}[`));
    const found = r.ok ? [] : r.issues.filter((x) => !under(x.path));
    issues.show(found);
    const s = session;
    issueList.show(issues.unplaced, (k) => s.draft.profiles[k]?.name ?? `#${k + 1}`);
    markSectionsWithErrors(content);
    return found.length === 0;
  }

  /** Takes the user to the first problem: its profile, its section, its field. */
  function showFirstProblem(): void {
    if (session === null) return;
    let el = issues.firstInvalid();
    const other = issues.unplaced[0];
    if (el === undefined && other !== undefined) {
      const m = /^profiles\[(\d+)\]/.exec(other.path);
      if (m !== null && Number(m[1]) !== session.profileIndex && Number(m[1]) < session.draft.profiles.length) {
        session.profileIndex = Number(m[1]);
        rerender();
        el = issues.firstInvalid();
      }
    }
    if (el === undefined) return;
    revealSection(el);
    el.scrollIntoView({ block: 'center' });
    el.focus();
  }

  function refreshPreview(): void {
    if (session === null) return;
    const s = session;
    if (checkDraft()) {
      notices.dismiss('preview');
      // The profile being edited, not the model's default: editing a second profile previews that profile's scores.
      previewCall.schedule(() => [toJson(countedDraft(s)), currentProfile(s).name]);
    } else {
      previewCall.cancel();
      preview.setStatus('invalid', 'Paused: fix the problems marked in red to update the preview.');
    }
    updateBar();
  }

  function render(): void {
    if (session === null) return;
    issues.reset();
    clear(content);
    const ctx: EditorContext = { session, issues, notices, suggestions, expanded, sectionOpen, edited, rerender, replaceDraft };
    content.append(issueList.el, profilesSection(ctx), preview.el, categoriesSection(ctx), tiersSection(ctx), modelFileSection(ctx));
    subtitle.textContent = `Sheet "${session.sheetName}" \u00b7 ${session.rowCount} row${session.rowCount === 1 ? '' : 's'}`;
  }

  const expanded = new WeakSet<object>();

  function edited(): void {
    // One criterion's points or category change what the others are worth of the score.
    if (session !== null) refreshShares(content, session);
    refreshPreview();
  }

  function rerender(focusKey?: string, selectText = false): void {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const key = focusKey ?? active?.getAttribute('data-key') ?? undefined;
    const keepSelection = focusKey === undefined && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement);
    const selection: [number | null, number | null] | null = keepSelection ? [active.selectionStart, active.selectionEnd] : null;
    const scroll = window.scrollY;
    render();
    refreshPreview();
    window.scrollTo(0, scroll);
    if (key === undefined) return;
    const el = findByKey(content, key);
    if (el === null) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
    if (selectText && el instanceof HTMLInputElement) el.select();
    else if (selection !== null && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
      try {
        el.setSelectionRange(selection[0], selection[1]);
      } catch {
        // Some input types have no selection; nothing to restore.
      }
    }
  }

  function replaceDraft(model: Model, message: string): void {
    if (session === null) return;
    session.draft = clone(model);
    session.base = stableJson(session.draft);
    session.profileIndex = 0;
    freshBlank = false;
    rerender('section:profile');
    notices.show('info', message, { id: 'draft' });
  }

  function load(state: EditorState, draft: Model): void {
    session = newSession(state, draft);
    freshBlank = false;
    render();
    refreshPreview();
    noHeadersNotice();
  }

  /** Columns are chosen from the sheet's header row: without one there is nothing to choose, and the user should know why. */
  function noHeadersNotice(): void {
    if (session === null || session.headers.length > 0) notices.dismiss('no-headers');
    else notices.show('warning', `Sheet "${session.sheetName}" has no header row, so there are no columns to choose for criteria. Open the editor on your accounts sheet, or put column names in its first row, then open the editor again.`, { id: 'no-headers' });
  }

  /** Opens the pending draft over the saved model as unsaved changes, its changed criteria open; false when it cannot. */
  function loadPending(state: EditorState, saved: Model, p: PendingDraft, made?: Model): boolean {
    const draft = made ?? p.make(clone(saved));
    const name = draft === null ? p.profile : (p.profileOf?.(draft) ?? p.profile);
    const index = draft === null ? -1 : draft.profiles.findIndex((x) => x.name === name);
    if (draft === null || index < 0) return false;
    const before = new Map(saved.profiles[index]?.criteria.map((c) => [c.id, c.points]) ?? []);
    // A criterion the saved profile lacks is new (a drafted `bands` criterion has no points of its own), else changed points.
    for (const c of draft.profiles[index]!.criteria) if (!before.has(c.id) || before.get(c.id) !== c.points) expanded.add(c);
    session = newSession(state, draft);
    // Based on the saved model, so the draft counts as the user's edits (replacing it asks first).
    session.base = stableJson(saved);
    session.profileIndex = index;
    freshBlank = false;
    render();
    refreshPreview();
    noHeadersNotice();
    notices.show('info', p.message, { id: 'draft' });
    return true;
  }

  async function reloadSaved(): Promise<void> {
    try {
      const state = await call('getEditorState');
      suggestions.reset();
      if (state.model === null) throw new Error('No model is saved in this spreadsheet any more.');
      load(state, clone(state.model));
      notices.show('info', `Loaded the saved model (version ${state.version}).`, { id: 'draft' });
    } catch (e) {
      notices.error('Could not load the saved model', e, 'load');
    }
  }

  async function save(overwrite: boolean, overVersion?: number): Promise<void> {
    if (session === null || session.saving) return;
    const s = session;
    if (!checkDraft()) {
      updateBar();
      return;
    }
    s.saving = true;
    updateBar();
    notices.dismiss('save');
    // Without the criteria not filled in yet: they stay on their cards, to be finished and saved later.
    const sent = countedDraft(s);
    try {
      const r = await call('saveModel', toJson(sent), overwrite && overVersion !== undefined ? overVersion : s.version);
      if (r.ok) {
        // A copy: countedDraft may return the draft itself, and a saved model that is the draft would make every later edit look saved.
        s.saved = clone(sent);
        s.version = r.version;
        s.base = stableJson(sent);
        // What they said is over once a model is saved: "no model is saved yet", "the stored model is damaged", "review it, then Save".
        for (const id of ['first-run', 'stored', 'draft']) notices.dismiss(id);
        notices.show('success', r.message, { id: 'save' });
      } else if (r.reason === 'stale') {
        notices.show('warning', r.message, {
          id: 'save',
          actions: [
            { label: 'Save mine over theirs', run: () => void save(true, r.currentVersion) },
            { label: 'Load theirs (drop my draft)', run: () => void reloadSaved() },
          ],
        });
      } else if (r.reason === 'invalid') {
        issues.show(r.issues);
        notices.show('error', r.message, { id: 'save' });
      } else {
        notices.show('warning', r.message, { id: 'save', actions: [{ label: 'Try again', run: () => void save(false), primary: true }] });
      }
    } catch (e) {
      notices.error('Could not save; your draft is kept', e, 'save');
    } finally {
      s.saving = false;
      refreshPreview();
    }
  }

  async function discard(): Promise<void> {
    if (session === null || session.saved === null) return;
    const yes = await confirmDialog({
      title: 'Discard changes?',
      message: 'Go back to the saved model and lose the changes made in this editor?',
      confirmLabel: 'Discard changes',
      danger: true,
    });
    if (!yes || session.saved === null) return;
    replaceDraft(session.saved, 'Changes discarded: the draft is the saved model again.');
  }

  window.addEventListener('beforeunload', (ev) => {
    if (session !== null && isDirty(session) && !(freshBlank && !hasEdits(session))) {
      ev.preventDefault();
      ev.returnValue = '';
    }
  });

  root.append(content, saveBar.el);
  content.appendChild(h('p', { cls: 'loading', attrs: { role: 'status' }, text: 'Loading the model...' }));

  call('getEditorState').then(
    async (state) => {
      if (state.storedModelError !== null) notices.show('warning', state.storedModelError, { id: 'stored' });
      if (state.model !== null) {
        if (pending !== undefined && loadPending(state, state.model, pending)) return;
        load(state, clone(state.model));
        return;
      }
      try {
        const blank = await call('getTemplate', 'blank');
        // Nothing saved: a pending draft that stands alone (a model drafted from outcomes) opens as unsaved changes.
        if (pending?.makeWithoutSaved !== undefined && loadPending(state, blank, pending, pending.makeWithoutSaved())) return;
        load(state, blank);
        freshBlank = true;
        // A damaged model is not "no model yet": the warning above says what happened; this says how to go on.
        notices.show('info', state.storedModelError === null
          ? 'No model is saved in this spreadsheet yet. Start from the B2B SaaS starter under "Templates, import & export", or build your own below, then Save.'
          : 'The editor starts from a blank model: import your exported model or start from the B2B SaaS starter under "Templates, import & export", then Save.', { id: 'first-run' });
      } catch (e) {
        failed('Could not create a blank model', e);
      }
    },
    (e: unknown) => failed('Could not open the editor', e),
  );

  async function sheetChanged(what: string): Promise<void> {
    if (session === null) return;
    try {
      const state = await call('getEditorState');
      if (session === null) return;
      session.sheetName = state.sheetName;
      session.headers = state.headers;
      session.duplicateHeaders = state.duplicateHeaders ?? [];
      session.rowCount = state.rowCount;
      suggestions.reset();
      rerender();
      noHeadersNotice();
      notices.show('info', `${what} Read again; your draft is kept.`, { id: 'sheet-changed' });
    } catch (e) {
      notices.error(`${what} It could not be read again`, e, 'sheet-changed');
    }
  }

  return { sheetChanged };

  /** Loading failed: say so in place of "Loading...", and hide the save bar, whose buttons would do nothing. */
  function failed(action: string, e: unknown): void {
    clear(content);
    saveBar.el.hidden = true;
    notices.error(action, e, 'load');
    content.appendChild(h('p', { cls: 'panel-text', text: 'The editor could not load the model. Close the sidebar and open it again from the menu.' }));
  }
}
