// The values of an `in` / `contains` criterion: chips with remove buttons, a box to add more, and the column's frequent values as suggestions.
import type { Scalar } from '../../src/engine/model';
import { clear, h, uid } from '../dom';
import { button, iconButton } from '../controls';
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
  /** Called after values were added or removed (the array is edited in place). */
  changed(focusKey: string): void;
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
  values.forEach((v, k) => {
    const hint = valueHint(v);
    chips.appendChild(
      h(
        'li',
        { cls: 'chip' },
        h('span', { cls: 'chip-text', text: valueText(v), attrs: hint === '' ? {} : { title: hint } }),
        iconButton('\u00d7', `Remove value ${valueText(v)}`, () => {
          values.splice(k, 1);
          opts.changed(values.length > 0 ? `${key}:remove:${Math.min(k, values.length - 1)}` : `${key}:new`);
        }, { key: `${key}:remove:${k}`, cls: 'icon-btn chip-remove' }),
      ),
    );
  });
  if (values.length === 0) chips.appendChild(h('li', { cls: 'chips-empty', text: 'No values yet: type one below or pick a suggestion.' }));

  const input = h('input', { attrs: { type: 'text', autocomplete: 'off', list: listId, 'data-key': `${key}:new`, 'aria-label': `Add a value for ${opts.column}`, placeholder: 'Add a value' } });
  const add = (): void => {
    const text = input.value.trim();
    if (text === '') return;
    const value = opts.typed ? typedValue(text, { booleans: false }) : text;
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
            ...fresh.map((item, k) =>
              button(`+ ${item.value} (${item.count})`, () => {
                values.push(opts.typed ? typedValue(item.value, { booleans: false }) : item.value);
                focusAfterLoad = `${key}:suggest:${k}`;
                opts.changed(`${key}:suggest:${k}`);
              }, { cls: 'suggestion', key: `${key}:suggest:${k}`, label: `Add value ${item.value} (${item.count} rows)` }),
            ),
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
    h('div', { cls: 'row' }, input, button('Add', add, { cls: 'btn btn-small', key: `${key}:add`, label: 'Add this value' })),
    datalist,
    opts.error,
    suggestionsBox,
  );
}
