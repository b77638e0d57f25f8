#!/usr/bin/env node
// The `icp` executable: runs the command line bundled by `npm run build` (dist-cli/icp.js) with this process's streams.
'use strict';

const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist-cli', 'icp.js');
if (!fs.existsSync(bundle)) {
  // Only a source checkout can lack it: the package ships dist-cli/.
  process.stderr.write('icp: dist-cli/icp.js is missing; run `npm run build` in the icp-scorer checkout first.\n');
  process.exit(2);
}
const { main } = require(bundle);

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
