// Near-duplicate criteria: Holm's step-down, which of two near-copies keeps an effect, and the carrier when the data cannot tell.
import { designFromActive, seededRandom, sigmoid } from '../../src/engine/outcomes/logistic';
import { holm, screenNearDuplicates } from '../../src/engine/outcomes/near-duplicates';

/**
 * n deals: column 0 real (effect `real`, 40% match), column 1 its copy on all but `flip` of the deals (no effect), column 2
 * independent (effect 0.5, 30%); y drawn from the log-odds. With `flip` 0 the copy is exact.
 */
function copies(n: number, seed: number, flip: number, real = 1): { design: ReturnType<typeof designFromActive>; y: number[]; raw: number[] } {
  const random = seededRandom(seed);
  const active: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = random.chance(0.4);
    const copy = random.chance(flip) ? !a : a;
    const c = random.chance(0.3);
    active.push([...(a ? [0] : []), ...(copy ? [1] : []), ...(c ? [2] : [])]);
    y.push(random.chance(sigmoid(-1 + (a ? real : 0) + (c ? 0.5 : 0))) ? 1 : 0);
  }
  const design = designFromActive(active, 3);
  // Raw direction of each column: won more where it matched?
  const raw = [0, 1, 2].map((j) => {
    let m = 0, mw = 0, o = 0, ow = 0;
    active.forEach((a, i) => (a.includes(j) ? ((m += 1), (mw += y[i]!)) : ((o += 1), (ow += y[i]!))));
    return Math.sign(mw / m - ow / o);
  });
  return { design, y, raw };
}

describe('holm', () => {
  test('steps down from the smallest p-value and stops at the first that fails', () => {
    // Sorted 0.005 <= 0.05/4, 0.01 <= 0.05/3, then 0.03 > 0.05/2: stop (0.04 is not tested).
    expect(holm([0.01, 0.04, 0.03, 0.005], 0.05)).toEqual([true, false, false, true]);
    expect(holm([0.2, 0.3], 0.05)).toEqual([false, false]);
    expect(holm([], 0.05)).toEqual([]);
  });
});

describe('screenNearDuplicates', () => {
  test('the real criterion keeps its effect, its copy is held (named with how often they agree), an independent one is not screened', () => {
    const { design, y, raw } = copies(4000, 1, 0.1);
    const screen = screenNearDuplicates(design, y, null, [0, 1, 2], raw);
    expect(screen.family).toBe(3);
    expect(screen.notes.get(0)!.role).toBe('own');
    expect(['shadow', 'seesaw']).toContain(screen.notes.get(1)!.role);
    expect(screen.notes.get(1)!.partners).toEqual([{ column: 0, agreement: expect.closeTo(0.9, 1), exact: null }]);
    expect(screen.notes.has(2)).toBe(false);
    // The partial effects are the plain fit's: the real one near its planted 1.0, the copy near 0.
    expect(screen.notes.get(0)!.partial.effect).toBeGreaterThan(0.6);
    expect(Math.abs(screen.notes.get(1)!.partial.effect)).toBeLessThan(0.4);
  });

  test('exact copies: the data cannot tell them apart, so one carries the shared effect and the other is held', () => {
    const { design, y, raw } = copies(2000, 2, 0);
    const screen = screenNearDuplicates(design, y, null, [0, 1, 2], raw);
    const roles = [screen.notes.get(0)!.role, screen.notes.get(1)!.role].sort();
    expect(roles).toEqual(['carrier', 'shadow']);
    expect(screen.notes.get(0)!.partners[0]).toMatchObject({ agreement: 1, exact: 'same' });
  });

  test('no near-duplicates: nothing to screen (and no fit is made)', () => {
    const random = seededRandom(3);
    const active = Array.from({ length: 500 }, () => [0, 1, 2].filter(() => random.chance(0.5)));
    const y = active.map(() => (random.chance(0.3) ? 1 : 0));
    expect(screenNearDuplicates(designFromActive(active, 3), y, null, [0, 1, 2], [1, 1, 1]).notes.size).toBe(0);
  });
});
