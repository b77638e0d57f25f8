// Panels whose server side this build does not have yet (score, summary, validate): say so, and offer the editor.
import { h } from '../dom';
import { button } from '../controls';

const TEXT: Record<string, string> = {
  score: 'Score this sheet writes ICP Score, ICP Tier and ICP Why as plain values. Until it is available here, use the ICP_SCORE, ICP_TIER and ICP_EXPLAIN formulas.',
  summary: 'Build tier summary creates a pivot table by tier. It is not available in this version yet.',
  validate: 'Validate against outcomes compares tiers with won/lost deals. It is not available in this version yet.',
};

export function mountNotHere(root: HTMLElement, panel: string, openEditor: () => void): void {
  root.append(
    h('div', { cls: 'panel-text' },
      h('p', { text: TEXT[panel] ?? 'This panel is not available in this version.' }),
      button('Open the ICP editor', openEditor, { cls: 'btn btn-primary', key: 'panel:editor' }),
    ),
  );
}
