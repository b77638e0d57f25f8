// Loads a benchmark module as one esbuild bundle, the way the engine ships in dist/, instead of through tsx's loader.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

/**
 * Why: tsx compiles each file to CommonJS, where every use of an imported function is a getter call on the exporting
 * module, and the scoring loops call across modules per cell. dist/ (Apps Script) is a single bundle with none of
 * that, so the engine figures measure the code that ships. Everything in the bundle, baseline included, runs the same.
 */
export function loadBundled<T>(entry: string): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-bench-'));
  const outfile = path.join(dir, `${path.basename(entry, '.ts')}.js`);
  try {
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(outfile) as T;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
