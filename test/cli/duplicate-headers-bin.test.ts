// Two columns with the same header: icp score and icp validate read the first and say so on stderr, naming both columns.
import type { Model } from '../../src/engine';
import { runIcp, tempDir, writeFiles } from './fixtures';

const model: Model = {
  schemaVersion: 1,
  profiles: [{
    name: 'P',
    categories: [{ id: 'c', weight: 1 }],
    criteria: [{ id: 'saas', column: 'Industry', category: 'c', when: { op: 'in', values: ['SaaS'] }, points: 10 }],
    tiers: [{ label: 'A', min: 50 }, { label: 'C', min: 0 }],
  }],
};
const CSV = 'Account,Employees,Industry,Country,Stage,Owner,Notes,Industry,Outcome\nAcme,10,SaaS,US,x,y,z,Retail,won\nBeta,20,Retail,US,x,y,z,SaaS,lost\n';

describe('duplicate headers in the CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    writeFiles(dir, { 'a.csv': CSV, 'model.json': JSON.stringify(model) });
  });

  test('icp score reads column C and notes "Industry" in columns C and H', async () => {
    const r = await runIcp(['score', 'a.csv', '--model', 'model.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('icp: note: a.csv: "Industry" is in columns C and H: column C is read');
    const scores = r.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[9]);
    expect(scores).toEqual(['100', '0']);
  });

  test('icp validate says the same', async () => {
    const r = await runIcp(['validate', 'a.csv', '--model', 'model.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr + r.stdout).toContain('"Industry" is in columns C and H: column C is read');
  });
});
