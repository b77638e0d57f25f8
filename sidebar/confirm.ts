// An accessible confirmation dialog (<dialog>, modal): Escape or Cancel answers no; focus returns where it was.
import { h } from './dom';

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
}

export function confirmDialog(opts: ConfirmOptions): Promise<boolean> {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return new Promise((resolve) => {
    const titleId = `dlg-title-${Date.now()}`;
    const dialog = h('dialog', { cls: 'dialog', attrs: { 'aria-labelledby': titleId } });
    const cancel = h('button', { cls: 'btn', attrs: { type: 'button' }, text: opts.cancelLabel ?? 'Cancel' });
    const ok = h('button', { cls: opts.danger === true ? 'btn btn-danger' : 'btn btn-primary', attrs: { type: 'button' }, text: opts.confirmLabel });
    dialog.append(
      h('h2', { attrs: { id: titleId }, text: opts.title }),
      h('p', { text: opts.message }),
      h('div', { cls: 'dialog-buttons' }, cancel, ok),
    );
    let answered = false;
    const finish = (answer: boolean): void => {
      if (answered) return;
      answered = true;
      if (dialog.open) dialog.close();
      dialog.remove();
      if (previous !== null && previous.isConnected) previous.focus();
      resolve(answer);
    };
    cancel.addEventListener('click', () => finish(false));
    ok.addEventListener('click', () => finish(true));
    dialog.addEventListener('close', () => finish(false));
    document.body.appendChild(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
