// Writes tools/jest/durations.json from the report of a full run (`npx jest --json --outputFile=report.json`):
// each test file's duration in milliseconds, which sequencer.js uses where Jest's own cache has none.
// Usage: node tools/jest/record-durations.js report.json
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const report = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const root = path.resolve(__dirname, '../..');
const files = {};
for (const r of [...report.testResults].sort((a, b) => a.name.localeCompare(b.name))) {
  files[path.relative(root, r.name).split(path.sep).join('/')] = Math.round(r.endTime - r.startTime);
}
const out = {
  about: 'Milliseconds per test file in one full `npx jest` run (two workers); refresh with tools/jest/record-durations.js.',
  recorded: new Date(report.startTime).toISOString().slice(0, 10),
  files,
};
fs.writeFileSync(path.join(__dirname, 'durations.json'), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${Object.keys(files).length} files written to tools/jest/durations.json`);
