// Events per day, stacked by quad class, as an SVG bar chart.
import { el, svg } from './dom.js';
import { getJson, filterParams, quadName, QUAD_COLORS } from './api.js';

const DAY = 86400000;

export async function renderTimeline(main, params) {
  const points = await getJson('/api/timeline', filterParams(params));
  main.append(el('h2', null, 'Events per day by quad class'));
  if (points.length === 0) { main.append(el('p', { class: 'empty' }, 'No dated events with these filters.')); return; }
  const byDay = new Map();
  for (const p of points) {
    if (!byDay.has(p.day)) byDay.set(p.day, [0, 0, 0, 0, 0]);
    byDay.get(p.day)[p.quad_class] += p.count;
  }
  const days = [...byDay.keys()].sort();
  const first = Date.parse(days[0]), last = Date.parse(days[days.length - 1]);
  const span = Math.round((last - first) / DAY) + 1;
  const max = Math.max(...[...byDay.values()].map(c => c[1] + c[2] + c[3] + c[4]));
  const width = 1100, height = 360, left = 48, bottom = 40, top = 16, right = 10;
  const plotW = width - left - right, plotH = height - top - bottom;
  const barW = Math.max(1, plotW / span - (span < 120 ? 1 : 0));
  const chart = svg('svg', { class: 'chart', id: 'timeline-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'events per day' });
  for (let i = 0; i <= 4; i++) {
    const v = Math.round(max * i / 4), y = top + plotH - plotH * v / max;
    chart.append(svg('line', { x1: left, x2: width - right, y1: y, y2: y, stroke: '#eee' }), svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, v));
  }
  for (const day of days) {
    const counts = byDay.get(day);
    const x = left + (Math.round((Date.parse(day) - first) / DAY)) * plotW / span;
    let y = top + plotH;
    for (let q = 1; q <= 4; q++) {
      if (!counts[q]) continue;
      const h = plotH * counts[q] / max;
      y -= h;
      chart.append(svg('rect', { class: 'bar', x, y, width: barW, height: h, fill: QUAD_COLORS[q] },
        svg('title', null, `${day}: ${counts[q]} ${quadName(q)}`)));
    }
  }
  const ticks = Math.min(8, span);
  for (let i = 0; i < ticks; i++) {
    const t = first + Math.round(i * (span - 1) / Math.max(1, ticks - 1)) * DAY;
    const x = left + ((t - first) / DAY) * plotW / span;
    chart.append(svg('text', { x, y: height - bottom + 16 }, new Date(t).toISOString().slice(0, 10)));
  }
  main.append(chart);
  const legend = el('div', { class: 'layers' });
  for (let q = 1; q <= 4; q++) {
    const swatch = el('span', { class: 'legend-swatch' });
    swatch.style.background = QUAD_COLORS[q];
    legend.append(el('span', null, swatch, quadName(q)));
  }
  main.append(legend);
}
