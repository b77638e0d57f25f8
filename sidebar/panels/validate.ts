// The "Validate against outcomes" panel: pick the outcome, account and value columns, then win rate, lift and won value per tier, the tested verdict, each criterion's fitted effect and suggested points.
import type { OutcomeValidation } from '../../src/gas/api-types';
import type { Model } from '../../src/engine/model';
import type { KnockoutWinRates, OutcomeStats } from '../../src/engine/outcomes/stats';
import type { OutcomeTable, OutcomeView } from '../../src/engine/outcomes/tables';
import { withSuggestedPoints, type Suggestion } from '../../src/engine/outcomes/suggestion';
import { call } from '../client';
import { button, field, selectInput } from '../controls';
import { clear, h } from '../dom';
import type { Notices } from '../notices';
import type { PendingDraft } from './editor';
import { outcomeColumnField, rebuildKeepingFocus } from './outcome-controls';

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

/** The draft maker for the editor: the saved model with the suggested points and category weights set on `profile`. */
function suggestedPointsDraft(profile: string, suggestion: Suggestion): PendingDraft {
  return {
    profile,
    message: `Suggested points and category weights applied to "${profile}" from the outcomes. Review the preview, then Save to keep them.`,
    make: (saved: Model): Model | null => withSuggestedPoints(saved, profile, suggestion),
  };
}

function statsView(s: OutcomeStats, v: OutcomeView, openEditor: (draft?: PendingDraft) => void): HTMLElement[] {
  const sg = s.suggestion;
  const apply = !sg.usable || v.changed === 0
    ? h('p', { cls: 'hint', attrs: { 'data-suggestion-note': '' }, text: sg.usable ? 'The outcomes suggest no change to the points.' : sg.note })
    : button('Apply suggested points…', () => openEditor(suggestedPointsDraft(s.profile, sg)), { cls: 'btn', key: 'validate:apply-points' });
  const agreement = sg.fit?.rankAgreement;
  return [
    h('p', { cls: 'hint', text: v.accountsLine }),
    h('h3', { text: 'Win rate by tier' }),
    outcomeTableView('Win rate by tier', v.tiers, 'data-outcome-tiers'),
    h('p', { cls: s.verdictKind === 'separates' ? 'verdict' : 'verdict warning-text', attrs: { 'data-verdict': s.verdictKind }, text: s.verdict }),
    h('p', { cls: 'hint', attrs: { 'data-auc': '' }, text: v.aucLine }),
    h('h3', { text: 'Criteria' }),
    h('p', { cls: 'hint', text: 'Win rate where each criterion matched and where it did not; its effect on the odds of winning with the other criteria held fixed (95% interval); points now and suggested. Strongest effect first.' }),
    outcomeTableView('Each criterion: win rates, fitted effect with its interval, points now and suggested', v.criteria, 'data-outcome-criteria'),
    ...(v.weights === null ? [] : [outcomeTableView('Category weights now and suggested', v.weights, 'data-outcome-weights')]),
    h('p', {
      cls: 'hint',
      text: `${sg.note}${agreement != null ? ` Rank correlation with the fit: ${agreement.toFixed(3)}.` : ''} A criterion without evidence is suggested 0; one the outcomes cannot judge (it matched all or none of the deals) keeps its points. Applying opens the editor with them, unsaved.`,
    }),
    apply,
    h('details', { attrs: { 'data-outcome-reasons': '' } }, h('summary', { text: 'Why each suggestion' }), h('ul', {}, ...v.reasons.map((r) => h('li', { text: r })))),
    ...v.notes.map((n) => h('p', { cls: 'hint', attrs: { 'data-cell-note': '' }, text: n })),
    ...(s.knockouts.length === 0
      ? []
      : [
        h('h3', { text: 'Must-haves and exclusions' }),
        h('p', { cls: 'hint', text: `${s.unit === 'deals' ? 'Deals' : 'Accounts'} each rule disqualified, and how often their closed deals were won.` }),
        outcomeTableView('Accounts each must-have and exclusion disqualified, and the win rate of their closed deals', v.knockouts, 'data-outcome-knockouts'),
        ...knockoutWarnings(s.knockouts),
      ]),
  ];
}

export function mountValidate(
  root: HTMLElement, notices: Notices, subtitle: HTMLElement, openEditor: (draft?: PendingDraft) => void, openDraft: () => void,
): void {
  let outcomeColumn: string | null = null;
  let profile: string | null = null;
  // null: let the server find the column by its name; '' for none.
  let accountColumn: string | null = null;
  let valueColumn: string | null = null;
  let generation = 0;
  const controls = h('div', { attrs: { 'data-outcome-controls': '' } });
  const result = h('div', { attrs: { 'data-outcome-result': '' } }, h('p', { cls: 'loading', text: 'Reading the sheet...' }));
  // What a screen reader announces when an answer arrives: its one-line outcome, not every cell of its tables.
  const announce = h('p', { cls: 'sr-only', attrs: { role: 'status' } });

  const showControls = (r: OutcomeValidation): void => rebuildKeepingFocus(controls, () => {
    const column = outcomeColumnField('validate:column', r, 'Cells saying won, lost or open.', (v) => {
      outcomeColumn = v;
      load();
    });
    if (column !== null) controls.appendChild(column);
    if (r.headers.length > 0 && r.outcomeColumn !== null) {
      const options = [{ value: '', label: '(none)' }, ...r.headers.filter((x) => x !== r.outcomeColumn).map((x) => ({ value: x, label: x }))];
      const account = selectInput('validate:account', options, r.accountColumn ?? '', (v) => {
        accountColumn = v;
        load();
      });
      controls.appendChild(field('Account column', account, { hint: 'Deals of one account are counted together.' }));
      const value = selectInput('validate:value', options, r.valueColumn ?? '', (v) => {
        valueColumn = v;
        load();
      });
      controls.appendChild(field('Deal value column', value, { hint: 'Won value per tier.' }));
    }
    if (r.profiles.length > 1) {
      const select = selectInput('validate:profile', r.profiles.map((p) => ({ value: p, label: p })), r.profile ?? r.profiles[0]!, (v) => {
        profile = v;
        load();
      });
      controls.appendChild(field('Profile', select));
    }
  });

  const show = (r: OutcomeValidation): void => {
    subtitle.textContent = `Sheet "${r.sheetName}"`;
    showControls(r);
    clear(result);
    if (!r.ok) {
      result.appendChild(h('p', { cls: r.reason === 'too-few' ? 'warning-text' : 'field-error', attrs: { 'data-outcome-error': r.reason ?? '' }, text: r.message }));
      if (r.reason === 'no-model') result.appendChild(button('Open the ICP editor', () => openEditor(), { cls: 'btn btn-primary', key: 'panel:editor' }));
    }
    if (r.stats !== null && r.view !== null) result.append(...statsView(r.stats, r.view, openEditor));
    announce.textContent = r.ok && r.stats !== null ? r.stats.verdict : r.message;
  };

  function load(): void {
    generation += 1;
    const mine = generation;
    call('validateOutcomes', { outcomeColumn, profile, accountColumn, valueColumn }).then(
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
