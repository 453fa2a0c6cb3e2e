// A small timeline (events per bin, stacked by quad class) for a story.
import { svg, el } from './dom.js';
import { quadName, QUAD_COLORS } from './api.js';

export function renderTimelineMini(answer) {
  const bins = answer.bins;
  if (!bins.length) return el('p', { class: 'empty' }, 'No dated events.');
  const width = 1100, height = 90, pad = 4;
  const max = Math.max(...bins.map(b => b.count));
  const w = (width - 2 * pad) / bins.length;
  const chart = svg('svg', { class: 'chart mini', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'events over time' });
  bins.forEach((b, i) => {
    let y = height - pad;
    for (let q = 1; q <= 4; q++) {
      const n = b.quad_classes[q - 1];
      if (!n) continue;
      const h = (height - 2 * pad) * n / max;
      y -= h;
      chart.append(svg('rect', { x: pad + i * w, y, width: Math.max(1, w - 1), height: h, fill: QUAD_COLORS[q] },
        svg('title', null, `${b.start}: ${n} ${quadName(q).toLowerCase()}`)));
    }
  });
  return el('div', null, chart, el('div', { class: 'muted small' }, `${bins[0].start} to ${bins[bins.length - 1].end}`));
}
