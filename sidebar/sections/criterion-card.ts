// One criterion as a card: a summary line that opens it, and its fields (label, column, test, role, points, category, description, order).
import type { Criterion, OperatorName, Profile, Role } from '../../src/engine/model';
import { headerKey } from '../../src/engine/read/text';
import { clear, h } from '../dom';
import { button, field, numberInput, selectInput, textArea, textInput, type Option, SMALL_BUTTON } from '../controls';
import { confirmDialog } from '../confirm';
import type { EditorContext } from '../editor-context';
import { child } from '../issue-paths';
import { categoryName, changeCategory, deleteCriterion, moveCriterion } from '../model-ops';
import { switchOperator, switchRole } from '../condition-memory';
import { describeCondition, OPERATOR_LABELS, OPERATOR_ORDER, ROLE_LABELS, ROLE_SHORT } from '../operators';
import { conditionInputs } from './condition-inputs';
import { shareLabel } from '../point-shares';
import { isUnfinished } from '../session';

function pointsText(c: Criterion): string {
  const role = c.role ?? 'score';
  if (role === 'exclude') return ROLE_SHORT.exclude;
  if (c.when.op === 'bands') {
    const max = Math.max(0, ...(c.when.bands ?? []).map((b) => (typeof b.points === 'number' ? b.points : 0)));
    return `up to ${max}`;
  }
  const pts = typeof c.points === 'number' ? c.points : 0;
  return `${pts > 0 ? '+' : ''}${pts} pts`;
}

function columnOptions(headers: readonly string[], column: string): Option[] {
  // A header two columns share is offered once: a criterion on it reads the first (the hint under the field says which).
  const options = headers.filter((hd, i) => headers.indexOf(hd) === i).map((hd) => ({ value: hd, label: hd }));
  if (column !== '' && !headers.some((hd) => hd === column)) {
    const near = headers.find((hd) => headerKey(hd) === headerKey(column));
    options.unshift({ value: column, label: near === undefined ? `${column} (not in this sheet)` : column });
  }
  if (column === '') options.unshift({ value: '', label: 'Choose a column...' });
  return options;
}

/** The hint under the Column field when several columns share the chosen header: which one is read. */
function duplicateNote(ctx: EditorContext, column: string): { hint?: string } {
  const d = column === '' ? undefined : ctx.session.duplicateHeaders.find((x) => headerKey(x.header) === headerKey(column));
  return d === undefined ? {} : { hint: `${d.note}.` };
}

export function criterionCard(ctx: EditorContext, profile: Profile, criterion: Criterion, profileIndex: number): HTMLElement {
  const index = profile.criteria.indexOf(criterion);
  const path = child(child(`profiles[${profileIndex}]`, 'criteria'), index);
  const open = ctx.expanded.has(criterion);
  const role = (): Role => criterion.role ?? 'score';
  const unfinished = (): boolean => isUnfinished(ctx.session, criterion);
  const title = (): string => {
    if (criterion.label !== undefined && criterion.label.trim() !== '') return criterion.label;
    return criterion.column.trim() === '' ? 'New criterion' : describeCondition(criterion.column, criterion.when);
  };

  const titleEl = h('span', { cls: 'card-title' });
  const summaryEl = h('span', { cls: 'card-summary' });
  const badge = h('span');
  // Its share of the 100-point score (point-shares.ts), kept current by the editor after every edit.
  const share = h('span', { cls: 'share', attrs: { 'data-share': String(index) } });
  const waiting = h('p', { cls: 'hint', attrs: { role: 'note' }, text: 'Not counted yet: choose a column.' });
  /** The header follows every edit in place. */
  const updateHeader = (): void => {
    const r = role();
    titleEl.textContent = title();
    summaryEl.textContent = criterion.column.trim() === '' ? 'No column chosen' : describeCondition(criterion.column, criterion.when);
    badge.className = `badge badge-${r}`;
    badge.textContent = r === 'score' ? pointsText(criterion) : r === 'must' ? `Must \u00b7 ${pointsText(criterion)}` : ROLE_SHORT.exclude;
    share.textContent = shareLabel(ctx.session, criterion);
    card.classList.toggle('unfinished', unfinished());
    waiting.hidden = !unfinished();
  };
  const toggle = h(
    'button',
    { cls: 'card-toggle', attrs: { type: 'button', 'aria-expanded': String(open), 'data-key': `${path}:toggle` } },
    h('span', { cls: 'chevron', attrs: { 'aria-hidden': 'true' } }),
    h('span', { cls: 'card-text' }, titleEl, summaryEl),
    h('span', { cls: 'card-points' }, badge, share),
  );
  toggle.addEventListener('click', () => {
    if (ctx.expanded.has(criterion)) ctx.expanded.delete(criterion);
    else ctx.expanded.add(criterion);
    ctx.rerender(`${path}:toggle`);
  });
  const headerErrors = ctx.issues.slot(path, toggle);
  const card = h('div', { cls: `card${open ? ' open' : ''}`, attrs: { 'data-criterion': String(index) } }, toggle, headerErrors);
  updateHeader();
  if (!open) return card;

  const edited = (): void => {
    updateHeader();
    ctx.edited();
  };

  // The operator's inputs and the points depend on the column, operator and role: they are rebuilt in place, so the
  // selects themselves stay (a keyboard user's type-ahead in a select is not interrupted by a re-render).
  const dynamic = h('div', { cls: 'criterion-dynamic' });
  const renderDynamic = (): void => {
    clear(dynamic);
    dynamic.appendChild(conditionInputs(ctx, criterion, path, edited));
    const r = role();
    if (r !== 'exclude' && criterion.when.op !== 'bands') {
      const points = numberInput(child(path, 'points'), criterion.points, (v) => {
        (criterion as unknown as Record<string, unknown>).points = v;
        if (v === undefined) delete criterion.points;
        edited();
      });
      dynamic.appendChild(field('Points', points, { hint: r === 'must' ? 'Earned when it matches; a present non-match disqualifies.' : 'Negative points are a penalty.', error: ctx.issues.slot(child(path, 'points'), points) }));
    } else {
      dynamic.appendChild(ctx.issues.slot(child(path, 'points')));
    }
  };
  const structureChanged = (): void => {
    renderDynamic();
    edited();
  };

  const label = textInput(child(path, 'label'), criterion.label ?? '', (v) => {
    criterion.label = v;
    edited();
  }, { placeholder: 'e.g. SaaS or Fintech', maxLength: 200 });

  const column = selectInput(child(path, 'column'), columnOptions(ctx.session.headers, criterion.column), criterion.column, (v) => {
    criterion.column = v;
    structureChanged();
  });

  const op = selectInput(
    child(child(path, 'when'), 'op'),
    OPERATOR_ORDER.map((o) => ({ value: o, label: OPERATOR_LABELS[o] })),
    criterion.when.op,
    (v) => {
      switchOperator(criterion, v as OperatorName);
      structureChanged();
    },
  );

  const roleSelect = selectInput(
    child(path, 'role'),
    (['score', 'must', 'exclude'] as const).map((r) => ({ value: r, label: ROLE_LABELS[r] })),
    role(),
    (v) => {
      switchRole(criterion, v as Role);
      structureChanged();
    },
  );
  renderDynamic();

  const fields: HTMLElement[] = [
    field('Label', label, { error: ctx.issues.slot(child(path, 'label'), label) }),
    field('Column', column, {
      error: ctx.issues.slot(child(path, 'column'), column),
      ...(ctx.session.headers.length === 0
        ? { hint: `Sheet "${ctx.session.sheetName}" has no header row, so there is no column to choose.` }
        : duplicateNote(ctx, criterion.column)),
    }),
    field('Test', op, { error: ctx.issues.slot(child(child(path, 'when'), 'op'), op) }),
    dynamic,
    field('Role', roleSelect, { error: ctx.issues.slot(child(path, 'role'), roleSelect) }),
  ];
  if (profile.categories.length > 1) {
    const category = selectInput(
      child(path, 'category'),
      profile.categories.map((c) => ({ value: c.id, label: categoryName(c) })),
      criterion.category,
      (v) => {
        changeCategory(profile, criterion, v);
        ctx.rerender(`${child(child(`profiles[${profileIndex}]`, 'criteria'), profile.criteria.indexOf(criterion))}.category`);
      },
    );
    fields.push(field('Category', category, { error: ctx.issues.slot(child(path, 'category'), category) }));
  } else {
    fields.push(ctx.issues.slot(child(path, 'category')));
  }
  fields.push(ctx.issues.slot(child(path, 'id')));
  // Why the criterion is there: a note, or a drafted criterion's evidence (win rates, fitted odds).
  const description = textArea(child(path, 'description'), criterion.description ?? '', (v) => {
    if (v === '') delete criterion.description;
    else criterion.description = v;
    ctx.edited();
  }, { rows: 3, maxLength: 2000 });
  fields.push(field('Description', description, { hint: 'A note, or a drafted criterion\'s evidence.', error: ctx.issues.slot(child(path, 'description'), description) }));

  const siblings = profile.criteria.filter((c) => c.category === criterion.category);
  const pos = siblings.indexOf(criterion);
  const move = (dir: -1 | 1, key: 'up' | 'down'): void => {
    if (!moveCriterion(profile, criterion, dir)) return;
    const moved = child(child(`profiles[${profileIndex}]`, 'criteria'), profile.criteria.indexOf(criterion));
    const now = profile.criteria.filter((c) => c.category === criterion.category);
    const at = now.indexOf(criterion);
    // Keep focus on the same button of the moved card; once it reaches the end, on the other one.
    const canAgain = dir === -1 ? at > 0 : at < now.length - 1;
    ctx.rerender(`${moved}:${canAgain ? key : key === 'up' ? 'down' : 'up'}`);
  };
  const actions = h(
    'div',
    { cls: 'row wrap card-actions' },
    button('\u2191 Up', () => move(-1, 'up'), { cls: SMALL_BUTTON, key: `${path}:up`, label: 'Move criterion up', disabled: pos <= 0 }),
    button('\u2193 Down', () => move(1, 'down'), { cls: SMALL_BUTTON, key: `${path}:down`, label: 'Move criterion down', disabled: pos >= siblings.length - 1 }),
    h('span', { cls: 'spacer' }),
    button('Delete', () => {
      void confirmDialog({
        title: 'Delete criterion?',
        message: `Delete "${title()}"? Nothing is saved until you press Save.`,
        confirmLabel: 'Delete',
        danger: true,
      }).then((yes) => {
        if (!yes) return;
        deleteCriterion(profile, criterion);
        ctx.rerender(`category:${criterion.category}:add`);
      });
    }, { cls: 'btn btn-small btn-danger-text', key: `${path}:delete`, label: 'Delete criterion' }),
  );
  card.appendChild(h('div', { cls: 'card-body' }, waiting, ...fields, actions));
  return card;
}
