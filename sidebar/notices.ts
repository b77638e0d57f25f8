// The message area at the top of the sidebar: errors, warnings and confirmations in words, each dismissible.
import { clear, h, type Child } from './dom';
import { button, SMALL_BUTTON } from './controls';

export type NoticeKind = 'error' | 'warning' | 'info' | 'success';

export interface NoticeAction {
  label: string;
  run: () => void;
  primary?: boolean;
}

export class Notices {
  readonly el: HTMLElement;

  constructor() {
    // role=alert regions must exist before content is added to them to be announced reliably.
    this.el = h('div', { cls: 'notices', attrs: { 'aria-live': 'polite' } });
  }

  /** Shows a notice; a notice with the same `id` replaces the earlier one. Returns a function that removes it. */
  show(kind: NoticeKind, message: string, opts: { id?: string; actions?: NoticeAction[]; details?: Child[] } = {}): () => void {
    if (opts.id !== undefined) this.dismiss(opts.id);
    const box = h('div', { cls: `notice notice-${kind}`, attrs: { role: kind === 'error' || kind === 'warning' ? 'alert' : 'status' } });
    if (opts.id !== undefined) box.setAttribute('data-notice', opts.id);
    const remove = (): void => box.remove();
    const body = h('div', { cls: 'notice-body' }, h('div', { cls: 'notice-text', text: message }));
    if (opts.details !== undefined && opts.details.length > 0) body.appendChild(h('div', { cls: 'notice-details' }, ...opts.details));
    if (opts.actions !== undefined && opts.actions.length > 0) {
      body.appendChild(
        h(
          'div',
          { cls: 'notice-actions' },
          ...opts.actions.map((a) =>
            button(a.label, () => {
              remove();
              a.run();
            }, { cls: a.primary === true ? 'btn btn-primary btn-small' : SMALL_BUTTON }),
          ),
        ),
      );
    }
    box.append(body, button(h('span', { attrs: { 'aria-hidden': 'true' }, text: '\u00d7' }), remove, { cls: 'icon-btn notice-close', label: 'Dismiss message', title: 'Dismiss' }));
    this.el.appendChild(box);
    return remove;
  }

  /** An error from a failed action, in words: "Could not save: <the server's message>". */
  error(action: string, e: unknown, id?: string): void {
    const message = e instanceof Error ? e.message : String(e);
    this.show('error', `${action}: ${message === '' ? 'unknown error' : message}`, id === undefined ? {} : { id });
  }

  dismiss(id: string): void {
    for (const el of Array.from(this.el.querySelectorAll('[data-notice]'))) {
      if (el.getAttribute('data-notice') === id) el.remove();
    }
  }

  clearAll(): void {
    clear(this.el);
  }
}
