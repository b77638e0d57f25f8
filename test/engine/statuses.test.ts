// CompiledProfile.statuses(): each criterion's status without the explanation, always the same as explain()'s items.
import { compileModel } from '../../src/engine/model-compile';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { generateSampleAccounts, SAMPLE_TODAY } from '../../tools/sample/accounts';

test('statuses() lists what explain() says of every criterion, in model order, on messy rows and a blank one', () => {
  const [headers, ...rows] = generateSampleAccounts(2_000, 11);
  const profile = compileModel(b2bSaasTemplate(), headers!, { today: new Date(`${SAMPLE_TODAY}T00:00:00`) }).profile();
  const blank = headers!.map(() => '');
  let knockouts = 0;
  for (const row of rows) {
    const statuses = profile.statuses(row);
    expect(statuses).toEqual(profile.explain(row).items.map((i) => i.status));
    if (statuses.includes('knockout')) knockouts++;
  }
  // explain() lists no items for a blank row; statuses() says every criterion is unknown.
  expect(profile.explain(blank).items).toEqual([]);
  expect(profile.statuses(blank)).toEqual(profile.profile.criteria.map(() => 'unknown'));
  expect(knockouts).toBeGreaterThan(0);
});
