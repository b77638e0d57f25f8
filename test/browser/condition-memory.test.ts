// Operator and role changes that picking back undoes (sidebar/condition-memory.ts), without a browser.
import type { Criterion } from '../../src/engine/model';
import { switchOperator, switchRole } from '../../sidebar/condition-memory';

function industry(): Criterion {
  return { id: 'industry', category: 'firmographic', column: 'Industry', when: { op: 'in', values: ['SaaS', 'Fintech', 'IT'] }, points: 30 };
}

test('stepping over several operators and back restores each condition on the way', () => {
  const c = industry();
  switchOperator(c, 'equals');
  expect(c.when).toEqual({ op: 'equals', value: 'SaaS' });
  switchOperator(c, 'contains');
  switchOperator(c, 'between');
  expect(c.when).toEqual({ op: 'between' });
  switchOperator(c, 'contains');
  expect(c.when).toEqual({ op: 'contains', values: ['SaaS'] });
  switchOperator(c, 'in');
  expect(c.when).toEqual({ op: 'in', values: ['SaaS', 'Fintech', 'IT'] });
  expect(c.points).toBe(30);
});

test('an edit ends the walk back: the edited condition is converted, not replaced by an older one', () => {
  const c = industry();
  switchOperator(c, 'between');
  if (c.when.op === 'between') c.when.min = 50;
  switchOperator(c, 'in');
  expect(c.when).toEqual({ op: 'in', values: [] });
});

test('points dropped by bands or an exclusion come back; a criterion that never had any gets 10', () => {
  const c = industry();
  switchOperator(c, 'bands');
  expect(c.points).toBeUndefined();
  switchOperator(c, 'gte');
  expect(c.points).toBe(30);
  switchRole(c, 'exclude');
  expect(c.points).toBeUndefined();
  expect(c.role).toBe('exclude');
  switchRole(c, 'must');
  expect(c.points).toBe(30);
  switchRole(c, 'score');
  expect(c.role).toBeUndefined();

  const fresh: Criterion = { id: 'x', category: 'a', column: 'A', when: { op: 'notBlank' }, role: 'exclude' };
  switchRole(fresh, 'score');
  expect(fresh.points).toBe(10);
});
