// The bulk features' server functions: Score this sheet (values or live formulas), progress, and the tier summary.

export { scoreSheet } from './score-sheet';
export { getScoreProgress } from './progress';
export { buildTierSummary, getSummaryColumns } from './tier-summary';
