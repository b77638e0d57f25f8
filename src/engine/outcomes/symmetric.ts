// Small dense symmetric positive-definite algebra (Cholesky) for Newton steps and coefficient covariances.

/**
 * Solves A x = b in place of a copy of A (m x m, row-major, symmetric positive definite) by Cholesky. When A is
 * not numerically positive definite a tiny ridge (1e-10 x its largest diagonal, growing tenfold) is added until it
 * is, so a feature that never varies gives 0 rather than NaN. Returns x.
 */
export function solveSymmetric(a: Float64Array, m: number, b: Float64Array): Float64Array {
  const l = cholesky(a, m);
  const x = Float64Array.from(b);
  for (let i = 0; i < m; i++) {
    let s = x[i]!;
    for (let k = 0; k < i; k++) s -= l[i * m + k]! * x[k]!;
    x[i] = s / l[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < m; k++) s -= l[k * m + i]! * x[k]!;
    x[i] = s / l[i * m + i]!;
  }
  return x;
}

/** The inverse of a symmetric positive-definite m x m matrix (row-major), via Cholesky as in solveSymmetric. */
export function invertSymmetric(a: Float64Array, m: number): Float64Array {
  const inverse = new Float64Array(m * m);
  const l = cholesky(a, m);
  const column = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    column.fill(0);
    column[c] = 1;
    for (let i = 0; i < m; i++) {
      let s = column[i]!;
      for (let k = 0; k < i; k++) s -= l[i * m + k]! * column[k]!;
      column[i] = s / l[i * m + i]!;
    }
    for (let i = m - 1; i >= 0; i--) {
      let s = column[i]!;
      for (let k = i + 1; k < m; k++) s -= l[k * m + i]! * column[k]!;
      column[i] = s / l[i * m + i]!;
    }
    for (let i = 0; i < m; i++) inverse[i * m + c] = column[i]!;
  }
  return inverse;
}

/** The lower Cholesky factor of a (row-major), with the growing ridge described in solveSymmetric. */
function cholesky(a: Float64Array, m: number): Float64Array {
  let largest = 0;
  for (let i = 0; i < m; i++) largest = Math.max(largest, Math.abs(a[i * m + i]!));
  let ridge = 0;
  for (let attempt = 0; attempt < 30; attempt++) {
    const l = tryCholesky(a, m, ridge);
    if (l !== null) return l;
    ridge = ridge === 0 ? Math.max(largest, 1) * 1e-10 : ridge * 10;
  }
  throw new Error('solveSymmetric: the matrix is not positive definite');
}

function tryCholesky(a: Float64Array, m: number, ridge: number): Float64Array | null {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j]! + (i === j ? ridge : 0);
      for (let k = 0; k < j; k++) s -= l[i * m + k]! * l[j * m + k]!;
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * m + i] = Math.sqrt(s);
      } else {
        l[i * m + j] = s / l[j * m + j]!;
      }
    }
  }
  return l;
}
