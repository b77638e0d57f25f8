// Shows validation issues next to the field at fault: fields register a message slot under their issue path.
import type { ModelIssue } from '../src/engine/model-check';
import { clear, describedBy, h, uid } from './dom';
import { ancestry, ROOT } from './issue-paths';

interface Slot {
  box: HTMLElement;
  control: HTMLElement | undefined;
  /** Names the field in its messages when several fields share a row (`From: expected a number`). */
  label: string | undefined;
}

export class IssueView {
  private slots = new Map<string, Slot>();
  private shown: Slot[] = [];
  /** Issues no rendered field claims (another profile, an id): listed by the save bar. */
  unplaced: ModelIssue[] = [];
  issues: ModelIssue[] = [];

  /** Forget every slot (before a re-render). */
  reset(): void {
    this.slots.clear();
    this.shown = [];
  }

  /** A message box for `path`; `control` gets aria-invalid and aria-describedby when the path has an issue. */
  slot(path: string, control?: HTMLElement, label?: string): HTMLElement {
    const box = h('div', { cls: 'field-error', attrs: { id: uid('err'), 'data-issue-path': path, hidden: '' } });
    this.slots.set(path, { box, control, label });
    return box;
  }

  show(issues: ModelIssue[]): void {
    for (const s of this.shown) {
      clear(s.box);
      s.box.hidden = true;
      if (s.control !== undefined) {
        s.control.removeAttribute('aria-invalid');
        describedBy(s.control, s.box.id, false);
      }
    }
    this.shown = [];
    this.issues = issues;
    this.unplaced = [];
    for (const issue of issues) {
      const target = ancestry(issue.path).find((a) => a !== ROOT && this.slots.has(a));
      const slot = target === undefined ? undefined : this.slots.get(target);
      if (slot === undefined) {
        this.unplaced.push(issue);
        continue;
      }
      // Exact field: the message alone; an ancestor's box: say which part is at fault.
      const rest = target === issue.path ? '' : issue.path.slice((target ?? '').length).replace(/^\./, '');
      const where = rest === '' ? slot.label : rest;
      slot.box.appendChild(h('div', { text: where === undefined ? issue.message : `${where}: ${issue.message}` }));
      slot.box.hidden = false;
      if (slot.control !== undefined) {
        slot.control.setAttribute('aria-invalid', 'true');
        describedBy(slot.control, slot.box.id, true);
      }
      if (!this.shown.includes(slot)) this.shown.push(slot);
    }
  }

  /** The first field showing an issue, to focus from the save bar. */
  firstInvalid(): HTMLElement | undefined {
    for (const s of this.shown) if (s.control !== undefined && s.control.isConnected) return s.control;
    return this.shown[0]?.box;
  }
}
