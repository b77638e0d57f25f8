// Makes every ICP_* formula recalculate after a save, by toggling a space in its formula text; plain text is never touched.

// Sheets recomputes a custom function only when its formula text or an argument cell changes
// (https://developers.google.com/apps-script/guides/sheets/functions#optimization), and a saved model is neither.
// Each ICP_* call's "(" is followed by no space (state A) or one space (state B); the three passes swap A and B
// in every formula, so every formula's text changes while its meaning does not. `$1`/`$2` are the regex's groups
// (https://developers.google.com/apps-script/reference/spreadsheet/text-finder#replaceAllWith(String)).
//
// matchFormulaText(true) searches formula cells by their formula text but every other cell by its value
// (https://developers.google.com/apps-script/reference/spreadsheet/text-finder#matchFormulaText(Boolean)), so a
// replace over a whole sheet would also edit a note that mentions `ICP_SCORE(A2:H2)`, or the stored model whose
// description does. A sheet whose values show such text gets its passes only over runs of its ICP formula cells.
const NAMES = 'ICP_(?:SCORE|TIER|EXPLAIN|PROFILE)';
const PASSES: readonly [string, string][] = [
  [`(${NAMES})\\( (\\S)`, '$1(  $2'], // B -> C (two spaces), out of the way of the next pass
  [`(${NAMES})\\((\\S)`, '$1( $2'], // A -> B
  [`(${NAMES})\\(  (\\S)`, '$1($2'], // C -> A
];
/** Any ICP_* call: for the finder, and as JavaScript's own regex (case-insensitive like the finder). */
const CALL = `${NAMES}\\(`;
const ICP_CALL = new RegExp(CALL, 'i');

type Scope = GoogleAppsScript.Spreadsheet.Spreadsheet | GoogleAppsScript.Spreadsheet.Sheet | GoogleAppsScript.Spreadsheet.Range;

/** Runs the three passes over the spreadsheet, one sheet or one range; returns how many calls they rewrote. */
function togglePasses(scope: Scope): number {
  const counts = PASSES.map(([pattern, replacement]) =>
    scope.createTextFinder(pattern).useRegularExpression(true).matchFormulaText(true).matchCase(false).replaceAllWith(replacement),
  );
  // Passes 1 and 2 touch each call once; pass 3 only finishes what pass 1 started.
  return (counts[0] ?? 0) + (counts[1] ?? 0);
}

/** The passes over each column run of cells whose formula calls an ICP_* function, and nothing else. */
function toggleFormulaRuns(sheet: GoogleAppsScript.Spreadsheet.Sheet): number {
  const formulas = sheet.getDataRange().getFormulas();
  const width = formulas[0]?.length ?? 0;
  let total = 0;
  for (let c = 0; c < width; c++) {
    let start = -1;
    for (let r = 0; r <= formulas.length; r++) {
      const isCall = r < formulas.length && ICP_CALL.test(formulas[r]![c] ?? '');
      if (isCall && start < 0) start = r;
      if (!isCall && start >= 0) {
        total += togglePasses(sheet.getRange(start + 1, c + 1, r - start, 1));
        start = -1;
      }
    }
  }
  return total;
}

/** Rewrites the text of every ICP_* call in the spreadsheet's formulas; returns how many calls were rewritten. */
export function refreshIcpFormulas(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  // Cells whose value shows call text: plain text, or (rarely) a formula's result. Usually none, and then three
  // passes over the whole spreadsheet touch formulas only.
  const shown = ss.createTextFinder(CALL).useRegularExpression(true).matchCase(false).findAll();
  if (shown.length === 0) return togglePasses(ss);
  const careful = new Set(shown.map((range) => range.getSheet().getSheetId()));
  let total = 0;
  for (const sheet of ss.getSheets()) total += careful.has(sheet.getSheetId()) ? toggleFormulaRuns(sheet) : togglePasses(sheet);
  return total;
}
