// Preloaded into `icp` by threads-bin.test.ts (node --require): counts the worker threads started, reported on exit.
'use strict';
const fs = require('node:fs');
const workerThreads = require('node:worker_threads');

const Original = workerThreads.Worker;
let started = 0;
// parallel-score.ts reads `Worker` off the module when it starts one, so the subclass is what it constructs.
workerThreads.Worker = class CountedWorker extends Original {
  constructor(...args) {
    super(...args);
    started++;
  }
};
process.on('exit', () => fs.writeSync(2, `workers started: ${started}\n`));
