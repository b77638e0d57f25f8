// The SpreadsheetApp global: entry points to the active document, builders, enums, getUi and flush.
import { ConditionalFormatRuleBuilder } from './conditional-format';
import { assertDocumentAccess } from './context';
import { instrument, Wrapper } from './counting';
import { DataValidationBuilder } from './data-validation';
import { FilterCriteriaBuilder } from './filter-criteria';
import { type Range, type Sheet, type Spreadsheet, sheetWrapper, spreadsheetWrapper } from './wrappers';
import { activeRange, activeSheetData } from './spreadsheet';
import * as enums from './enums';

export class SpreadsheetApp extends Wrapper {
  readonly ProtectionType = enums.ProtectionType;
  readonly DeveloperMetadataVisibility = enums.DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = enums.DeveloperMetadataLocationType;
  readonly PivotTableSummarizeFunction = enums.PivotTableSummarizeFunction;
  readonly PivotValueDisplayType = enums.PivotValueDisplayType;
  readonly BooleanCriteria = enums.BooleanCriteria;
  readonly DataValidationCriteria = enums.DataValidationCriteria;
  readonly Dimension = enums.Dimension;
  readonly SheetType = enums.SheetType;
  readonly WrapStrategy = enums.WrapStrategy;

  override toString(): string {
    return 'SpreadsheetApp';
  }

  getActiveSpreadsheet(): Spreadsheet {
    assertDocumentAccess(this._ctx, 'SpreadsheetApp.getActiveSpreadsheet');
    return spreadsheetWrapper(this._ctx);
  }
  getActive(): Spreadsheet {
    assertDocumentAccess(this._ctx, 'SpreadsheetApp.getActive');
    return spreadsheetWrapper(this._ctx);
  }
  /** Inside a custom function: the sheet of the calling cell. */
  getActiveSheet(): Sheet {
    assertDocumentAccess(this._ctx, 'SpreadsheetApp.getActiveSheet');
    return sheetWrapper(this._ctx, activeSheetData(this._ctx));
  }
  /** Inside a custom function: the calling cell. */
  getActiveRange(): Range {
    assertDocumentAccess(this._ctx, 'SpreadsheetApp.getActiveRange');
    return activeRange(this._ctx);
  }
  getCurrentCell(): Range {
    assertDocumentAccess(this._ctx, 'SpreadsheetApp.getCurrentCell');
    const r = activeRange(this._ctx);
    return r.getCell(1, 1);
  }
  setActiveSheet(sheet: Sheet): Sheet {
    return sheet.activate();
  }
  setActiveRange(range: Range): Range {
    return range.activate();
  }
  /**
   * The Ui passed in createSpreadsheetApp's options. Without one, or inside a custom function, Apps Script's
   * "Cannot call SpreadsheetApp.getUi() from this context."
   */
  getUi(): unknown {
    const ui = this._ctx.options.ui;
    if (ui === undefined || this._ctx.env.customFunctionCell !== null) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    return ui;
  }
  /** Writes are applied immediately here; flush refreshes pivot tables. */
  flush(): void {
    for (const sheet of this._ctx.book.sheetList()) this._ctx.book.beforeRead(sheet);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this._ctx);
  }
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this._ctx);
  }
  newFilterCriteria(): FilterCriteriaBuilder {
    return new FilterCriteriaBuilder(this._ctx);
  }
}

instrument(SpreadsheetApp, 'SpreadsheetApp');
