// The explanation texts the engine keeps by outcome (explain.ts's memo) are the texts each row would get on its own.
import { b2bSaasTemplate, compileModel } from '../../src/engine';
import { generateSampleAccounts, SAMPLE_HEADERS } from '../../tools/sample/accounts';

describe('explanations shared by rows with the same outcomes', () => {
  it('equal the text a freshly compiled profile gives each row alone (3,000 messy rows, the template)', () => {
    const rows = generateSampleAccounts(3000, 99);
    const today = new Date(2026, 10, 1);
    const shared = compileModel(b2bSaasTemplate(), [...SAMPLE_HEADERS], { today }).profile();
    const texts = rows.map((r) => shared.evaluateWithWhy(r).text);
    // A text seen before comes from the memo: the same string object as the earlier row's.
    expect(new Set(texts).size).toBeLessThan(texts.length);
    for (let i = 0; i < rows.length; i += 7) {
      const alone = compileModel(b2bSaasTemplate(), [...SAMPLE_HEADERS], { today }).profile();
      expect([i, alone.evaluateWithWhy(rows[i]!).text]).toEqual([i, texts[i]]);
    }
  });
});
