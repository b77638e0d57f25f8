// Public entry of the SpreadsheetApp emulator: createSpreadsheetApp, Workbook, the Charts global, and wrapper types.
import type { EmulatorEnv } from '../env';
import type { SpreadsheetAppOptions } from './context';
import { SpreadsheetApp } from './spreadsheet-app';
// Loading the wrapper classes registers them with wrappers.ts, which builds them for the modules that may not import them.
import './range';
import './sheet';
import './spreadsheet';
import type { Workbook } from './workbook';

export { Workbook } from './workbook';
export { copyWorkbook } from './copy';
export type { WorkbookOptions } from './workbook';
export { Charts } from './enums';
export type { SpreadsheetAppOptions } from './context';
export type { SpreadsheetApp } from './spreadsheet-app';
export type { Spreadsheet } from './spreadsheet';
export type { Sheet } from './sheet';
export type { Range } from './range';
export type { TextFinder } from './text-finder';
export type { DeveloperMetadata, DeveloperMetadataFinder, DeveloperMetadataLocation } from './developer-metadata';
export type { Protection } from './protection';
export type { PivotTable, PivotGroup, PivotValue, PivotFilter } from './pivot-api';
export type { EmbeddedChart, EmbeddedChartBuilder } from './chart-api';
export type { ConditionalFormatRule, ConditionalFormatRuleBuilder } from './conditional-format';
export type { DataValidation, DataValidationBuilder } from './data-validation';
export type { CellValue } from './values';
export type { CustomFunctionImpl } from './custom-functions';

/**
 * The SpreadsheetApp global bound to one document and one execution environment. Every public method call of the
 * returned objects is counted in env.counter as "Class.method".
 */
export function createSpreadsheetApp(env: EmulatorEnv, book: Workbook, options: SpreadsheetAppOptions = {}): SpreadsheetApp {
  book.attach(env);
  return new SpreadsheetApp({ env, book, options });
}
