// The category of a drafted criterion, where its column tells: firmographic, technographic, behavioral or intent (by header words and value kind).

import type { ColumnKind } from './columns';

export type CategoryId = 'firmographic' | 'technographic' | 'behavioral' | 'intent' | 'other';

export const CATEGORY_LABELS: Record<CategoryId, string> = {
  firmographic: 'Firmographic',
  technographic: 'Technographic',
  behavioral: 'Behavioral',
  intent: 'Intent',
  other: 'Other',
};

/** The order categories are listed in a drafted profile. */
export const CATEGORY_ORDER: readonly CategoryId[] = ['firmographic', 'technographic', 'behavioral', 'intent', 'other'];

const TECH = /\b(tech|technolog|stack|tools?|software|crm|platforms?|integrations?|apps?|vendors?|erp|cloud|hosting|cms)/i;
const BEHAVIOR = /\b(visit|download|demo|webinar|trial|login|log.?in|usage|engag|page|session|click|open|repl|attend|event|content|sign.?up|email.?(open|click)|activity|meeting|call|touch|contact)/i;
const INTENT = /\b(intent|surge|topic|trigger|hiring|hire|job|leadership|ceo|funding|raised|round|news|expan|growth|acqui|launch|rfp|research)/i;
const FIRMO = /\b(industry|sector|vertical|employee|size|headcount|revenue|arr|country|region|location|city|state|geo|market|founded|established|year|type|segment|ownership|public|private|stage|subsidiar|office|company)/i;

/**
 * The category of a column: technographic for a tech stack, behavioral for what the account did, intent for buying
 * triggers (recency of a funding round or leadership change), firmographic for what the company is; `other` when the
 * header says nothing known. A date's recency is a trigger (intent) unless its header says an activity; `Funding
 * Stage` (words, not a date) is what the company is.
 */
export function categoryOf(rawHeader: string, kind: ColumnKind): CategoryId {
  // `office_location`, `Last-Funding-Date`: separators as spaces, so each word starts a word.
  const header = rawHeader.replace(/[_\-.]+/g, ' ');
  if (TECH.test(header)) return 'technographic';
  if (BEHAVIOR.test(header)) return 'behavioral';
  if (kind === 'date') return INTENT.test(header) || !FIRMO.test(header) ? 'intent' : 'firmographic';
  if (FIRMO.test(header)) return 'firmographic';
  if (INTENT.test(header)) return 'intent';
  if (kind === 'list') return 'technographic';
  return 'other';
}
