// The "Validate against outcomes" panel: pick the outcome column, then win rate and lift per tier, the verdict, win rates and suggested points per criterion.
import type { OutcomeValidation } from '../../src/gas/api-types';
import type { Model } from '../../src/engine/model';
import type { KnockoutWinRates, OutcomeStats } from '../../src/engine/outcomes/stats';
import { accountsLine, aucLine, changedPoints, criteriaTable, knockoutTable, tierTable, type OutcomeTable } from '../../src/engine/outcomes/tables';
import { withSuggestedPoints, type PointsSuggestion } from '../../src/engine/outcomes/suggest-points';
import { call } from '../client';
import { button, field, selectInput } from '../controls';
import { clear, h } from '../dom';
import type { Notices } from '../notices';
import type { PendingDraft } from './editor';

/** A table of outcome figures (also the draft panel's), its first column naming each row. */
export function outcomeTableView(caption: string, t: OutcomeTable, key: string): HTMLElement {
  const el = h(
    'table',
    { cls: 'stats', attrs: { [key]: '' } },
    h('caption', { cls: 'sr-only', text: caption }),
    h('thead', {}, h('tr', {}, ...t.head.map((c, i) => h('th', { cls: i === 0 ? '' : 'num', attrs: { scope: 'col' }, text: c })))),
    h('tbody', {}, ...t.rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { attrs: { scope: 'row' }, text: c }) : h('td', { cls: 'num', text: c })))))),
  );
  // A table wider than the sidebar (a criterion named by one long word) scrolls by itself, not the whole panel.
  return h('div', { cls: 'table-scroll' }, el);
}

/** One warning per rule whose disqualified deals won at least as often as deals overall. */
function knockoutWarnings(knockouts: readonly KnockoutWinRates[]): HTMLElement[] {
  return knockouts.flatMap((k) => (k.warning === null ? [] : [h('p', { cls: 'warning-text', attrs: { 'data-knockout-warning': k.id }, text: k.warning })]));
}

/** The draft maker for the editor: the saved model with the suggested points set on `profile`'s criteria. */
function suggestedPointsDraft(profile: string, suggestions: readonly PointsSuggestion[]): PendingDraft {
  return {
    profile,
    message: `Suggested points applied to "${profile}" from the outcomes. Review the preview, then Save to keep them.`,
    make: (saved: Model): Model | null => withSuggestedPoints(saved, profile, suggestions),
  };
}

function statsView(s: OutcomeStats, openEditor: (draft?: PendingDraft) => void): HTMLElement[] {
  const apply = changedPoints(s.suggestions) === 0
    ? h('p', { cls: 'hint', text: 'The outcomes suggest no change to the points.' })
    : button('Apply suggested points…', () => openEditor(suggestedPointsDraft(s.profile, s.suggestions)), { cls: 'btn', key: 'validate:apply-points' });
  return [
    h('p', { cls: 'hint', text: accountsLine(s) }),
    h('h3', { text: 'Win rate by tier' }),
    outcomeTableView('Win rate by tier', tierTable(s), 'data-outcome-tiers'),
    h('p', { cls: s.verdictKind === 'separates' ? 'verdict' : 'verdict warning-text', attrs: { 'data-verdict': s.verdictKind }, text: s.verdict }),
    h('p', { cls: 'hint', attrs: { 'data-auc': '' }, text: aucLine(s.auc, s.closed) }),
    h('h3', { text: 'Criteria' }),
    h('p', { cls: 'hint', text: 'Win rate of closed deals where the criterion matched and where it did not, largest difference first (either way).' }),
    outcomeTableView('Win rate where each criterion matched and where it did not, and its points now and suggested', criteriaTable(s), 'data-outcome-criteria'),
    h('p', {
      cls: 'hint',
      text: 'Suggested points weigh each criterion by how much it changes the odds of winning, counting an effect seen in few deals for less, on each category\'s current points scale. A criterion keeps its points with fewer than 10 closed deals matched or not matched, or when its difference could be chance. Applying opens the editor with them, unsaved.',
    }),
    apply,
    ...(s.knockouts.length === 0
      ? []
      : [
        h('h3', { text: 'Must-haves and exclusions' }),
        h('p', { cls: 'hint', text: 'Accounts each rule disqualified, and how often their closed deals were won.' }),
        outcomeTableView('Accounts each must-have and exclusion disqualified, and the win rate of their closed deals', knockoutTable(s), 'data-outcome-knockouts'),
        ...knockoutWarnings(s.knockouts),
      ]),
  ];
}

export function mountValidate(
  root: HTMLElement, notices: Notices, subtitle: HTMLElement, openEditor: (draft?: PendingDraft) => void, openDraft: () => void,
): void {
  let outcomeColumn: string | null = null;
  let profile: string | null = null;
  let generation = 0;
  const controls = h('div', { attrs: { 'data-outcome-controls': '' } });
  const result = h('div', { attrs: { 'data-outcome-result': '' } }, h('p', { cls: 'loading', text: 'Reading the sheet...' }));
  // What a screen reader announces when an answer arrives: its one-line outcome, not every cell of its tables.
  const announce = h('p', { cls: 'sr-only', attrs: { role: 'status' } });

  const showControls = (r: OutcomeValidation): void => {
    // The selects are rebuilt with each answer; the one in use keeps the focus (a keyboard user steps through its
    // options with the arrow keys, each step a new answer).
    const active = document.activeElement;
    const focused = active instanceof HTMLElement && controls.contains(active) ? active.getAttribute('data-key') : null;
    clear(controls);
    const columns = [...r.candidates];
    if (r.outcomeColumn !== null && !columns.includes(r.outcomeColumn)) columns.unshift(r.outcomeColumn);
    if (columns.length > 0) {
      const select = selectInput('validate:column', columns.map((c) => ({ value: c, label: c })), r.outcomeColumn ?? columns[0]!, (v) => {
        outcomeColumn = v;
        load();
      });
      controls.appendChild(field('Outcome column', select, { hint: 'Cells saying won, lost or open.' }));
    }
    if (r.profiles.length > 1) {
      const select = selectInput('validate:profile', r.profiles.map((p) => ({ value: p, label: p })), r.profile ?? r.profiles[0]!, (v) => {
        profile = v;
        load();
      });
      controls.appendChild(field('Profile', select));
    }
    if (focused !== null) controls.querySelector<HTMLElement>(`[data-key="${focused}"]`)?.focus();
  };

  const show = (r: OutcomeValidation): void => {
    subtitle.textContent = `Sheet "${r.sheetName}"`;
    showControls(r);
    clear(result);
    if (!r.ok) {
      result.appendChild(h('p', { cls: r.reason === 'too-few' ? 'warning-text' : 'field-error', attrs: { 'data-outcome-error': r.reason ?? '' }, text: r.message }));
      if (r.reason === 'no-model') result.appendChild(button('Open the ICP editor', () => openEditor(), { cls: 'btn btn-primary', key: 'panel:editor' }));
    }
    if (r.stats !== null) result.append(...statsView(r.stats, openEditor));
    announce.textContent = r.ok && r.stats !== null ? r.stats.verdict : r.message;
  };

  function load(): void {
    generation += 1;
    const mine = generation;
    call('validateOutcomes', { outcomeColumn, profile }).then(
      (r) => {
        if (mine === generation) show(r);
      },
      (e: unknown) => {
        if (mine !== generation) return;
        clear(result);
        notices.error('Could not validate against outcomes', e, 'validate');
      },
    );
  }

  root.appendChild(
    h(
      'div',
      { cls: 'panel-text' },
      h('p', { text: 'Compares the saved model with real deals: how often accounts in each tier were won, and which criteria go with winning. Nothing is written to the sheet.' }),
      h('p', {}, button('Draft a model from outcomes…', () => openDraft(), { cls: 'btn', key: 'validate:draft' })),
      controls,
      announce,
      result,
    ),
  );
  load();
}
