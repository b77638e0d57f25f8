// A list of tiers with colour swatches and counts (score and summary panels).
import type { TierCount } from '../../src/gas/api-types';
import { h } from '../dom';

export function tierCountList(counts: readonly TierCount[], label: string): HTMLElement {
  const total = counts.reduce((a, c) => a + c.count, 0);
  return h(
    'ul',
    { cls: 'tier-counts', attrs: { 'aria-label': label } },
    ...counts.map((c) => {
      const sw = h('span', { cls: 'swatch', attrs: { 'aria-hidden': 'true' } });
      sw.style.background = c.color ?? '#5f6368';
      const bar = h('span', { cls: 'count-bar', attrs: { 'aria-hidden': 'true' } });
      bar.style.width = `${total === 0 ? 0 : Math.round((c.count / total) * 100)}%`;
      return h(
        'li',
        { attrs: { 'data-tier': c.label, 'data-count': String(c.count) } },
        sw,
        h('span', { cls: 'tier-name', text: c.label }),
        h('span', { cls: 'count-track' }, bar),
        h('span', { cls: 'tier-count', text: String(c.count) }),
      );
    }),
  );
}
