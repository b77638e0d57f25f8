// Everything Apps Script calls by name: the build turns each export into a top-level function stub.

export { ICP_SCORE, ICP_TIER, ICP_EXPLAIN, ICP_PROFILE } from './custom-functions';
export {
  onOpen, onInstall, openEditor, openScorePanel, openSummaryPanel, openValidatePanel, openHelp, scoreThisSheet,
} from './menu';
import { serverApi } from './server-api';

export const {
  getEditorState, getTemplate, checkDraft, parseImport, getColumnSuggestions, previewDraft, saveModel,
  scoreSheet, getScoreProgress, buildTierSummary, getSummaryColumns, validateOutcomes, draftFromOutcomes, getSheetStamp,
  getBigQuerySql,
} = serverApi;
