// Text for cells: how a string is written so Sheets stores exactly that string, never a formula, number or date.

/**
 * Sheets reads a string passed to Range.setValues as if a person typed it: `=...` becomes a formula, `+1`, `-1`,
 * `12%`, `3/1/2026`, `TRUE` become numbers, dates or booleans, and `@name` may become a reference
 * (https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption: USER_ENTERED, "parsed as if the
 * user typed them into the UI"). A leading apostrophe makes Sheets store the rest as plain text and hides the
 * apostrophe from the value, so getValues and formulas see the text unchanged. Tier labels and explanations come
 * from user-edited models and user data, so every non-empty string we write goes through this, not only the ones
 * that look dangerous today: deciding which strings Sheets would parse is exactly the guess we must not make.
 */
export function asCellText(text: string): string {
  return text === '' ? '' : `'${text}`;
}
