// The "Draft a model from outcomes" panel: drafts a model from the deals on the sheet, shows each criterion's evidence, and opens the draft in the editor unsaved.
import type { DraftAnswer } from '../../src/gas/api-types';
import type { Model } from '../../src/engine/model';
import { latestCall } from '../latest-call';
import { button, field, selectInput } from '../controls';
import { clear, h } from '../dom';
import type { Notices } from '../notices';
import type { PendingDraft } from './editor';
import { outcomeColumnField, rebuildKeepingFocus } from './outcome-controls';
import { outcomeTableView } from './validate';

const MAX_CHOICES = ['3', '5', '8', '12', '20'];

/** A profile name not taken by `taken` (the saved model's profiles): `Drafted from outcomes`, then `... (2)`. */
function freeName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.trim().toLowerCase()));
  let candidate = name;
  for (let k = 2; used.has(candidate.trim().toLowerCase()); k++) candidate = `${name} (${k})`;
  return candidate;
}

/**
 * The editor's draft: the drafted profile added to the saved model (its profiles, and the default, kept), or the
 * drafted model alone when nothing is saved. Never saved here: the editor opens it as unsaved changes.
 */
export function draftedPending(model: Model): PendingDraft {
  const drafted = model.profiles[0]!;
  const message = `Drafted "${drafted.name}": each criterion's evidence is in its description. Review it, then Save to keep it.`;
  return {
    profile: drafted.name,
    message,
    make: (saved: Model): Model => {
      const name = freeName(drafted.name, saved.profiles.map((p) => p.name));
      return { ...saved, profiles: [...saved.profiles, { ...drafted, name }] };
    },
    makeWithoutSaved: () => JSON.parse(JSON.stringify(model)) as Model,
    profileOf: (draft: Model) => draft.profiles[draft.profiles.length - 1]!.name,
  };
}

function draftView(r: DraftAnswer, openEditor: (draft?: PendingDraft) => void): HTMLElement[] {
  const d = r.draft!;
  const t = r.tables!;
  const out: HTMLElement[] = [];
  if (d.criteria.length > 0) {
    out.push(
      h('h3', { text: 'Criteria and their evidence' }),
      h('p', { cls: 'hint', text: d.recipe === 'evidence'
        ? 'Win rates of closed deals where each matched and did not; odds of winning on its own (95% interval). Each criterion counts its units of evidence.'
        : d.recipe === 'latent'
          ? 'Win rates of closed deals where each matched and did not; odds of winning on its own (95% interval). Points: how much likelier each value is among the kind of deals that wins more often.'
          : 'Win rates of closed deals where each matched and did not; fitted odds of winning (95% interval), the others held fixed.' }),
      outcomeTableView('Drafted criteria with their evidence', t.criteria, 'data-draft-criteria'),
    );
  }
  if (d.model !== null) {
    out.push(
      h('h3', { text: 'Tiers' }),
      h('p', { cls: 'hint', text: 'Cut at score quantiles: a fifth of rows in A, three tenths in B.' }),
      outcomeTableView('Drafted tiers with the win rate of their closed deals', t.tiers, 'data-draft-tiers'),
      button('Open in the editor (unsaved)…', () => openEditor(draftedPending(d.model!)), { cls: 'btn btn-primary', key: 'draft:open' }),
    );
  }
  if (t.notes.length > 0) out.push(h('div', { cls: 'hint', attrs: { 'data-draft-notes': '' } }, ...t.notes.map((n) => h('p', { text: n }))));
  return out;
}

export function mountDraft(root: HTMLElement, notices: Notices, subtitle: HTMLElement, openEditor: (draft?: PendingDraft) => void): void {
  let sheetId: number | null = null;
  let outcomeColumn: string | null = null;
  let maxCriteria = 12;
  const controls = h('div', { attrs: { 'data-draft-controls': '' } });
  const result = h('div', { attrs: { 'data-draft-result': '' } }, h('p', { cls: 'loading', text: 'Reading the sheet and drafting...' }));
  const announce = h('p', { cls: 'sr-only', attrs: { role: 'status' } });

  const showControls = (r: DraftAnswer): void =>
    rebuildKeepingFocus(controls, () => {
      const column = outcomeColumnField('draft:column', r, 'Won / lost, or yes / no.', (v) => {
        outcomeColumn = v;
        load();
      });
      if (column !== null) controls.appendChild(column);
      controls.appendChild(field('Criteria at most', selectInput('draft:max', MAX_CHOICES.map((m) => ({ value: m, label: m })), String(maxCriteria), (v) => {
        maxCriteria = Number(v);
        load();
      })));
    });

  const show = (r: DraftAnswer): void => {
    subtitle.textContent = r.sheetName === '' ? '' : `Sheet "${r.sheetName}"`;
    sheetId = r.sheetId;
    showControls(r);
    clear(result);
    result.appendChild(h('p', { cls: r.ok ? 'verdict' : r.reason === 'nothing' ? 'warning-text' : 'field-error', attrs: { 'data-draft-message': r.reason ?? 'ok' }, text: r.message }));
    if (r.draft !== null && r.tables !== null) result.append(...draftView(r, openEditor));
    announce.textContent = r.message;
  };

  // Only the newest request's answer is shown (a quick change of column or cap sends another).
  const drafting = latestCall('draftFromOutcomes', 0, {
    started: () => {
      clear(result);
      result.appendChild(h('p', { cls: 'loading', text: 'Drafting...' }));
    },
    result: show,
    error: (e) => {
      clear(result);
      notices.error('Could not draft a model', e, 'draft');
    },
  });
  function load(): void {
    drafting.schedule(() => [{ sheetId, outcomeColumn, maxCriteria }]);
  }

  root.appendChild(
    h(
      'div',
      { cls: 'panel-text' },
      h('p', { text: 'Drafts a model from the deals on this sheet and their outcomes: criteria, exclusions and tiers, each with its evidence. Nothing is saved until you save it in the editor.' }),
      controls,
      announce,
      result,
    ),
  );
  load();
}
