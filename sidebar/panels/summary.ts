// The "Build tier summary" panel: pick numeric columns to sum per tier, then build the pivot sheet.
import { call } from '../client';
import { button, checkbox } from '../controls';
import { clear, h } from '../dom';
import type { Notices } from '../notices';

export function mountSummary(root: HTMLElement, notices: Notices, subtitle: HTMLElement): void {
  const chosen = new Set<string>();
  const columnsBox = h('div', { cls: 'columns', attrs: { 'data-summary-columns': '' } }, h('p', { cls: 'loading', text: 'Reading the columns...' }));
  const result = h('div', { attrs: { role: 'status' } });
  const go = button('Build tier summary', () => {
    go.disabled = true;
    clear(result);
    call('buildTierSummary', { sumColumns: [...chosen] }).then(
      (r) => {
        notices.show(r.ok ? 'success' : 'error', r.message, { id: 'summary' });
        if (r.ok) {
          result.append(
            h('p', { text: `Sheet "${r.sheetName}" summarises "${r.sourceSheetName}".` }),
            h('p', { cls: 'hint', text: `Groups: ${r.groups.join(', ')}` }),
            h('p', { cls: 'hint', text: `Values: ${r.values.join(', ')}` }),
          );
        }
      },
      (e: unknown) => notices.error('Could not build the tier summary', e, 'summary'),
    ).finally(() => {
      go.disabled = false;
    });
  }, { cls: 'btn btn-primary', key: 'summary:run' });

  root.appendChild(
    h(
      'div',
      { cls: 'panel-text' },
      h('p', { text: 'Builds a pivot table by tier on its own sheet: how many accounts, their average score, and sums of the columns you pick (revenue, deal size).' }),
      h('h3', { text: 'Sum per tier' }),
      columnsBox,
      h('div', { cls: 'row' }, go),
      result,
    ),
  );

  call('getSummaryColumns').then(
    (s) => {
      subtitle.textContent = `Sheet "${s.sheetName}"`;
      clear(columnsBox);
      if (!s.scored) columnsBox.appendChild(h('p', { cls: 'warning-text', text: 'This sheet has not been scored yet: run Score this sheet first.' }));
      const numeric = s.columns.filter((c) => c.numeric);
      if (numeric.length === 0) columnsBox.appendChild(h('p', { cls: 'hint', text: 'No numeric columns to sum.' }));
      numeric.forEach((c, k) => {
        const box = checkbox(`summary:col:${k}`, c.header, false, (on) => {
          if (on) chosen.add(c.header);
          else chosen.delete(c.header);
        });
        columnsBox.appendChild(box);
        // A pivot table adds number cells only: say so before the user counts on a total that leaves rows out.
        if (c.textAmounts > 0) box.lastElementChild?.append(h('span', { cls: 'hint', text: ` (${c.textAmounts} of ${c.sampled} typed as text, which a pivot table does not add)` }));
      });
    },
    (e: unknown) => {
      // Not "Reading the columns..." for ever: the summary can still be built, only without sums.
      clear(columnsBox);
      columnsBox.appendChild(h('p', { cls: 'hint', text: 'The columns could not be read, so none can be summed.' }));
      notices.error('Could not read the columns', e);
    },
  );
}
