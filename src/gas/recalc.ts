// Makes every ICP_* formula recalculate after a save, by toggling a space in its formula text (3 TextFinder calls in all).

// Sheets recomputes a custom function only when its formula text or an argument cell changes
// (https://developers.google.com/apps-script/guides/sheets/functions#optimization), and a saved model is neither.
// Each ICP_* call's "(" is followed by no space (state A) or one space (state B); the three passes swap A and B
// in every formula, so every formula's text changes while its meaning does not. `$1`/`$2` are the regex's groups
// (https://developers.google.com/apps-script/reference/spreadsheet/text-finder#replaceAllWith(String)).
const NAMES = 'ICP_(?:SCORE|TIER|EXPLAIN|PROFILE)';
const PASSES: readonly [string, string][] = [
  [`(${NAMES})\\( (\\S)`, '$1(  $2'], // B -> C (two spaces), out of the way of the next pass
  [`(${NAMES})\\((\\S)`, '$1( $2'], // A -> B
  [`(${NAMES})\\(  (\\S)`, '$1($2'], // C -> A
];

/** Rewrites the text of every ICP_* call in the spreadsheet's formulas; returns how many calls were rewritten. */
export function refreshIcpFormulas(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const counts = PASSES.map(([pattern, replacement]) =>
    ss.createTextFinder(pattern).useRegularExpression(true).matchFormulaText(true).matchCase(false).replaceAllWith(replacement),
  );
  // Passes 1 and 2 touch each call once; pass 3 only finishes what pass 1 started.
  return (counts[0] ?? 0) + (counts[1] ?? 0);
}
