// Which locales write numbers with a decimal comma (`1.234,5`), from a Sheets locale code such as `de_DE` or `pt_BR`.

/**
 * Languages whose usual (CLDR) number format has a decimal comma: `1.234,5`, `1 234,5` (grouped by a point or a
 * space). Everything else (en, ja, zh, ko, hi, th, he, ms, fil, ...) reads the US way, `1,234.5`. Arabic and Persian
 * write their own decimal sign (٫), not a comma, so they read the US way too.
 */
const DECIMAL_COMMA_LANGUAGES = new Set([
  'af', 'az', 'be', 'bg', 'bs', 'ca', 'cs', 'da', 'de', 'el', 'es', 'et', 'eu', 'fi', 'fo', 'fr', 'gl', 'hr', 'hu', 'hy',
  'id', 'in', 'is', 'it', 'ka', 'kk', 'ky', 'lb', 'lt', 'lv', 'mk', 'nb', 'nl', 'nn', 'no', 'pl', 'pt', 'ro', 'ru', 'sk',
  'sl', 'sq', 'sr', 'sv', 'tr', 'uk', 'uz', 'vi',
]);

/**
 * Countries whose own format differs from their language's (CLDR): Switzerland and Liechtenstein write `1'234.5` in
 * German and Italian; Mexico, the United States and Central America write Spanish numbers the US way (`es_419`'s
 * format), while Spain and South America (es_AR, es_CL, es_CO, ...) keep the comma. South Africa writes English
 * numbers with a decimal comma.
 */
const REGION_EXCEPTIONS: Readonly<Record<string, boolean>> = {
  de_ch: false, de_li: false, it_ch: false,
  es_419: false, es_mx: false, es_us: false, es_gt: false, es_hn: false, es_ni: false, es_pa: false, es_pr: false,
  es_sv: false, es_do: false, es_pe: false, es_cu: false,
  en_za: true,
};

/** A locale as Sheets names it (`de_DE`, `pt_BR`, `en_US`), or BCP 47 (`de-DE`, `sr-Latn-RS`), or a bare language (`de`). */
export const LOCALE_SHAPE = /^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$/;

/** Whether numbers written as text in this locale have a decimal comma. Undefined, '' and unknown locales: no (the US reading). */
export function isDecimalCommaLocale(locale: string | undefined): boolean {
  if (locale === undefined || !LOCALE_SHAPE.test(locale)) return false;
  const parts = locale.toLowerCase().split(/[_-]/);
  const language = parts[0]!;
  // The region is the first two-letter or three-digit part after the language (a script such as `Latn` is skipped).
  const region = parts.slice(1).find((p) => /^(?:[a-z]{2}|\d{3})$/.test(p));
  const exception = region === undefined ? undefined : REGION_EXCEPTIONS[`${language}_${region}`];
  return exception ?? DECIMAL_COMMA_LANGUAGES.has(language);
}

/**
 * Text of a decimal-comma locale rewritten the US way, so one reader reads both: a comma before a digit is the decimal
 * sign (`1,5` to `1.5`) and a point before a digit groups thousands (`1.234` to `1,234`). A point that ends an
 * abbreviation (`1,2 Mio.`) is left alone, and so is the text's grouping by spaces (`1 234,5`), which both read.
 */
export function pointDecimalText(text: string): string {
  if (text.indexOf(',') < 0 && text.indexOf('.') < 0) return text;
  return text.replace(SEPARATOR_BEFORE_DIGIT, swap);
}

const SEPARATOR_BEFORE_DIGIT = /[.,](?=\d)/g;
const swap = (c: string): string => (c === ',' ? '.' : ',');
