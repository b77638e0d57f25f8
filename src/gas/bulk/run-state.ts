// Where a scoring run saves its progress: one document property per sheet, read by the next run and by the sidebar.

// Document properties are per document and shared by all its users, so any user's next run finds a stopped run
// (https://developers.google.com/apps-script/guides/properties). A state is a few hundred bytes; a value may hold 9 KB.
const PREFIX = 'icp-scorer.run.';

export interface RunState {
  sheetId: number;
  sheetName: string;
  /** Profile name as compiled (the model's spelling). */
  profile: string;
  modelVersion: number;
  headerRow: number;
  lastRow: number;
  /** Next 1-based sheet row to score; lastRow + 1 when done. */
  nextRow: number;
  totalRows: number;
  /** Non-blank rows scored so far, per tier label. */
  counts: Record<string, number>;
  /** True while an execution is scoring (cleared at its end; a killed execution leaves it set, see updatedAt). */
  running: boolean;
  done: boolean;
  startedAt: string;
  /** Last progress save (ISO). */
  updatedAt: string;
}

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function readRunState(sheetId: number): RunState | null {
  const text = store().getProperty(PREFIX + sheetId);
  if (text === null) return null;
  try {
    const state = JSON.parse(text) as RunState;
    return typeof state.nextRow === 'number' && typeof state.lastRow === 'number' ? state : null;
  } catch {
    return null;
  }
}

export function saveRunState(state: RunState): void {
  state.updatedAt = new Date().toISOString();
  store().setProperty(PREFIX + state.sheetId, JSON.stringify(state));
}

export function clearRunState(sheetId: number): void {
  store().deleteProperty(PREFIX + sheetId);
}

export function scoredRows(state: RunState): number {
  return Math.max(0, Math.min(state.totalRows, state.nextRow - state.headerRow - 1));
}
