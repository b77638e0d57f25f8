// Counts scored rows per tier and words the one-line summary `icp score` prints on standard error.
import { plural } from './io';

export class TierTally {
  /** Non-blank rows scored. */
  scored = 0;
  blank = 0;
  // Seeded with every label in tier order, so the summary lists empty tiers too and always in the same order.
  private readonly counts = new Map<string, number>();

  constructor(tierLabels: readonly string[]) {
    for (const label of tierLabels) this.counts.set(label, 0);
  }

  add(tier: string): void {
    this.scored++;
    this.counts.set(tier, (this.counts.get(tier) ?? 0) + 1);
  }

  /** Count per tier label, in tier order (then any other label seen). */
  entries(): [string, number][] {
    return [...this.counts];
  }

  /** Adds the counts of a tally kept elsewhere (a worker thread's), given as its scored, blank and entries. */
  merge(scored: number, blank: number, entries: readonly (readonly [string, number])[]): void {
    this.scored += scored;
    this.blank += blank;
    for (const [label, n] of entries) this.counts.set(label, (this.counts.get(label) ?? 0) + n);
  }

  /** E.g. `scored 400 rows with "Mid-market B2B SaaS": A 52 · B 110 · C 180 · Disqualified 58 (blank 0)`. */
  summary(profileName: string): string {
    const tiers = [...this.counts].map(([label, n]) => `${label} ${n}`).join(' · ');
    return `scored ${plural(this.scored, 'row')} with "${profileName}": ${tiers} (blank ${this.blank})`;
  }
}
