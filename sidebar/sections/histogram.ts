// The preview's histogram: 20 bins of 5 points, bars coloured by tier, with each tier's threshold drawn as a line.
import type { PreviewResult } from '../../src/gas/api-types';
import { svg } from '../dom';

const W = 280;
const H = 124;
const LEFT = 8;
const RIGHT = W - 8;
const TOP = 18;
const BOTTOM = 100;
const FALLBACK = '#9aa0a6';

const x = (score: number): number => LEFT + ((RIGHT - LEFT) * score) / 100;

function tierOf(tiers: PreviewResult['tiers'], score: number): PreviewResult['tiers'][number] | undefined {
  // `tiers` comes sorted by min, highest first.
  return tiers.find((t) => t.min <= score) ?? tiers[tiers.length - 1];
}

export function histogram(result: PreviewResult): SVGSVGElement {
  const total = result.histogram.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...result.histogram);
  const label = `Histogram of ${total} scores from 0 to 100; tier thresholds at ${result.tiers.filter((t) => t.min > 0).map((t) => `${t.label} ${t.min}`).join(', ') || 'none'}.`;
  const root = svg('svg', { cls: 'histogram', attrs: { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, preserveAspectRatio: 'xMidYMid meet' } });
  root.appendChild(svg('title', { text: label }));
  const bin = (RIGHT - LEFT) / 20;
  result.histogram.forEach((count, b) => {
    const height = ((BOTTOM - TOP) * count) / max;
    const tier = tierOf(result.tiers, b * 5);
    const rect = svg('rect', {
      cls: 'bar',
      attrs: {
        x: (LEFT + b * bin + 0.5).toFixed(1),
        y: (BOTTOM - height).toFixed(1),
        width: (bin - 1).toFixed(1),
        height: height.toFixed(1),
        fill: tier?.color ?? FALLBACK,
        'data-bin': String(b),
        'data-count': String(count),
      },
    });
    rect.appendChild(svg('title', { text: `${b * 5}-${b === 19 ? 100 : b * 5 + 5}: ${count}` }));
    root.appendChild(rect);
  });
  root.appendChild(svg('line', { cls: 'axis', attrs: { x1: String(LEFT), x2: String(RIGHT), y1: String(BOTTOM), y2: String(BOTTOM) } }));
  for (const tick of [0, 50, 100]) {
    root.appendChild(svg('text', { cls: 'tick', attrs: { x: x(tick).toFixed(1), y: String(BOTTOM + 13), 'text-anchor': tick === 0 ? 'start' : tick === 100 ? 'end' : 'middle' }, text: String(tick) }));
  }
  for (const t of result.tiers) {
    if (!(t.min > 0 && t.min <= 100)) continue;
    const tx = x(t.min);
    root.appendChild(svg('line', { cls: 'threshold', attrs: { x1: tx.toFixed(1), x2: tx.toFixed(1), y1: String(TOP - 4), y2: String(BOTTOM), stroke: t.color ?? '#5f6368', 'data-tier': t.label } }));
    const anchor = tx > RIGHT - 24 ? 'end' : tx < LEFT + 24 ? 'start' : 'middle';
    const text = t.label.length > 8 ? `${t.label.slice(0, 7)}\u2026` : t.label;
    root.appendChild(svg('text', { cls: 'threshold-label', attrs: { x: tx.toFixed(1), y: String(TOP - 7), 'text-anchor': anchor }, text: `${text} ${t.min}` }));
  }
  return root;
}
