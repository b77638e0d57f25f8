#!/usr/bin/env node
// The `icp` executable: loads the TypeScript command line through tsx and runs it with this process's streams.
'use strict';

// tsx compiles src/cli/*.ts on the fly (cached), so the package needs no build step before `npx icp`.
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
  (code) => {
    // exitCode rather than exit(): pending writes to a piped stdout are flushed before Node exits.
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`icp: unexpected error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
