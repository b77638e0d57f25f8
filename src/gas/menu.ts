// The add-on menu and the sidebar: onOpen works in AuthMode.NONE, so it only builds the menu.

import { scoreSheet } from './bulk';

export type SidebarPanel = 'editor' | 'score' | 'summary' | 'validate' | 'help';

/** Runs in AuthMode.NONE before the add-on is enabled in a document: no properties, no sheet access here. */
export function onOpen(_e?: unknown): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open ICP editor', 'openEditor')
    .addItem('Score this sheet', 'scoreThisSheet')
    .addItem('Build tier summary', 'openSummaryPanel')
    .addItem('Validate against outcomes', 'openValidatePanel')
    .addSeparator()
    .addItem('Help', 'openHelp')
    .addToUi();
}

/** https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#installation */
export function onInstall(e?: unknown): void {
  onOpen(e);
}

function showSidebar(panel: SidebarPanel, sheetId?: number): void {
  // The sidebar reads these on load: the panel to open, and the sheet a run the menu started is pinned to.
  const pinned = sheetId === undefined ? '' : ` window.ICP_SHEET_ID = ${JSON.stringify(sheetId)};`;
  const html = HtmlService.createHtmlOutputFromFile('sidebar')
    .setTitle('ICP Scorer')
    .append(`<script>window.ICP_PANEL = ${JSON.stringify(panel)};${pinned}</script>`);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function openEditor(): void {
  showSidebar('editor');
}
export function openScorePanel(): void {
  showSidebar('score');
}
export function openSummaryPanel(): void {
  showSidebar('summary');
}
export function openValidatePanel(): void {
  showSidebar('validate');
}
export function openHelp(): void {
  showSidebar('help');
}

/** A short message in the corner of the sheet (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#toast(String,String,Number)). */
function toast(message: string): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, 'ICP Scorer', 15);
}

/**
 * Menu "Score this sheet": opens the score panel first (it shows this run's progress by polling getScoreProgress,
 * and calls scoreSheet again by itself if this run stops at the time limit, on the same sheet by id), then scores in
 * this execution.
 */
export function scoreThisSheet(): void {
  // Pinned to the sheet the user chose this on: the panel follows and continues this run there, whatever tab is active.
  const sheetId = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getSheetId();
  showSidebar('score', sheetId);
  toast(scoreSheet({ sheetId }).message);
}
