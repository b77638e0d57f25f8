// Colours the ICP Tier column with one conditional-format rule per coloured tier, replacing the add-on's old rules.

import type { CompiledProfile } from '../../engine/compile';
import { sortedTiers } from '../../engine/tiers';
import { columnLetter } from './a1';

/** Text that stays readable on the tier colour: black on light backgrounds, white on dark ones (WCAG relative luminance). */
export function textColorFor(background: string): string {
  const hex = /^#?([0-9a-f]{6})$/i.exec(background.trim())?.[1];
  if (hex === undefined) return '#000000';
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return luminance > 0.35 ? '#000000' : '#ffffff';
}

/**
 * Text as a Sheets formula expression: a string literal whose quotes are doubled (`Say "no"` is "Say ""no"""), so
 * label text cannot end the literal and become formula syntax; `'` and `\` are ordinary characters in it. A line
 * break is joined in as CHAR(10) (CHAR(13) for a carriage return), so the formula stays on one line:
 * ("Line 1"&CHAR(10)&"Line 2").
 */
export function formulaString(text: string): string {
  const literal = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const parts = text.split(/(\r\n|\r|\n)/);
  if (parts.length === 1) return literal(text);
  const pieces = parts.map((p, i) => (i % 2 === 0 ? literal(p) : [...p].map((c) => `CHAR(${c.charCodeAt(0)})`).join('&')));
  return `(${pieces.join('&')})`;
}

// The formula of each rule we make: `=$K2="A"`, the label as formulaString writes it.
const LITERAL = String.raw`"(?:[^"]|"")*"`;
const OUR_FORMULA = new RegExp(String.raw`^=\$[A-Z]+\d+=(?:${LITERAL}|\(${LITERAL}(?:&(?:CHAR\(1[03]\)|${LITERAL}))+\))$`);

/**
 * Ours: a custom-formula rule of exactly the shape we make (our formula, a tier colour with the text colour we pick
 * for it, nothing else styled) whose ranges all lie in our tier column. Sheets moves a rule's ranges with their
 * column, so this still holds after the user moves the column; a rule the user added there (bold red for
 * "Disqualified", another formula) differs in shape and is kept.
 */
function isOurRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule, tierColumn: number): boolean {
  const condition = rule.getBooleanCondition();
  if (condition === null || condition.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA) return false;
  const formula = String(condition.getCriteriaValues()[0] ?? '');
  const background = condition.getBackground();
  if (!OUR_FORMULA.test(formula) || background === null || (condition.getFontColor() ?? '').toLowerCase() !== textColorFor(background)) return false;
  if (condition.getBold() === true || condition.getItalic() === true || condition.getUnderline() === true || condition.getStrikethrough() === true) {
    return false;
  }
  const ranges = rule.getRanges();
  return ranges.length > 0 && ranges.every((r) => r.getColumn() === tierColumn && r.getNumColumns() === 1);
}

/**
 * Rules are custom formulas (`=$K2="A"`) rather than "text is exactly": a condition value is parsed as if typed into
 * a cell, so a tier label starting with `=` would be read as a formula there
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#ConditionValue); inside a formula
 * string literal it is only text. The rule covers the column down to the sheet's last row, so rows added later are
 * coloured too. Returns how many rules the add-on now owns on the sheet.
 */
export function applyTierColors(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  profile: CompiledProfile,
  tierColumn: number,
  firstDataRow: number,
): number {
  const kept = sheet.getConditionalFormatRules().filter((rule) => !isOurRule(rule, tierColumn));
  const height = Math.max(1, sheet.getMaxRows() - firstDataRow + 1);
  const range = sheet.getRange(firstDataRow, tierColumn, height, 1);
  const cell = `$${columnLetter(tierColumn)}${firstDataRow}`;
  const ours = sortedTiers(profile.profile.tiers)
    .filter((t) => typeof t.color === 'string' && t.color !== '')
    .map((t) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(`=${cell}=${formulaString(t.label)}`)
        .setBackground(t.color!)
        .setFontColor(textColorFor(t.color!))
        .setRanges([range])
        .build(),
    );
  sheet.setConditionalFormatRules([...kept, ...ours]);
  return ours.length;
}

/** Removes our colour rules from a column that is no longer our tier column (the user took it over). */
export function removeTierColors(sheet: GoogleAppsScript.Spreadsheet.Sheet, column: number): void {
  const rules = sheet.getConditionalFormatRules();
  const kept = rules.filter((rule) => !isOurRule(rule, column));
  if (kept.length !== rules.length) sheet.setConditionalFormatRules(kept);
}
