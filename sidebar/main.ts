// Sidebar entry: on load, opens the panel the menu asked for (window.ICP_PANEL) and reports any uncaught error in words.
import { clear, h } from './dom';
import { Notices } from './notices';
import { mountDraft } from './panels/draft';
import { mountEditor, type PendingDraft } from './panels/editor';
import { mountHelp } from './panels/help';
import { mountScore } from './panels/score';
import { mountSummary } from './panels/summary';
import { mountValidate } from './panels/validate';
import { watchSheet } from './sheet-watch';

type Panel = 'editor' | 'score' | 'summary' | 'validate' | 'draft' | 'help';

const TITLES: Record<Panel, string> = {
  editor: 'ICP editor',
  score: 'Score this sheet',
  summary: 'Tier summary',
  validate: 'Validate against outcomes',
  draft: 'Draft a model from outcomes',
  help: 'Help',
};

function requestedPanel(): Panel {
  const value = (window as unknown as { ICP_PANEL?: unknown }).ICP_PANEL;
  return typeof value === 'string' && value in TITLES ? (value as Panel) : 'editor';
}

function start(): void {
  const app = document.getElementById('app');
  if (app === null) return;
  clear(app);
  const notices = new Notices();
  const unsaved = h('span', { cls: 'unsaved', attrs: { 'data-unsaved': '' }, text: 'Unsaved changes' });
  unsaved.hidden = true;
  const subtitle = h('div', { cls: 'subtitle' });
  const title = h('h1', {});
  const body = h('main', { cls: 'panel' });
  app.append(h('header', { cls: 'top' }, h('div', { cls: 'title-row' }, title, unsaved), subtitle), notices.el, body);

  window.addEventListener('error', (ev) => notices.show('error', `Something went wrong in the sidebar: ${ev.message}`));
  window.addEventListener('unhandledrejection', (ev) => notices.error('Something went wrong in the sidebar', ev.reason));

  let stopWatch = (): void => undefined;
  const show = (panel: Panel, pending?: PendingDraft): void => {
    stopWatch();
    notices.dismiss('sheet-changed');
    clear(body);
    title.textContent = TITLES[panel];
    document.title = `ICP Scorer: ${TITLES[panel]}`;
    body.setAttribute('data-panel', panel);
    const openEditor = (draft?: PendingDraft): void => show('editor', draft);
    if (panel === 'help') {
      mountHelp(body, () => openEditor());
      stopWatch = () => undefined;
      return;
    }
    if (panel === 'editor') {
      // The editor reads the sheet again itself and keeps the draft (its columns and preview follow the new sheet).
      const editor = mountEditor(body, notices, unsaved, subtitle, pending);
      const watch = (): void => {
        stopWatch = watchSheet((what) => {
          stopWatch();
          void editor.sheetChanged(what).finally(watch);
        });
      };
      watch();
      return;
    }
    if (panel === 'score') mountScore(body, notices, subtitle);
    else if (panel === 'summary') mountSummary(body, notices, subtitle);
    else if (panel === 'draft') mountDraft(body, notices, subtitle, openEditor);
    else mountValidate(body, notices, subtitle, openEditor, () => show('draft'));
    // What these panels show was read from the sheet when they opened: once it changes, they say so and offer to read it again.
    stopWatch = watchSheet((what) => {
      notices.show('warning', `${what} This panel is out of date.`, { id: 'sheet-changed', actions: [{ label: 'Read it again', run: () => show(panel) }] });
    });
  };
  show(requestedPanel());
}

// ICP_PANEL is set by a script appended after this one, so wait for the whole document.
if (document.readyState === 'complete') start();
else window.addEventListener('load', start);
