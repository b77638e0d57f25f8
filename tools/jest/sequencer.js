// Jest's test order (slowest first, so the workers finish together), with durations for the files Jest has not timed.
//
// Jest orders files by the durations in its cache, and files it has never run by size. A fresh clone (CI) has no
// cache, and size says little here: a short browser file takes 10-20 s, a long engine file 1 s. So a file missing
// from the cache takes its duration from durations.json (recorded by record-durations.js from a full run); a file in
// neither (a new one) runs first, as Jest runs untimed files.
'use strict';

const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const recorded = require('./durations.json').files;

class RecordedDurationSequencer extends Sequencer {
  time(test) {
    const cached = super.time(test);
    if (cached !== undefined) return cached;
    return recorded[path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/')];
  }
}

module.exports = RecordedDurationSequencer;
