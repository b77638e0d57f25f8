// The sidebar's server API: what google.script.run may call. Thin: it reads the sheet, calls the engine, returns plain JSON.

import { compileModel } from '../engine/model-compile';
import { b2bSaasTemplate } from '../engine/templates/b2b-saas';
import { blankModel } from '../engine/templates/blank';
import { parseModelJson, checkModel } from '../engine/model-check';
import { modelWarnings } from '../engine/model-warnings';
import type { Model } from '../engine/model';
import { frequentValues } from '../engine/frequent-values';
import { duplicateHeaderNote, HeaderMap } from '../engine/headers';
import type {
  ColumnSuggestions, EditorState, ImportResult, Json, PreviewResult, SaveResult, TemplateInfo, CheckDraftResult,
} from './api-types';
import { FIX, MAX_MODEL_CHARS, modelTextFits, readStoredModel, writeStoredModel, MODEL_SHEET_NAME } from './model-store';
import { grouped } from '../engine/number-text';
import { passModelEverywhere } from './recalc';
import { readTable } from './sheet-table';
import { scriptToday } from './today';
import { spreadsheetLocale } from './locale';
import { buildTierSummary, getScoreProgress, getSummaryColumns, scoreSheet } from './bulk';
import { findOutputColumns } from './bulk/output-columns';
import { validateOutcomes } from './validate-outcomes';
import { draftFromOutcomes } from './draft-outcomes';
import { getSheetStamp } from './sheet-stamp';
import { getBigQuerySql } from './sql-export';

const TEMPLATES: Record<string, { info: TemplateInfo; make: () => Model }> = {
  'b2b-saas': {
    info: { id: 'b2b-saas', name: 'B2B SaaS starter', description: 'Firmographic 40 %, behavioral 30 %, intent 30 %; tiers A 80+, B 60+, C.' },
    make: b2bSaasTemplate,
  },
  blank: { info: { id: 'blank', name: 'Start blank', description: 'Three empty categories and A/B/C tiers.' }, make: blankModel },
};

// The live preview scores at most this many rows per call, so it stays fast while the user types.
const PREVIEW_ROW_CAP = 20_000;
const SUGGESTIONS = 12;
// A save waits this long for another save or bulk run to finish before saying "busy".
const LOCK_WAIT_MS = 10_000;

function activeSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  return SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
}

function getEditorState(): EditorState {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const stored = readStoredModel(ss);
  const sheet = ss.getActiveSheet();
  const table = readTable(sheet, stored.model);
  // The add-on's own output columns (found by their marker) are not data a criterion can read: Score this sheet blanks
  // them, and a live formula reading them would read its own result.
  const own = new Set(Object.values(findOutputColumns(sheet, table.headers)));
  return {
    model: stored.model,
    version: stored.version,
    sheetName: sheet.getName(),
    headers: table.headers.filter((h, i) => h !== '' && !own.has(i + 1)),
    duplicateHeaders: new HeaderMap(table.headers.map((h, i) => (own.has(i + 1) ? '' : h)))
      .duplicates()
      .map((d) => ({ header: d.header, note: duplicateHeaderNote(d) })),
    rowCount: table.rows.length,
    templates: Object.values(TEMPLATES).map((t) => t.info),
    // Without "open the ICP editor": the user is in it, and the editor says how to go on (import or a template, then Save).
    storedModelError: stored.error === null ? null : stored.error.replace(` ${FIX}`, ''),
  };
}

function getTemplate(id: string): Model {
  const t = TEMPLATES[id];
  if (t === undefined) throw new Error(`Unknown template "${id}".`);
  return t.make();
}

function checkDraft(draft: Json): CheckDraftResult {
  const r = checkModel(draft);
  return { ok: r.ok, issues: r.ok ? [] : r.issues };
}

function parseImport(text: string): ImportResult {
  const r = parseModelJson(String(text));
  if (!r.ok) return { ok: false, model: null, issues: r.issues, warnings: [] };
  // Refused here rather than at Save, after the user has reviewed a draft that could never be stored.
  const json = JSON.stringify(r.model);
  if (!modelTextFits(json)) {
    const message = `the model's JSON is ${grouped(json.length)} characters, more than the ${grouped(MAX_MODEL_CHARS)} a spreadsheet can store, so it could never be saved: shorten its longest value lists or descriptions first`;
    return { ok: false, model: null, issues: [{ path: '(root)', message }], warnings: [] };
  }
  return { ok: true, model: r.model, issues: [], warnings: modelWarnings(r.model) };
}

function getColumnSuggestions(column: string): ColumnSuggestions {
  const table = readTable(activeSheet(), readStoredModel(SpreadsheetApp.getActiveSpreadsheet()).model);
  // Found the way criteria find their column (case-, space- and punctuation-insensitive), so an imported criterion
  // on `industry` gets the suggestions of `Industry`.
  const index = new HeaderMap(table.headers).find(column);
  const values = index < 0 ? [] : frequentValues(table.rows.map((row) => row[index]), SUGGESTIONS);
  return { column, values };
}

/** The draft's profile `profileName` (the one being edited; the default profile when null) scored on the active sheet. */
function previewDraft(draft: Json, profileName: string | null = null): PreviewResult {
  const r = checkModel(draft);
  const empty: PreviewResult = {
    ok: false, issues: [], rows: 0, scored: 0, blank: 0, histogram: new Array<number>(20).fill(0), tiers: [],
    disqualified: { label: 'Disqualified', count: 0 }, changedTier: null, missingColumns: [], sheetName: '',
  };
  if (!r.ok) return { ...empty, issues: r.issues };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  const table = readTable(sheet, r.model);
  const options = { today: scriptToday(), locale: spreadsheetLocale() };
  const draftProfile = compileModel(r.model, table.headers, options).profile(profileName ?? undefined);
  const stored = readStoredModel(ss);
  let savedProfile = null;
  if (stored.model !== null) {
    const saved = compileModel(stored.model, table.headers, options);
    // Compare like with like: the saved profile of the same name, else the saved default.
    savedProfile = saved.profiles.find((p) => p.name === draftProfile.name) ?? saved.profile();
  }
  const rows = table.rows.slice(0, PREVIEW_ROW_CAP);
  const histogram = new Array<number>(20).fill(0);
  const tierCounts = new Map<string, number>();
  let blank = 0;
  let disqualified = 0;
  let changed = 0;
  for (const row of rows) {
    const res = draftProfile.evaluate(row);
    if (res.blank) {
      blank++;
      continue;
    }
    if (res.disqualified) disqualified++;
    else histogram[Math.min(19, Math.floor(res.score / 5))]!++;
    tierCounts.set(res.tier, (tierCounts.get(res.tier) ?? 0) + 1);
    if (savedProfile !== null && savedProfile.evaluate(row).tier !== res.tier) changed++;
  }
  const profile = draftProfile.profile;
  return {
    ok: true,
    issues: [],
    rows: table.rows.length,
    scored: rows.length,
    blank,
    histogram,
    tiers: [...profile.tiers]
      .sort((a, b) => b.min - a.min)
      .map((t) => ({ label: t.label, min: t.min, color: t.color ?? null, count: tierCounts.get(t.label) ?? 0 })),
    disqualified: { label: draftProfile.disqualifiedLabel, count: disqualified },
    changedTier: savedProfile === null ? null : changed,
    missingColumns: draftProfile.missingColumns,
    sheetName: sheet.getName(),
  };
}

function saveModel(draft: Json, baseVersion: number): SaveResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const r = checkModel(draft);
  if (!r.ok) {
    return { ok: false, reason: 'invalid', message: 'The model has problems; fix the highlighted fields, then save.', issues: r.issues, currentVersion: baseVersion, draft };
  }
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    return { ok: false, reason: 'busy', message: 'Another save or scoring run is in progress. Your draft is kept; try again in a moment.', issues: [], currentVersion: baseVersion, draft };
  }
  try {
    const stored = readStoredModel(ss);
    if (stored.version !== baseVersion) {
      return {
        ok: false,
        reason: 'stale',
        message: `Someone else saved the model (version ${stored.version}) after you opened the editor (version ${baseVersion}). Your draft is kept: export it, reload the saved model, and re-apply your changes.`,
        issues: [],
        currentVersion: stored.version,
        draft,
      };
    }
    const version = stored.version + 1;
    writeStoredModel(ss, r.model, version);
    // Formulas passing ICP_MODEL follow the save by themselves; typed ones get the argument now, once.
    const rewritten = passModelEverywhere(ss);
    SpreadsheetApp.flush();
    const note = rewritten === 0 ? '' : ` ${rewritten} ICP formula(s) now pass ICP_MODEL, so they follow every save and every new day.`;
    return { ok: true, version, rewrittenFormulas: rewritten, message: `Saved (version ${version}).${note}` };
  } finally {
    lock.releaseLock();
  }
}

/** Every function google.script.run may call. Its type is the sidebar client's type. */
export const serverApi = {
  getEditorState,
  getTemplate,
  checkDraft,
  parseImport,
  getColumnSuggestions,
  previewDraft,
  saveModel,
  // Bulk scoring and the tier summary (src/gas/bulk; contracts in api-types.ts).
  scoreSheet,
  getScoreProgress,
  buildTierSummary,
  getSummaryColumns,
  // Validate against outcomes (validate-outcomes.ts): reads the active sheet, writes nothing.
  validateOutcomes,
  // Draft a model from outcomes (draft-outcomes.ts): reads the sheet, writes nothing; the sidebar opens the draft unsaved.
  draftFromOutcomes,
  // Whether the sheet a panel read has changed since (sheet-stamp.ts): reads no cells.
  getSheetStamp,
  // "Copy SQL for BigQuery" (sql-export.ts): reads the saved model, writes nothing.
  getBigQuerySql,
};

export type ServerApi = typeof serverApi;

export { MODEL_SHEET_NAME };
