// The live preview of the unsaved draft on the current sheet: histogram, counts per tier, and how many accounts change tier.
import type { PreviewResult } from '../../src/gas/api-types';
import { clear, h } from '../dom';
import { histogram } from './histogram';
import { section } from './section';

export type PreviewStatus = 'idle' | 'loading' | 'invalid' | 'error';

function pct(n: number, total: number): string {
  return total <= 0 ? '0 %' : `${Math.round((n / total) * 100)} %`;
}

export class PreviewView {
  readonly el: HTMLElement;
  /** The newest result, for the save bar's summary. */
  result: PreviewResult | null = null;
  private readonly status = h('div', { cls: 'preview-status', attrs: { role: 'status', 'data-preview-status': 'idle' } });
  private readonly body = h('div', { cls: 'preview-body' });

  constructor(open: boolean, onToggle: (open: boolean) => void) {
    this.el = section({ id: 'preview', title: 'Live preview', aside: 'draft', open, onToggle }, this.status, this.body);
    this.el.classList.add('preview');
  }

  private state: PreviewStatus = 'idle';

  setStatus(status: PreviewStatus, message: string): void {
    this.state = status;
    this.status.textContent = message;
    this.status.setAttribute('data-preview-status', status);
    this.body.classList.toggle('stale', status !== 'idle');
    this.el.setAttribute('aria-busy', String(status === 'loading'));
  }

  show(r: PreviewResult, sheetName: string, profileName: string | null): void {
    this.result = r;
    clear(this.body);
    if (!r.ok) {
      this.setStatus('invalid', 'Paused: fix the problems marked in red to update the preview.');
      return;
    }
    const accounts = r.scored - r.blank;
    const what = profileName === null ? 'Draft' : `Draft of "${profileName}"`;
    this.setStatus('idle', `${what} on "${sheetName}": ${accounts} account${accounts === 1 ? '' : 's'}${r.scored < r.rows ? ` (first ${r.scored} of ${r.rows} rows)` : ''}.`);
    this.body.appendChild(histogram(r));
    const list = h('ul', { cls: 'tier-counts', attrs: { 'aria-label': 'Accounts per tier' } });
    const row = (label: string, color: string | null, count: number, extra: string): HTMLElement => {
      const sw = h('span', { cls: 'swatch', attrs: { 'aria-hidden': 'true' } });
      sw.style.background = color ?? '#dadce0';
      const bar = h('span', { cls: 'count-bar', attrs: { 'aria-hidden': 'true' } });
      bar.style.width = pct(count, accounts).replace(' ', '');
      return h(
        'li',
        { attrs: { 'data-tier': label, 'data-count': String(count) } },
        sw,
        h('span', { cls: 'tier-name', text: label }),
        h('span', { cls: 'tier-range', text: extra }),
        h('span', { cls: 'count-track' }, bar),
        h('span', { cls: 'tier-count', text: `${count}` }),
      );
    };
    r.tiers.forEach((t, k) => {
      // Tiers come highest first; a tier runs from its min to just below the next one up (scores have one decimal).
      const above = k === 0 ? undefined : r.tiers[k - 1]?.min;
      const range = above === undefined ? `${t.min}-100` : above > t.min ? `${t.min}-${Math.round((above - 0.1) * 10) / 10}` : `${t.min}`;
      list.appendChild(row(t.label, t.color, t.count, range));
    });
    list.appendChild(row(r.disqualified.label, '#5f6368', r.disqualified.count, 'knock-out'));
    this.body.appendChild(list);
    const changed = r.changedTier === null
      ? 'Nothing is saved yet, so there is nothing to compare with.'
      : r.changedTier === 0
        ? 'No account changes tier compared with the saved model.'
        : `${r.changedTier} account${r.changedTier === 1 ? '' : 's'} (${pct(r.changedTier, accounts)}) would change tier compared with the saved model.`;
    this.body.appendChild(h('p', { cls: 'changed', attrs: { 'data-changed': String(r.changedTier ?? '') } }, changed));
    if (r.blank > 0) this.body.appendChild(h('p', { cls: 'hint', text: `${r.blank} blank row${r.blank === 1 ? '' : 's'} skipped.` }));
    if (r.missingColumns.length > 0) {
      this.body.appendChild(
        h('p', { cls: 'warning-text', text: `This sheet has no column named ${r.missingColumns.map((c) => `"${c}"`).join(', ')}: those criteria count as unknown.` }),
      );
    }
  }

  /** One line for the save bar: `A 12 · B 40 · C 300 · Disqualified 8`. */
  summary(): string {
    const r = this.result;
    // Paused or failed, the counts are of an older draft: the save bar would state them as the draft's.
    if (r === null || !r.ok || this.state === 'invalid' || this.state === 'error') return '';
    return [...r.tiers.map((t) => `${t.label} ${t.count}`), `${r.disqualified.label} ${r.disqualified.count}`].join(' \u00b7 ');
  }
}
