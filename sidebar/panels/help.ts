// The Help panel: what the add-on does and the formulas, in plain words.
import { h } from '../dom';
import { button } from '../controls';

const FORMULAS: [string, string][] = [
  ['=ICP_SCORE(A2:H2)', 'Score of one account row, 0-100.'],
  ['=ICP_SCORE(A2:H5000)', 'A whole column of scores in one call.'],
  ['=ICP_TIER(I2)', 'The tier label for a score.'],
  ['=ICP_TIER(A2:H2)', 'The tier of the row itself (knock-outs show as Disqualified).'],
  ['=ICP_EXPLAIN(A2:H2)', 'Why: matched, missed, unknown and knock-out criteria.'],
  ['=ICP_PROFILE(A2:H2)', 'Which of several profiles the account fits best.'],
];

export function mountHelp(root: HTMLElement, openEditor: () => void): void {
  root.append(
    h('div', { cls: 'panel-text' },
      h('p', { text: 'ICP Scorer gives every account row a 0-100 fit score, a tier and a reason, from your Ideal Customer Profile.' }),
      h('h3', { text: 'Get started' }),
      h('ol', {},
        h('li', { text: 'Open the ICP editor and start from the B2B SaaS starter (or blank).' }),
        h('li', { text: 'For each criterion pick the column, the test and the points. Must-haves and exclusions disqualify.' }),
        h('li', { text: 'Watch the live preview, then Save.' }),
        h('li', { text: 'Type a formula next to your data, e.g. =ICP_SCORE(A2:Q2).' }),
      ),
      h('h3', { text: 'How points count' }),
      h('p', { attrs: { 'data-help': 'points' }, text: 'Points count within their category, then categories by weight: each new one makes the others there worth less. Each shows its share of the 100-point score (+25 pts = 7.1 of 100).' }),
      h('h3', { text: 'Formulas' }),
      h('dl', { cls: 'formulas' }, ...FORMULAS.flatMap(([f, d]) => [h('dt', {}, h('code', { text: f })), h('dd', { text: d })])),
      h('p', { cls: 'hint', text: 'Columns are found by their header text, so you can insert and reorder columns freely. Saving the model refreshes every ICP formula.' }),
      button('Open the ICP editor', openEditor, { cls: 'btn btn-primary', key: 'help:editor' }),
    ),
  );
}
