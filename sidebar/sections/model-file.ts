// Templates (B2B SaaS starter, start blank), import of model JSON (paste or file), export (download or copy) and the saved
// model as SQL for BigQuery.
import { profileKey, type Model } from '../../src/engine/model';
import { checkModelLite as checkModel } from '../../src/engine/model-check-lite';
import { clear, h } from '../dom';
import { call } from '../client';
import { button, field, SMALL_BUTTON, textArea, textInput } from '../controls';
import { confirmDialog } from '../confirm';
import type { EditorContext } from '../editor-context';
import { isOpen } from '../editor-context';
import { countedDraft, currentProfile, hasEdits } from '../session';
import { stableJson } from '../stable-json';
import { section } from './section';

/** A file name from the model's first profile: `mid-market-b2b-saas.icp.json`. */
function fileName(model: Model): string {
  const base = (model.profiles[0]?.name ?? 'model').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${base === '' ? 'model' : base}.icp.json`;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Asks before a template or import replaces a draft the user has edited. */
function replaceAfterConfirm(ctx: EditorContext, what: string): Promise<boolean> {
  if (!hasEdits(ctx.session)) return Promise.resolve(true);
  return confirmDialog({
    title: 'Replace the draft?',
    message: `${what} replaces your unsaved changes in the editor. The saved model is not touched until you press Save.`,
    confirmLabel: 'Replace draft',
  });
}

/** The BigQuery table typed for "Copy SQL for BigQuery": kept while the editor re-renders (switching profiles...). */
let bigQueryTable = '';

export function modelFileSection(ctx: EditorContext): HTMLElement {
  const templates = h(
    'div',
    { cls: 'templates' },
    ...ctx.session.templates.map((t) =>
      h(
        'div',
        { cls: 'template' },
        button(t.id === 'blank' ? 'Start blank' : `Use ${t.name}`, () => {
          void replaceAfterConfirm(ctx, `The template "${t.name}"`).then((yes) => {
            if (!yes) return;
            call('getTemplate', t.id).then(
              (model) => ctx.replaceDraft(model, `Loaded the template "${t.name}" into the draft. Review it, then Save.`),
              (e: unknown) => ctx.notices.error(`Could not load the template "${t.name}"`, e),
            );
          });
        }, { cls: SMALL_BUTTON, key: `template:${t.id}` }),
        h('div', { cls: 'hint', text: t.description }),
      ),
    ),
  );

  // Import: paste or pick a file; the server parses and validates; problems are listed and the draft is kept.
  let pasted = '';
  const importErrors = h('div', { cls: 'import-errors', attrs: { role: 'alert', 'data-import-errors': '' } });
  const pasteBox = textArea('import:text', '', (v) => {
    pasted = v;
  }, { rows: 4, placeholder: 'Paste model JSON here', ariaLabel: 'Model JSON to import' });
  // One import at a time: clicks while the server reads the model would each end in their own "Replace the draft?".
  let importing = false;
  const runImport = (text: string, source: string): void => {
    if (importing) return;
    importing = true;
    clear(importErrors);
    call('parseImport', text).finally(() => {
      importing = false;
    }).then(
      (r) => {
        if (!r.ok || r.model === null) {
          importErrors.appendChild(h('p', { text: `${capitalize(source)} is not a valid ICP model; your draft is unchanged. Problems:` }));
          importErrors.appendChild(h('ul', {}, ...r.issues.slice(0, 20).map((i) => h('li', {}, h('code', { text: i.path }), ` ${i.message}`))));
          if (r.issues.length > 20) importErrors.appendChild(h('p', { text: `...and ${r.issues.length - 20} more.` }));
          return;
        }
        const model = r.model;
        const warnings = r.warnings;
        void replaceAfterConfirm(ctx, `Importing ${source}`).then((yes) => {
          if (!yes) return;
          ctx.replaceDraft(model, `Imported ${source} into the draft. Review it, then Save.`);
          ctx.notices.dismiss('import-warnings');
          if (warnings.length === 0) return;
          // Valid, but a misspelt field (`disqualifedLabel`) would silently do nothing: name each one.
          const n = warnings.length;
          ctx.notices.show('warning', `${n === 1 ? 'One thing' : `${n} things`} in ${source} will have no effect:`, {
            id: 'import-warnings',
            details: [
              h('ul', {}, ...warnings.slice(0, 20).map((w) => h('li', {}, h('code', { text: w.path }), ` ${w.message}`))),
              ...(n > 20 ? [h('p', { text: `...and ${n - 20} more.` })] : []),
            ],
          });
        });
      },
      (e: unknown) => ctx.notices.error(`Could not import ${source}`, e),
    );
  };
  const fileInput = h('input', { attrs: { type: 'file', accept: '.json,application/json,text/plain', 'data-key': 'import:file' } });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file === undefined) return;
    file.text().then(
      (text) => runImport(text, `the file "${file.name}"`),
      (e: unknown) => ctx.notices.error(`Could not read the file "${file.name}"`, e),
    );
    fileInput.value = '';
  });

  // Export: the draft as JSON, downloaded as a file and shown for copying.
  const exportBox = h('textarea', { cls: 'export-text', attrs: { readonly: '', rows: '6', 'aria-label': 'Model JSON (draft)', 'data-key': 'export:text' } });
  exportBox.hidden = true;
  const copyStatus = h('span', { cls: 'hint', attrs: { role: 'status' } });
  // Without criteria not filled in yet (session.ts), as Save would store it.
  const exportJson = (): string => `${JSON.stringify(countedDraft(ctx.session), null, 2)}\n`;
  /** Whether the draft can be exported: a file with problems would be refused by import (here and by `icp`). */
  const exportable = (): boolean => {
    const r = checkModel(countedDraft(ctx.session));
    if (r.ok) return true;
    exportBox.hidden = true;
    const n = r.issues.length;
    copyStatus.textContent = `Not exported: the draft has ${n} problem${n === 1 ? '' : 's'} (marked in red). Fix ${n === 1 ? 'it' : 'them'} first; a file with problems cannot be imported again.`;
    return false;
  };
  /** The box shown holding `text`, the status cleared. */
  const show = (text: string): string => {
    copyStatus.textContent = '';
    exportBox.value = text;
    exportBox.hidden = false;
    return text;
  };
  const download = (): void => {
    if (!exportable()) return;
    const url = URL.createObjectURL(new Blob([show(exportJson())], { type: 'application/json' }));
    const a = h('a', { attrs: { download: fileName(ctx.session.draft) } });
    a.href = url;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  // Shows `text` selected and copies it; HtmlService's sandboxed iframe may refuse the clipboard: then the selection
  // is the way. `said` leads the status (what the text is, ending in a space).
  const showAndCopy = (text: string, said = ''): void => {
    show(text);
    exportBox.focus();
    exportBox.select();
    const done = (ok: boolean): void => {
      copyStatus.textContent = `${said}${ok ? 'Copied.' : 'Selected: press Ctrl+C (Cmd+C) to copy.'}`;
    };
    // eslint-disable-next-line @typescript-eslint/no-unused-expressions -- the shortest form (the sidebar's size is budgeted)
    navigator.clipboard?.writeText(text).then(() => done(true), () => done(false)) ?? done(false);
  };
  const copy = (): void => {
    if (exportable()) showAndCopy(exportJson());
  };
  // "Copy SQL for BigQuery" (docs/sql.md): the saved version of the profile shown in the editor, as one SELECT over the
  // table; with unsaved edits to that profile the status says they are not in it.
  const copySql = (): void => {
    const s = ctx.session;
    const name = currentProfile(s).name;
    const saved = s.saved?.profiles.find((pr) => profileKey(pr.name) === profileKey(name));
    const edited = saved !== undefined && stableJson(countedDraft(s).profiles[s.profileIndex]) !== stableJson(saved);
    call('getBigQuerySql', bigQueryTable, name).then(
      (r) => (r.ok ? showAndCopy(r.sql, `${r.message}${edited ? 'Your unsaved edits to this profile are not in it: Save to include them. ' : ''}`) : (copyStatus.textContent = r.message)),
      (e: unknown) => ctx.notices.error('No SQL', e),
    );
  };

  return section(
    { id: 'file', title: 'Templates, import & export', open: isOpen(ctx, 'file', ctx.session.saved === null), onToggle: (o) => ctx.sectionOpen.set('file', o) },
    h('h3', { text: 'Start from a template' }),
    templates,
    h('h3', { text: 'Import' }),
    field('Paste model JSON', pasteBox),
    h('div', { cls: 'row wrap' }, button('Import pasted JSON', () => runImport(pasted, 'the pasted JSON'), { cls: SMALL_BUTTON, key: 'import:run' }), h('label', { cls: `${SMALL_BUTTON} file-btn` }, h('span', { text: 'Choose file...' }), fileInput)),
    importErrors,
    h('h3', { text: 'Export' }),
    h('div', { cls: 'row wrap' }, button('Download JSON', download, { cls: SMALL_BUTTON, key: 'export:download' }), button('Show & copy JSON', copy, { cls: SMALL_BUTTON, key: 'export:copy' }), copyStatus),
    h('div', { cls: 'row wrap' }, textInput('', bigQueryTable, (v) => (bigQueryTable = v), { placeholder: 'project.dataset.table', ariaLabel: 'BigQuery table' }), button('Copy SQL for BigQuery', copySql, { cls: SMALL_BUTTON })),
    exportBox,
  );
}
