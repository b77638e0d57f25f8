// Writes planted-truth deals and their hand model to files: `npx tsx tools/planted-deals/generate.ts --deals 1000 --seed 1 [--no-signal] [--strength 1] [--out deals.csv] [--model model.json]`.
import { writeFileSync } from 'node:fs';
import { plantedCsv, plantedDeals } from './deals';

function main(argv: string[]): void {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (name: string, fallback: number): number => {
    const text = value(name);
    const n = text === undefined ? fallback : Number(text);
    if (!Number.isFinite(n)) throw new Error(`${name} needs a number, got "${text}"`);
    return n;
  };
  const deals = plantedDeals({
    deals: number('--deals', 1000),
    seed: number('--seed', 1),
    signal: argv.includes('--no-signal') ? 'none' : 'planted',
    strength: number('--strength', 1),
    dealsPerAccount: number('--deals-per-account', 2.5),
    openShare: number('--open-share', 0),
  });
  const out = value('--out') ?? 'planted-deals.csv';
  const modelOut = value('--model') ?? 'planted-model.json';
  writeFileSync(out, plantedCsv(deals), 'utf8');
  writeFileSync(modelOut, JSON.stringify(deals.model, null, 2) + '\n', 'utf8');
  console.log(`wrote ${deals.rows.length} deals to ${out} and their hand model to ${modelOut}`);
}

main(process.argv.slice(2));
