// The inputs of a criterion's operator: values, min/max, bands, days or pattern, each with its inline validation message.
import type { Band, Criterion } from '../../src/engine/model';
import { clear, h, uid } from '../dom';
import { button, checkbox, field, iconButton, numberInput, textInput, SMALL_BUTTON } from '../controls';
import type { EditorContext } from '../editor-context';
import { child } from '../issue-paths';
import { typedValue, valueHint, valueText } from '../typed-value';
import { valuesInput } from './values-input';
import { offerUndo } from '../undo';

/** Writes a field of a plain record (the draft may hold not-yet-valid values that validation reports). */
function set(target: object, key: string, value: unknown): void {
  const rec = target as Record<string, unknown>;
  if (value === undefined) delete rec[key];
  else rec[key] = value;
}

function numberField(ctx: EditorContext, edited: () => void, label: string, path: string, target: object, key: string, opts: { hint?: string; cls?: string } = {}): HTMLElement {
  const input = numberInput(path, (target as Record<string, unknown>)[key], (v) => {
    set(target, key, v);
    edited();
  });
  return field(label, input, { error: ctx.issues.slot(path, input), ...opts });
}

/** The notice offering to undo the last band removal: a newer removal replaces it. */
const UNDO_BAND_NOTICE = 'undo-remove-band';

function bandsInput(ctx: EditorContext, edited: () => void, bands: Band[], path: string): HTMLElement {
  const rows = bands.flatMap((band, k) => {
    const bp = child(child(path, 'bands'), k);
    const n = k + 1;
    const errors: HTMLElement[] = [];
    const cell = (key: 'min' | 'max' | 'points', label: string): HTMLElement => {
      const input = numberInput(child(bp, key), band[key], (v) => {
        set(band, key, v);
        edited();
      }, { ariaLabel: `Band ${n} ${label}` });
      errors.push(ctx.issues.slot(child(bp, key), input, label.charAt(0).toUpperCase() + label.slice(1)));
      return h('td', {}, input);
    };
    const cells = [cell('min', 'from'), cell('max', 'to'), cell('points', 'points')];
    return [
      h(
        'tr',
        {},
        ...cells,
        h('td', {}, iconButton('\u00d7', `Remove band ${n}`, () => {
          bands.splice(k, 1);
          ctx.rerender(`${path}:add-band`);
          offerUndo(ctx, {
            id: UNDO_BAND_NOTICE,
            done: `Removed band ${n}.`,
            // The criterion may have changed operator, or the draft been replaced: then these bands are shown nowhere.
            stillHeld: () => ctx.session.draft.profiles.some((p) => p.criteria.some((c) => c.when.op === 'bands' && c.when.bands === bands)),
            notRestored: `The band ${n} was not restored: its criterion no longer has those bands.`,
            restore: () => bands.splice(Math.min(k, bands.length), 0, band),
            focusKey: `${bp}:remove`,
          });
        }, { key: `${bp}:remove`, disabled: bands.length <= 1 })),
      ),
      h('tr', { cls: 'band-error-row' }, h('td', { attrs: { colspan: '4' } }, ...errors, ctx.issues.slot(bp))),
    ];
  });
  return h(
    'div',
    { cls: 'bands' },
    h(
      'table',
      { cls: 'band-table' },
      h('caption', { cls: 'sr-only', text: 'Bands: a value from..to earns the points' }),
      h('thead', {}, h('tr', {}, h('th', { text: 'From' }), h('th', { text: 'To' }), h('th', { text: 'Points' }), h('th', {}, h('span', { cls: 'sr-only', text: 'Remove' })))),
      h('tbody', {}, ...rows),
    ),
    ctx.issues.slot(child(path, 'bands')),
    button('+ Add band', () => {
      const last = bands[bands.length - 1];
      const from = typeof last?.max === 'number' ? last.max + 1 : 0;
      bands.push({ min: from, points: 0 });
      ctx.rerender(`${child(child(path, 'bands'), bands.length - 1)}.min`, true);
    }, { cls: SMALL_BUTTON, key: `${path}:add-band` }),
  );
}

/** Inputs for `criterion.when`; `path` is the criterion's issue path. */
export function conditionInputs(ctx: EditorContext, criterion: Criterion, path: string, edited: () => void): HTMLElement {
  const when = criterion.when;
  const wp = child(path, 'when');
  const box = h('div', { cls: 'condition' });
  switch (when.op) {
    case 'in':
    case 'contains': {
      if (!Array.isArray(when.values)) when.values = [];
      box.appendChild(
        valuesInput({
          ctx,
          key: child(wp, 'values'),
          column: criterion.column,
          values: when.values,
          error: ctx.issues.slot(child(wp, 'values')),
          changed: (focusKey) => ctx.rerender(focusKey),
          edited,
          typed: when.op === 'in',
        }),
      );
      if (when.op === 'contains') box.appendChild(h('div', { cls: 'hint', text: 'Matches when any of these appears in the cell, e.g. a tech stack list.' }));
      break;
    }
    case 'equals': {
      const listId = uid('dl');
      const datalist = h('datalist', { attrs: { id: listId } });
      const hint = h('div', { cls: 'hint' });
      const showHint = (): void => {
        hint.textContent = when.value === undefined ? '' : valueHint(when.value);
        hint.hidden = hint.textContent === '';
      };
      const input = textInput(child(wp, 'value'), when.value === undefined ? '' : valueText(when.value), (v) => {
        when.value = typedValue(v);
        showHint();
        edited();
      }, { list: listId, ariaLabel: 'Value' });
      showHint();
      if (criterion.column.trim() !== '') {
        ctx.suggestions.get(criterion.column).then(
          (s) => {
            clear(datalist);
            for (const item of s.values) {
              const o = h('option');
              o.value = item.value;
              datalist.appendChild(o);
            }
          },
          (e: unknown) => ctx.notices.error(`Could not load the frequent values of "${criterion.column}"`, e, `suggest:${criterion.column}`),
        );
      }
      box.append(field('Value', input, { error: ctx.issues.slot(child(wp, 'value'), input) }), hint, datalist);
      break;
    }
    case 'between':
      box.append(
        h('div', { cls: 'row two' }, numberField(ctx, edited, 'Min', child(wp, 'min'), when, 'min'), numberField(ctx, edited, 'Max', child(wp, 'max'), when, 'max')),
        h('div', { cls: 'hint', text: 'Inclusive; leave one empty for "at least" or "at most". Ranges like 51-200 count as their midpoint.' }),
      );
      break;
    case 'gte':
    case 'lte':
      box.appendChild(numberField(ctx, edited, when.op === 'gte' ? 'At least' : 'At most', child(wp, 'value'), when, 'value'));
      break;
    case 'bands':
      if (!Array.isArray(when.bands)) when.bands = [];
      box.appendChild(bandsInput(ctx, edited, when.bands, wp));
      break;
    case 'withinDays':
      box.appendChild(numberField(ctx, edited, 'Days', child(wp, 'days'), when, 'days', { hint: 'A date no more than this many days before today.' }));
      break;
    case 'matches': {
      const input = textInput(child(wp, 'pattern'), when.pattern ?? '', (v) => {
        when.pattern = v;
        edited();
      }, { ariaLabel: 'Pattern', placeholder: 'e.g. @(gmail|yahoo)\\.' });
      const flags = when.flags ?? '';
      box.append(
        field('Pattern (regular expression)', input, { error: ctx.issues.slot(child(wp, 'pattern'), input) }),
        checkbox(`${wp}:ignore-case`, 'Ignore upper/lower case', flags.includes('i'), (on) => {
          const next = on ? `${flags.replace(/i/g, '')}i` : flags.replace(/i/g, '');
          set(when, 'flags', next === '' ? undefined : next);
          edited();
        }),
        ctx.issues.slot(child(wp, 'flags')),
      );
      break;
    }
    case 'isTrue':
      box.appendChild(h('div', { cls: 'hint', text: 'Matches yes, true, y, 1, x or a check mark.' }));
      break;
    case 'notBlank':
      box.appendChild(h('div', { cls: 'hint', text: 'Matches any non-empty value.' }));
      break;
    default:
      break;
  }
  box.appendChild(ctx.issues.slot(wp));
  return box;
}
