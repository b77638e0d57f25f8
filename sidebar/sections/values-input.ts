// The values of an `in` / `contains` criterion: chips with remove buttons, a box to add more, and the column's frequent values as suggestions.
import type { Scalar } from '../../src/engine/model';
import { clear, h, uid } from '../dom';
import { button, iconButton, SMALL_BUTTON } from '../controls';
import { typedValue, valueHint, valueText } from '../typed-value';
import type { EditorContext } from '../editor-context';

const SHOWN_SUGGESTIONS = 8;

/**
 * The suggestion button to focus once the list is rebuilt. Picking a suggestion re-renders the editor, and the new
 * list's buttons only exist once the column's suggestions resolve (asynchronously), after the re-render looked for them.
 */
let focusAfterLoad: string | null = null;

export interface ValuesInputOptions {
  key: string;
  column: string;
  values: Scalar[];
  /** Called after values were added or removed (the array is edited in place); re-renders the editor. */
  changed(focusKey: string): void;
  /** Called after a value was added in place, without a re-render (the chip is already shown). */
  edited(): void;
  ctx: EditorContext;
  error: HTMLElement;
  /** Numbers become number values (`in`); `contains` searches text, so it keeps text. */
  typed: boolean;
}

function same(a: Scalar, b: Scalar): boolean {
  return valueText(a).trim().toLowerCase() === valueText(b).trim().toLowerCase();
}

export function valuesInput(opts: ValuesInputOptions): HTMLElement {
  const { values, key } = opts;
  const listId = uid('dl');
  const datalist = h('datalist', { attrs: { id: listId } });
  const chips = h('ul', { cls: 'chips', attrs: { 'aria-label': 'Values' } });
  const chip = (v: Scalar, k: number): HTMLElement => {
    const hint = valueHint(v);
    return h(
      'li',
      { cls: 'chip' },
      // The tooltip shows the whole value, which a long one's chip cuts off.
      h('span', { cls: 'chip-text', text: valueText(v), attrs: { title: hint === '' ? valueText(v) : `${valueText(v)}: ${hint}` } }),
      iconButton('\u00d7', `Remove value ${valueText(v)}`, () => {
        values.splice(k, 1);
        opts.changed(values.length > 0 ? `${key}:remove:${Math.min(k, values.length - 1)}` : `${key}:new`);
      }, { key: `${key}:remove:${k}`, cls: 'icon-btn chip-remove' }),
    );
  };
  values.forEach((v, k) => chips.appendChild(chip(v, k)));
  if (values.length === 0) chips.appendChild(h('li', { cls: 'chips-empty', text: 'No values yet: type one below or pick a suggestion.' }));
  /** Suggestion buttons by the value they add, to hide one once its value is chosen in place. */
  const offered: { value: string; el: HTMLElement }[] = [];

  const input = h('input', { attrs: { type: 'text', autocomplete: 'off', list: listId, 'data-key': `${key}:new`, 'aria-label': opts.column.trim() === '' ? 'Add a value' : `Add a value for ${opts.column}`, placeholder: 'Add a value' } });
  const typed = (text: string): Scalar => (opts.typed ? typedValue(text, { booleans: false }) : text);
  const add = (): void => {
    const text = input.value.trim();
    if (text === '') return;
    const value = typed(text);
    if (!values.some((v) => same(v, value))) values.push(value);
    input.value = '';
    opts.changed(`${key}:new`);
  };
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      add();
    }
  });
  // Text left in the box as focus moves on (Tab, a click on Save or elsewhere) is a value the user meant; dropping it
  // would lose it silently. It is added in place: a re-render now would replace the control being clicked and swallow it.
  input.addEventListener('change', () => {
    const text = input.value.trim();
    if (text === '') return;
    const value = typed(text);
    input.value = '';
    if (values.some((v) => same(v, value))) return;
    values.push(value);
    chips.querySelector('.chips-empty')?.remove();
    chips.appendChild(chip(value, values.length - 1));
    for (const o of offered) if (same(o.value, value)) o.el.hidden = true;
    opts.edited();
  });
  const suggestionsBox = h('div', { cls: 'suggestions', attrs: { 'aria-live': 'polite' } });

  if (opts.column.trim() !== '') {
    opts.ctx.suggestions.get(opts.column).then(
      (s) => {
        clear(suggestionsBox);
        clear(datalist);
        for (const item of s.values) {
          const option = h('option');
          option.value = item.value;
          datalist.appendChild(option);
        }
        const fresh = s.values.filter((item) => !values.some((v) => same(v, item.value))).slice(0, SHOWN_SUGGESTIONS);
        // The same place in the list (now the next suggestion), else the last one, else the box to type a value.
        const restoreFocus = (): void => {
          const wanted = focusAfterLoad;
          if (wanted === null || !wanted.startsWith(`${key}:suggest:`)) return;
          focusAfterLoad = null;
          if (document.activeElement !== null && document.activeElement !== document.body) return; // the user moved on
          const buttons = Array.from(suggestionsBox.querySelectorAll<HTMLButtonElement>('button.suggestion'));
          const target = buttons.find((b) => b.getAttribute('data-key') === wanted) ?? buttons[buttons.length - 1] ?? input;
          if (target.isConnected) target.focus();
        };
        if (fresh.length === 0) {
          restoreFocus();
          return;
        }
        suggestionsBox.appendChild(h('div', { cls: 'hint', text: `Frequent in ${opts.column}:` }));
        suggestionsBox.appendChild(
          h(
            'div',
            { cls: 'suggestion-list' },
            ...fresh.map((item, k) => {
              const el = button(`+ ${item.value} (${item.count})`, () => {
                const value = typed(item.value);
                if (!values.some((v) => same(v, value))) values.push(value);
                focusAfterLoad = `${key}:suggest:${k}`;
                opts.changed(`${key}:suggest:${k}`);
              }, { cls: 'suggestion', key: `${key}:suggest:${k}`, label: `Add value ${item.value} (${item.count} rows)`, title: item.value });
              offered.push({ value: item.value, el });
              return el;
            }),
          ),
        );
        restoreFocus();
      },
      (e: unknown) => opts.ctx.notices.error(`Could not load the frequent values of "${opts.column}"`, e, `suggest:${opts.column}`),
    );
  }

  return h(
    'div',
    { cls: 'values' },
    chips,
    h('div', { cls: 'row' }, input, button('Add', add, { cls: SMALL_BUTTON, key: `${key}:add`, label: 'Add this value' })),
    datalist,
    opts.error,
    suggestionsBox,
  );
}
