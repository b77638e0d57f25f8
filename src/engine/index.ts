// The engine's public API: check a model, compile it against headers, score, tier and explain rows.

export * from './model';
export { checkModel, parseModelJson, formatIssue, type ModelIssue } from './model-check';
export { modelWarnings } from './model-warnings';
export { MODEL_LIMITS } from './model-limits';
export { compileModel, CompiledModel, type BestFit } from './model-compile';
export { CompiledProfile, type CompileOptions } from './compile';
export { scoreText } from './explain';
export { columnLetters, duplicateHeaderNote, HeaderMap, type DuplicateHeader } from './headers';
export type { BatchResults, CriterionOutcome, CriterionStatus, Explanation, RowResult } from './results';
export { BLANK_ROW, DISQUALIFIED, SCORED } from './results';
export { EngineError } from './errors';
export { roundScore, sortedTiers, tierFor, tierLabels, disqualifiedLabel } from './tiers';
export { headerKey, cellText } from './read/text';
export { isBlank } from './read/blank';
export { readNumber } from './read/number';
export { isDecimalCommaLocale, LOCALE_SHAPE } from './read/locale';
export { readBoolean } from './read/boolean';
export { readDay } from './read/date';
export { b2bSaasTemplate } from './templates/b2b-saas';
export { blankModel } from './templates/blank';
export {
  readOutcome, readWinFlag, outcomeStats, OutcomeTally, rocAuc, MIN_CLOSED_DEALS, OUTCOME_WORDS,
  type Outcome, type OutcomeStats, type TierOutcomes, type CriterionWinRates, type KnockoutWinRates, type SplitOutcomes, type VerdictKind,
  type OutcomeOptions, type RowUnit,
} from './outcomes/stats';
export { grouped, percent } from './number-text';
export { suggestFromOutcomes, withSuggestedPoints, type PointsSuggestion, type Suggestion, type WeightSuggestion } from './outcomes/fit-points';
export {
  accountsLine, aucLine, cellNotes, changedPoints, criteriaTable, knockoutTable, reasonLines, tierTable, weightsTable, type OutcomeTable,
} from './outcomes/tables';
export { candidateNames, findColumn, OUTCOME_HEADERS, OUTCOME_WORDS_HINT, PICKED_OUTCOME_HEADERS, preferredOutcomeColumn } from './outcomes/column';
