// The shapes scoreSheet answers with, shared by the values run and the live-formulas run.

import type { CompiledProfile } from '../../engine/compile';
import type { OutputColumnKind, ScoreSheetFailure, ScoreSheetResult, TierCount } from '../api-types';
import { columnLetter } from './a1';
import { grouped } from '../../engine/number-text';
import { OUTPUT_KINDS, type OutputLayout } from './output-columns';
import type { DataRegion } from './region';
import { tierOrder } from './score-rows';

export interface Failure {
  reason: ScoreSheetFailure;
  message: string;
}

export function isFailure<T extends object>(p: T | Failure): p is Failure {
  return (p as Failure).reason !== undefined;
}

export function failedResult(sheetName: string, sheetId: number, started: number, failure: Failure): ScoreSheetResult {
  return {
    ok: false, reason: failure.reason, message: failure.message, sheetName, sheetId, mode: 'values', scoredRows: 0, totalRows: 0,
    partial: false, tierCounts: [], columns: [], notices: [], engineMs: 0, elapsedMs: Date.now() - started,
  };
}

/** Tiers best first, then the disqualified group, then any other label seen (a tier renamed since the run began). */
export function tierCounts(profile: CompiledProfile, counts: Record<string, number>): TierCount[] {
  const colors = new Map(profile.profile.tiers.map((t) => [t.label, t.color ?? null]));
  const labels = [...tierOrder(profile).keys()];
  for (const label of Object.keys(counts)) if (!labels.includes(label)) labels.push(label);
  return labels.map((label) => ({ label, count: counts[label] ?? 0, color: label === profile.disqualifiedLabel ? null : (colors.get(label) ?? null) }));
}

export function columnsOf(layout: OutputLayout, region: DataRegion): ScoreSheetResult['columns'] {
  return OUTPUT_KINDS.map((kind: OutputColumnKind) => ({
    kind,
    header: region.headers[layout.columns[kind] - 1] ?? '',
    column: columnLetter(layout.columns[kind]),
  }));
}

export function countsText(counts: TierCount[]): string {
  return counts.filter((c) => c.count > 0).map((c) => `${c.label} ${grouped(c.count)}`).join(', ');
}
