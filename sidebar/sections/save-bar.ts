// The sticky bar at the bottom: Save (disabled while the draft is invalid), Discard, the unsaved marker and the preview in one line.
import { h } from '../dom';
import { button } from '../controls';

export interface SaveBarState {
  dirty: boolean;
  saving: boolean;
  problems: number;
  canDiscard: boolean;
  summary: string;
}

export class SaveBar {
  readonly el: HTMLElement;
  private readonly save: HTMLButtonElement;
  private readonly discard: HTMLButtonElement;
  // Focusable from code only: it takes the focus when Save or Discard, focused, disables itself (see update).
  private readonly status = h('div', { cls: 'save-status', attrs: { 'aria-live': 'polite', 'data-save-status': '', tabindex: '-1' } });
  private readonly problems: HTMLButtonElement;
  private readonly summary = h('div', { cls: 'save-summary', attrs: { 'data-preview-summary': '' } });

  constructor(handlers: { save(): void; discard(): void; showProblems(): void }) {
    this.save = button('Save', handlers.save, { cls: 'btn btn-primary', key: 'save' });
    this.save.setAttribute('data-action', 'save');
    this.discard = button('Discard changes', handlers.discard, { cls: 'btn', key: 'discard' });
    this.problems = button('', handlers.showProblems, { cls: 'link-btn problems', key: 'problems' });
    this.problems.hidden = true;
    // Nothing to save or discard until the model has loaded.
    this.save.disabled = true;
    this.discard.disabled = true;
    this.el = h(
      'footer',
      { cls: 'save-bar' },
      this.summary,
      h('div', { cls: 'save-row' }, this.save, this.discard),
      h('div', { cls: 'save-row small' }, this.status, this.problems),
    );
  }

  update(s: SaveBarState): void {
    const focused = document.activeElement;
    this.save.disabled = s.saving || !s.dirty || s.problems > 0;
    this.save.textContent = s.saving ? 'Saving...' : 'Save';
    this.save.title = s.problems > 0 ? 'Fix the problems marked in red first' : s.dirty ? 'Save the model to this spreadsheet' : 'No unsaved changes';
    this.discard.disabled = s.saving || !s.dirty || !s.canDiscard;
    this.status.textContent = s.saving ? 'Saving...' : s.dirty ? 'Unsaved changes' : 'All changes saved';
    this.status.classList.toggle('dirty', s.dirty);
    this.problems.hidden = s.problems === 0;
    this.problems.textContent = `${s.problems} problem${s.problems === 1 ? '' : 's'} to fix`;
    this.summary.textContent = s.summary;
    this.summary.hidden = s.summary === '';
    // A disabled button loses the focus to the page, and the next Tab would start again at the top of the sidebar:
    // after pressing Save or Discard with the keyboard, the focus stays here, on the line that says what happened.
    if ((focused === this.save && this.save.disabled) || (focused === this.discard && this.discard.disabled)) this.status.focus();
  }
}
