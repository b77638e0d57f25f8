// The blank starter model: one empty profile with the default categories and tiers, for users starting from scratch.
import type { Model } from '../model';

/** A new blank model (a fresh object on every call, safe to mutate). */
export function blankModel(): Model {
  return {
    schemaVersion: 1,
    profiles: [
      {
        name: 'My ICP',
        categories: [
          { id: 'firmographic', label: 'Firmographic', weight: 40 },
          { id: 'behavioral', label: 'Behavioral', weight: 30 },
          { id: 'intent', label: 'Intent', weight: 30 },
        ],
        criteria: [],
        tiers: [
          { label: 'A', min: 80, color: '#1e8e3e' },
          { label: 'B', min: 60, color: '#f9ab00' },
          { label: 'C', min: 0, color: '#9aa0a6' },
        ],
        disqualifiedLabel: 'Disqualified',
      },
    ],
  };
}
