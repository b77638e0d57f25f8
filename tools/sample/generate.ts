// Writes data/sample-accounts.csv from the seeded generator (npm run sample); the file is checked in and reproducible.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SAMPLE_ROWS, SAMPLE_SEED, SAMPLE_TODAY, generateSampleAccounts, toCsv } from './accounts';

/** Path of the checked-in sample sheet. */
const SAMPLE_CSV_PATH = join(__dirname, '..', '..', 'data', 'sample-accounts.csv');

function main(): void {
  const rows = generateSampleAccounts(SAMPLE_ROWS, SAMPLE_SEED, SAMPLE_TODAY);
  mkdirSync(dirname(SAMPLE_CSV_PATH), { recursive: true });
  writeFileSync(SAMPLE_CSV_PATH, toCsv(rows), 'utf8');
  console.log(`wrote ${rows.length - 1} accounts to ${SAMPLE_CSV_PATH} (seed ${SAMPLE_SEED}, today ${SAMPLE_TODAY})`);
}

main();
