// The model as SQL for BigQuery and DuckDB: the generator's public API (pure TypeScript, usable from Apps Script).

export { generateSql, SCORE_COLUMN, TIER_COLUMN, WHY_COLUMN, type SqlOptions } from './generate';
export { DIALECTS, DIALECT_WORDS, type DialectName } from './dialect';
export { SqlModelError } from './regex';
