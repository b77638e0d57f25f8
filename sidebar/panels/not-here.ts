// Panels whose server side this build does not have yet (validate against outcomes): say so, and offer the editor.
import { h } from '../dom';
import { button } from '../controls';

const TEXT: Record<string, string> = {
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
