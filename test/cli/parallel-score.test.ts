// Tests of scoring on worker threads, called directly where the bin cannot reach: limits a test can only lower.
import { createReadStream, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { CsvError, readCsvBatches } from '../../src/cli/csv-reader';
import { CsvWriter } from '../../src/cli/csv-writer';
import { readFileHead, scoreFileOnThreads, youngGenerationMb } from '../../src/cli/parallel-score';
import { TierTally } from '../../src/cli/tier-tally';
import { compileModel } from '../../src/engine';
import { tempDir, twoProfileModel } from './fixtures';

describe('a row too long for a string (an unterminated quote in a huge file)', () => {
  // The real limit is V8's string length (about 512 MB); lowered here so the file stays small.
  const LIMIT = 64 * 1024;
  const rows = Array.from({ length: 3000 }, (_, i) => `Co ${i},SaaS,${i % 300}`);
  const file = path.join(tempDir(), 'open.csv');
  writeFileSync(file, `Account,Industry,Employees\n${rows.join('\n')}\n"never closed,SaaS,10\n${'more, text\n'.repeat(20_000)}`);
  const expected = new CsvError('line 3002: a field longer than 65536 characters starts there; probably an unterminated quote', 3002);

  it('is the same CsvError on one thread and on several, not a RangeError', async () => {
    const oneThread = async (): Promise<void> => {
      for await (const batch of readCsvBatches(createReadStream(file), { maxRowLength: LIMIT })) void batch;
    };
    await expect(oneThread()).rejects.toEqual(expected);

    const head = await readFileHead(file);
    const model = twoProfileModel();
    const profile = compileModel(model, head.headers!).profile();
    const sink = new Writable({ write: (_chunk, _enc, done) => done() });
    const threads = scoreFileOnThreads({
      file,
      head,
      threads: 2,
      writer: new CsvWriter(sink),
      tally: new TierTally(profile.tierLabels),
      profile,
      setup: { model, profile: profile.name, headers: head.headers!, today: Date.now(), lineEnding: '\n', delimiter: ',' },
      chunkBytes: 16 * 1024,
      maxRowLength: LIMIT,
    });
    await expect(threads).rejects.toEqual(expected);
  });
});

describe('youngGenerationMb', () => {
  test('shares a fixed budget between workers, 8 to 32 MB each, so memory does not grow with the cores', () => {
    expect(youngGenerationMb(1)).toBe(32);
    expect(youngGenerationMb(2)).toBe(32);
    expect(youngGenerationMb(4)).toBe(16);
    expect(youngGenerationMb(8)).toBe(8);
    expect(youngGenerationMb(64)).toBe(8);
    for (let n = 1; n <= 64; n++) expect(n * youngGenerationMb(n)).toBeLessThanOrEqual(Math.max(64, 8 * n));
  });
});
