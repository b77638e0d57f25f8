// The "Validate against outcomes" panel: pick the outcome column, then win rate and lift per tier, the verdict, win rates and suggested points per criterion.
import type { OutcomeValidation } from '../../src/gas/api-types';
import type { Model } from '../../src/engine/model';
import type { CriterionWinRates, KnockoutWinRates, OutcomeStats, TierOutcomes } from '../../src/engine/outcomes';
import { withSuggestedPoints, type PointsSuggestion } from '../../src/engine/suggest-points';
import { call } from '../client';
import { button, field, selectInput } from '../controls';
import { clear, h } from '../dom';
import type { Notices } from '../notices';
import type { PendingDraft } from './editor';

const pct = (r: number | null): string => (r === null ? '-' : `${Math.round(r * 100)}%`);
const times = (r: number | null): string => (r === null ? '-' : `${r.toFixed(1)}x`);

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[], key: string): HTMLElement {
  return h(
    'table',
    { cls: 'stats', attrs: { [key]: '' } },
    h('caption', { cls: 'sr-only', text: caption }),
    h('thead', {}, h('tr', {}, ...head.map((t, i) => h('th', { cls: i === 0 ? '' : 'num', attrs: { scope: 'col' }, text: t })))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((t, i) => (i === 0 ? h('th', { attrs: { scope: 'row' }, text: t }) : h('td', { cls: 'num', text: t })))))),
  );
}

function tierTable(tiers: readonly TierOutcomes[]): HTMLElement {
  return table(
    'Win rate by tier',
    ['Tier', 'Accounts', 'Won', 'Lost', 'Win rate', 'Lift'],
    tiers.map((t) => [t.label, String(t.accounts), String(t.won), String(t.lost), pct(t.winRate), times(t.lift)]),
    'data-outcome-tiers',
  );
}

/** Points now and suggested: `25 → 32`, `25 (kept)` with too few deals, `-` for bands. */
function pointsText(s: PointsSuggestion | undefined): string {
  if (s === undefined) return '-';
  return s.suggested === null ? `${s.current} (kept)` : `${s.current} → ${s.suggested}`;
}

/** Criteria by how much more often deals were won where they matched (unknown differences last). */
function criteriaTable(criteria: readonly CriterionWinRates[], suggestions: ReadonlyMap<string, PointsSuggestion>): HTMLElement {
  const sorted = [...criteria].sort((a, b) => (b.difference ?? -Infinity) - (a.difference ?? -Infinity));
  return table(
    'Win rate where each criterion matched and where it did not, and its points now and suggested',
    // No column for the difference: the rows are sorted by it, and at 300 px a fifth column squeezes the names.
    ['Criterion', 'Matched', 'Not matched', 'Points'],
    sorted.map((c) => [
      c.label,
      `${pct(c.matched.winRate)} of ${c.matched.closed}`,
      `${pct(c.notMatched.winRate)} of ${c.notMatched.closed}`,
      pointsText(suggestions.get(c.id)),
    ]),
    'data-outcome-criteria',
  );
}

/** Must-haves and exclusions in model order: how many accounts each disqualified and how their closed deals went. */
function knockoutTable(knockouts: readonly KnockoutWinRates[]): HTMLElement {
  return table(
    'Accounts each must-have and exclusion disqualified, and the win rate of their closed deals',
    ['Rule', 'Disqualified', 'Won'],
    knockouts.map((k) => [`${k.role === 'must' ? 'Must' : 'Exclude'}: ${k.label}`, String(k.accounts), `${pct(k.winRate)} of ${k.won + k.lost}`]),
    'data-outcome-knockouts',
  );
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

/** The ranking quality in words: what the number means is not common knowledge. */
function aucText(auc: number | null): string {
  if (auc === null) return 'Ranking quality (AUC): needs at least one won and one lost deal.';
  return `Ranking quality (AUC): ${auc.toFixed(2)}. A won account outscores a lost one ${Math.round(auc * 100)}% of the time (50% is a coin toss, 100% a perfect ranking).`;
}

function statsView(s: OutcomeStats, openEditor: (draft?: PendingDraft) => void): HTMLElement[] {
  const changes = s.suggestions.filter((x) => x.suggested !== null && x.suggested !== x.current);
  const apply = changes.length === 0
    ? h('p', { cls: 'hint', text: 'The outcomes suggest no change to the points.' })
    : button('Apply suggested points…', () => openEditor(suggestedPointsDraft(s.profile, s.suggestions)), { cls: 'btn', key: 'validate:apply-points' });
  return [
    h('p', { cls: 'hint', text: `${s.accounts} accounts: ${s.won} won, ${s.lost} lost, ${s.open} open; ${pct(s.winRate)} of closed deals won.` }),
    h('h3', { text: 'Win rate by tier' }),
    tierTable(s.tiers),
    h('p', { cls: s.verdictKind === 'separates' ? 'verdict' : 'verdict warning-text', attrs: { 'data-verdict': s.verdictKind }, text: s.verdict }),
    h('p', { cls: 'hint', attrs: { 'data-auc': '' }, text: aucText(s.auc) }),
    h('h3', { text: 'Criteria' }),
    h('p', { cls: 'hint', text: 'Win rate of closed deals where the criterion matched and where it did not, strongest first.' }),
    criteriaTable(s.criteria, new Map(s.suggestions.map((x) => [x.id, x]))),
    h('p', {
      cls: 'hint',
      text: 'Suggested points weigh each criterion by how much it raises the odds of winning, on each category\'s current points scale; a criterion with fewer than 10 closed deals matched or not matched keeps its points. Applying opens the editor with them, unsaved.',
    }),
    apply,
    ...(s.knockouts.length === 0
      ? []
      : [
        h('h3', { text: 'Must-haves and exclusions' }),
        h('p', { cls: 'hint', text: 'Accounts each rule disqualified, and how often their closed deals were won.' }),
        knockoutTable(s.knockouts),
        ...knockoutWarnings(s.knockouts),
      ]),
  ];
}

export function mountValidate(root: HTMLElement, notices: Notices, subtitle: HTMLElement, openEditor: (draft?: PendingDraft) => void): void {
  let outcomeColumn: string | null = null;
  let profile: string | null = null;
  let generation = 0;
  const controls = h('div', { attrs: { 'data-outcome-controls': '' } });
  const result = h('div', { attrs: { role: 'status', 'aria-live': 'polite', 'data-outcome-result': '' } }, h('p', { cls: 'loading', text: 'Reading the sheet...' }));

  const showControls = (r: OutcomeValidation): void => {
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
      controls,
      result,
    ),
  );
  load();
}
