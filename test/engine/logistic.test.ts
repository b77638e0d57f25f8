// The penalised logistic fitter against known solutions: closed forms, Newton, KKT conditions, merged rows, folds, naive Bayes.
import {
  aucOf, designFromActive, designFromDense, fitNaiveBayes, fitPenalisedLogistic, fitPlainLogistic, linearPredictor, makeFolds,
  meanDeviance, normalQuantile, seededRandom, sigmoid, bootstrapCoefficients, type Design,
} from '../../src/engine/outcomes/logistic';

/** 100 rows with the feature (30 won) and 200 without (100 won). */
function oneFeature(): { design: Design; y: number[] } {
  const active: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 100; i++) { active.push([0]); y.push(i < 30 ? 1 : 0); }
  for (let i = 0; i < 200; i++) { active.push([]); y.push(i < 100 ? 1 : 0); }
  return { design: designFromActive(active, 1), y };
}

/** n rows of p 0/1 features (each present with chance `density`) and outcomes drawn from the log-odds beta. */
function planted(n: number, beta: number[], intercept: number, seed: number, density = 0.3): { design: Design; y: number[]; groups: number[] } {
  const random = seededRandom(seed);
  const active: number[][] = [];
  const y: number[] = [];
  const groups: number[] = [];
  for (let i = 0; i < n; i++) {
    const a: number[] = [];
    let eta = intercept;
    for (let j = 0; j < beta.length; j++) if (random.chance(density)) { a.push(j); eta += beta[j]!; }
    active.push(a);
    y.push(random.chance(sigmoid(eta)) ? 1 : 0);
    groups.push(Math.floor(i / 3));
  }
  return { design: designFromActive(active, beta.length), y, groups };
}

/** The mean gradient of the log-likelihood, (1/n) sum_i (y_i - p_i) x_ij, per feature. */
function meanGradient(design: Design, y: number[], model: { intercept: number; coefficients: Float64Array }): number[] {
  const eta = linearPredictor(model, design);
  const g = new Array<number>(design.cols).fill(0);
  for (let r = 0; r < design.rows; r++) {
    const res = y[r]! - sigmoid(eta[r]!);
    for (let k = design.rowStart[r]!; k < design.rowStart[r + 1]!; k++) g[design.colIndex[k]!]! += res / design.rows;
  }
  return g;
}

describe('fitPlainLogistic', () => {
  test('one 0/1 feature: the closed form (log odds of each side) and the textbook standard error', () => {
    const { design, y } = oneFeature();
    const fit = fitPlainLogistic(design, y, { l2: 0 });
    expect(fit.intercept).toBeCloseTo(0, 8);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(30 / 70), 8);
    // Saturated model: the sandwich equals the model-based variance 1/30 + 1/70 + 1/100 + 1/100, times G/(G-1) for 300 rows.
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt((1 / 30 + 1 / 70 + 1 / 100 + 1 / 100) * (300 / 299)), 6);
    expect(fit.intervalMethod).toBe('sandwich');
    expect(fit.lower[0]).toBeCloseTo(fit.coefficients[0]! - 1.959964 * fit.standardErrors[0]!, 5);
  });

  test('separated data stays finite thanks to the tiny ridge', () => {
    const design = designFromActive([[0], [0], [], []], 1);
    const fit = fitPlainLogistic(design, [1, 1, 0, 0]);
    expect(Number.isFinite(fit.coefficients[0]!)).toBe(true);
    expect(fit.coefficients[0]!).toBeGreaterThan(5);
  });
});

describe('fitPenalisedLogistic', () => {
  const data = planted(2000, [1, -0.8, 0.5, 0, 0, 0.3, 0, -0.4], -0.5, 11);

  test('ridge by coordinate descent equals ridge by Newton at the same lambda', () => {
    const lambda = 0.01;
    const cd = fitPenalisedLogistic(data.design, data.y, { alpha: 0, lambda, tolerance: 1e-12 });
    const newton = fitPlainLogistic(data.design, data.y, { l2: lambda });
    expect(cd.intercept).toBeCloseTo(newton.intercept, 5);
    for (let j = 0; j < data.design.cols; j++) expect(cd.coefficients[j]).toBeCloseTo(newton.coefficients[j]!, 5);
  });

  test('lasso and elastic net meet the KKT conditions at the solution', () => {
    for (const alpha of [1, 0.5]) {
      const lambda = 0.02;
      const fit = fitPenalisedLogistic(data.design, data.y, { alpha, lambda, tolerance: 1e-12 });
      const g = meanGradient(data.design, data.y, fit);
      let zeros = 0;
      for (let j = 0; j < data.design.cols; j++) {
        const b = fit.coefficients[j]!;
        if (b === 0) {
          zeros++;
          expect(Math.abs(g[j]!)).toBeLessThanOrEqual(lambda * alpha + 1e-6);
        } else {
          expect(g[j]!).toBeCloseTo(lambda * (alpha * Math.sign(b) + (1 - alpha) * b), 5);
        }
      }
      // The intercept is unpenalised: the residuals sum to 0.
      const eta = linearPredictor(fit, data.design);
      expect(data.y.reduce((s, yi, i) => s + yi - sigmoid(eta[i]!), 0)).toBeCloseTo(0, 4);
      expect(zeros).toBeGreaterThan(0);
    }
  });

  test('at or above the largest lambda every coefficient is 0 and the intercept is the log odds of winning', () => {
    const fit = fitPenalisedLogistic(data.design, data.y, { alpha: 1, lambda: 10 });
    expect(Array.from(fit.coefficients).every((b) => b === 0)).toBe(true);
    const rate = data.y.filter((v) => v === 1).length / data.y.length;
    expect(fit.intercept).toBeCloseTo(Math.log(rate / (1 - rate)), 6);
  });

  test('cross-validation keeps the real effects, recovers their signs, and zeroes most of the useless ones', () => {
    const big = planted(4000, [1, -0.8, 0.5, 0, 0, 0, 0, 0, 0, 0], -0.5, 5);
    const fit = fitPenalisedLogistic(big.design, big.y, { alpha: 1, groups: big.groups });
    expect(fit.cv).not.toBeNull();
    expect(fit.coefficients[0]!).toBeGreaterThan(0.6);
    expect(fit.coefficients[1]!).toBeLessThan(-0.5);
    expect(fit.coefficients[2]!).toBeGreaterThan(0.2);
    // Intervals of the real effects exclude 0.
    expect(fit.lower[0]!).toBeGreaterThan(0);
    expect(fit.upper[1]!).toBeLessThan(0);
    const useless = Array.from(fit.coefficients.slice(3));
    expect(useless.filter((b) => Math.abs(b) > 0.2)).toEqual([]);
    // The one-standard-error rule picks a larger lambda: no more non-zero useless coefficients than the minimum's.
    const sparse = fitPenalisedLogistic(big.design, big.y, { alpha: 1, groups: big.groups, rule: '1se' });
    expect(sparse.lambda).toBeGreaterThanOrEqual(fit.lambda);
    const nonZero = (b: Float64Array): number => Array.from(b.slice(3)).filter((x) => x !== 0).length;
    expect(nonZero(sparse.coefficients)).toBeLessThanOrEqual(nonZero(fit.coefficients));
    // Same seed, same answer.
    const again = fitPenalisedLogistic(big.design, big.y, { alpha: 1, groups: big.groups });
    expect(Array.from(again.coefficients)).toEqual(Array.from(fit.coefficients));
  });

  test('merging identical rows is exact: duplicated rows fit as weights of 2', () => {
    const small = planted(300, [0.8, -0.5, 0.2], 0, 3);
    const twice = designFromActive([...Array.from({ length: 600 }, (_, i) => {
      const r = i % 300;
      return Array.from(small.design.colIndex.subarray(small.design.rowStart[r]!, small.design.rowStart[r + 1]!));
    })], 3);
    const y2 = Array.from({ length: 600 }, (_, i) => small.y[i % 300]!);
    const a = fitPenalisedLogistic(twice, y2, { alpha: 0.5, lambda: 0.01, intervals: false });
    const b = fitPenalisedLogistic(small.design, small.y, { alpha: 0.5, lambda: 0.01, intervals: false, weights: new Array(300).fill(2) });
    for (let j = 0; j < 3; j++) expect(a.coefficients[j]).toBeCloseTo(b.coefficients[j]!, 8);
    expect(a.distinctRows).toBeLessThanOrEqual(8);
  });

  test('numeric designs: a real-valued feature recovers its slope', () => {
    const random = seededRandom(4);
    const rows: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const x = random.normal();
      rows.push([x]);
      y.push(random.chance(sigmoid(0.3 + 1.2 * x)) ? 1 : 0);
    }
    const fit = fitPlainLogistic(designFromDense(rows), y);
    expect(fit.coefficients[0]!).toBeGreaterThan(1.2 - 3 * fit.standardErrors[0]!);
    expect(fit.coefficients[0]!).toBeLessThan(1.2 + 3 * fit.standardErrors[0]!);
  });

  test('grouped intervals are wider than row intervals when a group repeats the same deal', () => {
    // Each account's deal is copied 5 times: the rows are not 5 independent deals.
    const base = planted(400, [0.6, 0], 0, 8);
    const active: number[][] = [];
    const y: number[] = [];
    const groups: number[] = [];
    for (let r = 0; r < 400; r++) {
      for (let c = 0; c < 5; c++) {
        active.push(Array.from(base.design.colIndex.subarray(base.design.rowStart[r]!, base.design.rowStart[r + 1]!)));
        y.push(base.y[r]!);
        groups.push(r);
      }
    }
    const design = designFromActive(active, 2);
    const rowWise = fitPlainLogistic(design, y);
    const grouped = fitPlainLogistic(design, y, { groups });
    expect(grouped.standardErrors[0]! / rowWise.standardErrors[0]!).toBeGreaterThan(2);
  });

  test('a grouped bootstrap gives percentile intervals around the real effect', () => {
    const small = planted(600, [1, 0], -0.3, 9);
    const boot = bootstrapCoefficients(small.design, small.y, { alpha: 0, lambda: 0.001, resamples: 60, groups: small.groups });
    expect(boot.lower[0]!).toBeGreaterThan(0);
    expect(boot.lower[1]!).toBeLessThan(0);
    expect(boot.upper[1]!).toBeGreaterThan(0);
  });
});

describe('fitNaiveBayes', () => {
  test('the log-odds of Laplace-smoothed Bernoulli naive Bayes', () => {
    const { design, y } = oneFeature();
    const nb = fitNaiveBayes(design, y);
    // 130 won (30 with the feature), 170 lost (70 with it).
    const t1 = 31 / 132;
    const t0 = 71 / 172;
    expect(nb.coefficients[0]).toBeCloseTo(Math.log(t1 / t0) - Math.log((1 - t1) / (1 - t0)), 10);
    expect(nb.intercept).toBeCloseTo(Math.log(131 / 171) + Math.log((1 - t1) / (1 - t0)), 10);
  });
});

describe('measures and folds', () => {
  test('aucOf counts ties as half and needs both outcomes', () => {
    expect(aucOf([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(aucOf([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5);
    expect(aucOf([2, 1, 3], [1, 0, 0])).toBe(0.5);
    expect(aucOf([1, 2], [1, 1])).toBeNull();
  });

  test('meanDeviance is -2 log-likelihood per row', () => {
    expect(meanDeviance([0, 0], [1, 0])).toBeCloseTo(2 * Math.log(2), 12);
    expect(meanDeviance([800], [1])).toBeCloseTo(0, 12);
    expect(meanDeviance([-800], [1])).toBeCloseTo(1600, 6);
  });

  test('makeFolds keeps an account in one fold and balances the folds', () => {
    const groups = Array.from({ length: 1000 }, (_, i) => `acct${Math.floor(i / 4)}`);
    const fold = makeFolds(1000, 5, 3, groups);
    for (let i = 0; i < 1000; i += 4) for (let k = 1; k < 4; k++) expect(fold[i + k]).toBe(fold[i]);
    const sizes = [0, 0, 0, 0, 0];
    for (const f of fold) sizes[f]!++;
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(4);
  });

  test('seededRandom repeats itself per seed; normalQuantile matches known values', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    for (let i = 0; i < 5; i++) expect(a.next()).toBe(b.next());
    expect(seededRandom(1).next()).not.toBe(seededRandom(2).next());
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 10);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  });
});
