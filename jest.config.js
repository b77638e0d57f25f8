// Jest configuration: TypeScript through @swc/jest; type checking is `npm run check`'s job.
// Dates in tests, the emulator and the bundle use the manifest's time zone (Etc/UTC), whatever the machine's.
process.env.TZ = 'UTC';

/** @type {import('jest').Config} */
module.exports = {
  // Jest's node environment with the ECMAScript built-ins bound as constants: global reads in a vm context are ~100x slower.
  testEnvironment: '<rootDir>/tools/jest/environment.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60000,
  // Jest's default is one worker fewer than the cores: one on this 2-core machine. Half the suites wait on other
  // processes (chromium, the icp bin), so two workers finish in about 290 s instead of 385 s here.
  maxWorkers: 2,
  // Slowest files first, timed by Jest's cache or, on a fresh clone, by tools/jest/durations.json.
  testSequencer: '<rootDir>/tools/jest/sequencer.js',
};
