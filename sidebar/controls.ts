// Form controls for the editor: every control is labelled, carries a stable data-key (to keep focus across re-renders), and sets user text as values.
import { describedBy, h, uid, type Child } from './dom';
import { parseNumber } from './number-text';

export interface Option {
  value: string;
  label: string;
}

/** A labelled field: label above the control, optional hint and error box below. */
export function field(label: string, control: HTMLElement, opts: { hint?: string; error?: HTMLElement; cls?: string } = {}): HTMLElement {
  if (control.id === '') control.id = uid();
  const hint = opts.hint === undefined ? null : h('div', { cls: 'hint', text: opts.hint, attrs: { id: uid('hint') } });
  // Read out with the control, as sighted users read it below the control.
  if (hint !== null) describedBy(control, hint.id, true);
  return h(
    'div',
    { cls: `field${opts.cls === undefined ? '' : ` ${opts.cls}`}` },
    h('label', { attrs: { for: control.id }, text: label }),
    control,
    hint,
    opts.error ?? null,
  );
}

interface InputOptions {
  placeholder?: string;
  ariaLabel?: string;
  cls?: string;
  list?: string;
  maxLength?: number;
}

function applyInputOptions(el: HTMLInputElement | HTMLTextAreaElement, key: string, opts: InputOptions): void {
  el.setAttribute('data-key', key);
  if (opts.placeholder !== undefined) el.placeholder = opts.placeholder;
  if (opts.ariaLabel !== undefined) el.setAttribute('aria-label', opts.ariaLabel);
  if (opts.cls !== undefined) el.className = opts.cls;
  if (opts.maxLength !== undefined) el.maxLength = opts.maxLength;
}

export function textInput(key: string, value: string, onInput: (value: string) => void, opts: InputOptions = {}): HTMLInputElement {
  const el = h('input', { attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' } });
  applyInputOptions(el, key, opts);
  if (opts.list !== undefined) el.setAttribute('list', opts.list);
  el.value = value;
  el.addEventListener('input', () => onInput(el.value));
  return el;
}

export function textArea(key: string, value: string, onInput: (value: string) => void, opts: InputOptions & { rows?: number } = {}): HTMLTextAreaElement {
  const el = h('textarea', { attrs: { spellcheck: 'false' } });
  applyInputOptions(el, key, opts);
  el.rows = opts.rows ?? 3;
  el.value = value;
  el.addEventListener('input', () => onInput(el.value));
  return el;
}

export function numberInput(
  key: string,
  value: unknown,
  onValue: (value: number | string | undefined) => void,
  opts: InputOptions & { commit?: boolean } = {},
): HTMLInputElement {
  const el = h('input', { attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off' } });
  applyInputOptions(el, key, { cls: 'num', ...opts });
  el.value = value === undefined || value === null ? '' : String(value);
  el.addEventListener(opts.commit === true ? 'change' : 'input', () => onValue(parseNumber(el.value)));
  return el;
}

export function selectInput(key: string, options: readonly Option[], value: string, onChange: (value: string) => void, ariaLabel?: string): HTMLSelectElement {
  const el = h('select', { attrs: { 'data-key': key } });
  if (ariaLabel !== undefined) el.setAttribute('aria-label', ariaLabel);
  for (const o of options) {
    const opt = h('option', { text: o.label });
    opt.value = o.value;
    el.appendChild(opt);
  }
  el.value = value;
  el.addEventListener('change', () => onChange(el.value));
  return el;
}

export interface ButtonOptions {
  cls?: string;
  key?: string;
  /** Accessible name when the visible text is an icon or too short. */
  label?: string;
  title?: string;
  disabled?: boolean;
}

/** The class of small buttons, named once: the minifier shortens a name, not a repeated string (the sidebar's size is budgeted). */
export const SMALL_BUTTON = 'btn btn-small';

export function button(text: Child, onClick: (ev: MouseEvent) => void, opts: ButtonOptions = {}): HTMLButtonElement {
  const el = h('button', { cls: opts.cls ?? 'btn', attrs: { type: 'button' } }, text);
  if (opts.key !== undefined) el.setAttribute('data-key', opts.key);
  if (opts.label !== undefined) el.setAttribute('aria-label', opts.label);
  if (opts.title !== undefined) el.title = opts.title;
  el.disabled = opts.disabled === true;
  el.addEventListener('click', onClick);
  return el;
}

/** A small icon-only button (the icon is a text glyph; the label is its accessible name and tooltip). */
export function iconButton(glyph: string, label: string, onClick: (ev: MouseEvent) => void, opts: ButtonOptions = {}): HTMLButtonElement {
  return button(h('span', { attrs: { 'aria-hidden': 'true' }, text: glyph }), onClick, { cls: 'icon-btn', label, title: label, ...opts });
}

export function checkbox(key: string, label: string, checked: boolean, onChange: (checked: boolean) => void): HTMLLabelElement {
  const el = h('input', { attrs: { type: 'checkbox', 'data-key': key } });
  el.checked = checked;
  el.addEventListener('change', () => onChange(el.checked));
  return h('label', { cls: 'check' }, el, h('span', { text: label }));
}
