// Differential: the batch path (evaluateMany, scoreMany) against the per-row paths (evaluate, evaluateWithWhy, explain) on random valid models and messy rows.
import fc from 'fast-check';
import { checkModel, compileModel } from '../../src/engine';
import { DIFF_COLUMNS, DIFF_TODAY, messyRows, randomModel } from '../factories/random-models';

describe('differential: batch vs per-row', () => {
  test('every row: the same score, tier, blank and disqualified flags; the why agrees with explain()', () => {
    fc.assert(
      fc.property(randomModel, messyRows(30), fc.shuffledSubarray(DIFF_COLUMNS, { minLength: 1 }), fc.constantFrom(undefined, 'de_DE'), (model, rows, headers, locale) => {
        expect(checkModel(model).ok).toBe(true);
        const p = compileModel(model, headers, { today: new Date(`${DIFF_TODAY}T00:00:00`), ...(locale === undefined ? {} : { locale }) }).profile();
        const batch = p.evaluateMany(rows);
        rows.forEach((row, i) => {
          const one = p.evaluate(row);
          const why = p.evaluateWithWhy(row);
          const explained = p.explain(row);
          expect(batch[i]).toEqual(one);
          expect({ blank: why.blank, score: why.score, tier: why.tier, disqualified: why.disqualified }).toEqual(one);
          expect(explained.text).toBe(why.text);
          expect(explained.score).toBe(one.score);
        });
      }),
      { numRuns: 100 },
    );
  });
});
