// Timeline: events per day, week or month, stacked by quad class, with the mean Goldstein score of each bin as a
// line; events dated only to a week, month or year are drawn apart, as spans over their whole period, never as a
// spike on one of their days. Clicking a bar or a span shows its events.
import { el, svg, number, swatch, tooltip } from './dom.js';
import { getJson, filterParams, viewUrl, hereUrl, quadName, QUAD_COLORS } from './api.js';
import { navigate } from './app.js';

const DAY = 86400000;
const BINS = ['day', 'week', 'month'];

function time(iso) { return Date.parse(iso + 'T00:00:00Z'); }

function niceMax(v) {
  if (v <= 5) return 5;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (v <= m * p) return m * p;
  return 10 * p;
}

function tickFormat(t, span) {
  const d = new Date(t);
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return span > 400 * DAY ? `${month} ${d.getUTCFullYear()}` : `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}

export async function renderTimeline(main, params) {
  const requested = BINS.includes(params.get('bin')) ? params.get('bin') : null;
  const query = filterParams(params);
  // Auto: pick the bin from the span of the days (first ask for days, which also gives the span).
  let answer = await getJson('/api/timeline', new URLSearchParams([...query, ['bin', requested || 'day']]));
  let bin = requested || 'day';
  if (!requested && answer.bins.length > 1) {
    const spanDays = (time(answer.bins[answer.bins.length - 1].start) - time(answer.bins[0].start)) / DAY;
    const auto = spanDays > 1100 ? 'month' : spanDays > 120 ? 'week' : 'day';
    if (auto !== 'day') { bin = auto; answer = await getJson('/api/timeline', new URLSearchParams([...query, ['bin', bin]])); }
  }
  const bins = answer.bins, periods = answer.periods;
  const total = bins.reduce((n, b) => n + b.count, 0) + periods.reduce((n, p) => n + p.count, 0);

  const switcher = el('div', { class: 'segmented', role: 'group', 'aria-label': 'bin' });
  for (const b of BINS) {
    switcher.append(el('a', { href: hereUrl({ bin: b }), 'data-internal': '', 'data-bin': b, class: b === bin ? 'active' : null }, b === 'day' ? 'Days' : b === 'week' ? 'Weeks' : 'Months'));
  }
  main.append(el('div', { class: 'view-head' },
    el('h1', null, `Events per ${bin}`),
    el('p', { class: 'muted' }, `${number(total)} events. Bars: events per ${bin} by quad class; line: their mean Goldstein score (right axis). Click a bar for its events.`)),
    el('div', { class: 'toolbar' }, switcher));
  if (bins.length === 0 && periods.length === 0) { main.append(el('p', { class: 'empty' }, 'No dated events with these filters.')); return; }

  // One x scale for the bins and the periods.
  let first = Infinity, last = -Infinity;
  for (const b of bins) { first = Math.min(first, time(b.start)); last = Math.max(last, time(b.end) + DAY); }
  for (const p of periods) { first = Math.min(first, time(p.start)); last = Math.max(last, time(p.end) + DAY); }
  const span = Math.max(DAY, last - first);
  const width = 1160, left = 56, right = 56, top = 18, plotH = 300;
  const lanes = ['week', 'month', 'year'].filter(g => periods.some(p => p.grain === g));
  const laneH = 26, lanesTop = top + plotH + 62;
  const height = lanesTop + (lanes.length ? 28 + lanes.length * laneH : 0) + 8;
  const plotW = width - left - right;
  const x = t => left + (t - first) / span * plotW;
  const maxCount = niceMax(Math.max(1, ...bins.map(b => b.count)));
  const yCount = v => top + plotH - plotH * v / maxCount;
  const yGold = g => top + plotH / 2 - (plotH / 2) * g / 10;

  const chart = svg('svg', { class: 'chart', id: 'timeline-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `events per ${bin}` });
  // Grid and axes.
  for (let i = 0; i <= 4; i++) {
    const v = maxCount * i / 4, y = yCount(v);
    chart.append(svg('line', { x1: left, x2: width - right, y1: y, y2: y, class: 'grid' }),
      svg('text', { x: left - 8, y: y + 4, 'text-anchor': 'end', class: 'axis' }, number(Math.round(v))));
  }
  for (const g of [-10, -5, 0, 5, 10]) {
    chart.append(svg('text', { x: width - right + 8, y: yGold(g) + 4, class: 'axis gold-axis' }, (g > 0 ? '+' : '') + g));
  }
  chart.append(svg('text', { x: 14, y: top + plotH / 2, class: 'axis-title', transform: `rotate(-90 14 ${top + plotH / 2})`, 'text-anchor': 'middle' }, 'events'),
    svg('text', { x: width - 10, y: top + plotH / 2, class: 'axis-title', transform: `rotate(90 ${width - 10} ${top + plotH / 2})`, 'text-anchor': 'middle' }, 'mean Goldstein'));
  const ticks = 8;
  for (let i = 0; i <= ticks; i++) {
    const t = first + span * i / ticks;
    chart.append(svg('line', { x1: x(t), x2: x(t), y1: top + plotH, y2: top + plotH + 5, class: 'tick' }),
      svg('text', { x: x(t), y: top + plotH + 20, 'text-anchor': 'middle', class: 'axis' }, tickFormat(t, span)));
  }

  // Bars: one group per bin, the quad classes stacked; an invisible full-height target makes thin bars easy to click.
  const goldPoints = [];
  for (const b of bins) {
    const x0 = x(time(b.start)), x1 = x(time(b.end) + DAY);
    const w = Math.max(1, x1 - x0 - (x1 - x0 > 4 ? 1 : 0));
    const group = svg('g', { class: 'bin', 'data-start': b.start, 'data-end': b.end, 'data-count': b.count, tabindex: '0', role: 'button', 'aria-label': `${b.start}: ${b.count} events` });
    group.append(svg('rect', { class: 'hit', x: x0, y: top, width: Math.max(w, 2), height: plotH }));
    let y = top + plotH;
    for (let q = 1; q <= 4; q++) {
      const n = b.quad_classes[q - 1];
      if (!n) continue;
      const h = plotH * n / maxCount;
      y -= h;
      group.append(svg('rect', { class: 'bar', x: x0, y, width: w, height: h, fill: QUAD_COLORS[q] }));
    }
    const label = b.start === b.end ? b.start : `${b.start} to ${b.end}`;
    tooltip(group, [label, `${number(b.count)} events, mean Goldstein ${b.mean_goldstein}`,
      ...[1, 2, 3, 4].filter(q => b.quad_classes[q - 1]).map(q => `${quadName(q)}: ${number(b.quad_classes[q - 1])}`), 'Click for these events']);
    const open = () => navigate(viewUrl('events', { from: b.start, to: b.end, offset: null }));
    group.addEventListener('click', open);
    group.addEventListener('keydown', e => { if (e.key === 'Enter') open(); });
    chart.append(group);
    goldPoints.push([(x0 + x1) / 2, yGold(b.mean_goldstein)]);
  }
  if (goldPoints.length > 1) {
    chart.append(svg('polyline', { class: 'gold-line', points: goldPoints.map(p => p.map(v => v.toFixed(1)).join(',')).join(' ') }));
  }
  if (goldPoints.length <= 120) for (const [gx, gy] of goldPoints) chart.append(svg('circle', { class: 'gold-dot', cx: gx, cy: gy, r: 2.5 }));

  // Periods: events dated only to a week, month or year, one lane per grain.
  if (lanes.length) {
    chart.append(svg('text', { x: left, y: lanesTop - 10, class: 'lane-title' }, 'Dated only to a week, month or year (shown over the whole period, not on one of its days):'));
    lanes.forEach((grain, i) => {
      const y = lanesTop + 8 + i * laneH;
      chart.append(svg('text', { x: left - 8, y: y + 15, 'text-anchor': 'end', class: 'axis' }, grain));
      const maxPeriod = Math.max(1, ...periods.filter(p => p.grain === grain).map(p => p.count));
      for (const p of periods.filter(p => p.grain === grain)) {
        const x0 = x(time(p.start)), x1 = x(time(p.end) + DAY);
        const dominant = [1, 2, 3, 4].reduce((a, q) => p.quad_classes[q - 1] > p.quad_classes[a - 1] ? q : a, 1);
        const rect = svg('rect', { class: 'period', x: x0, y, width: Math.max(2, x1 - x0 - 1), height: laneH - 6, rx: 3,
          fill: QUAD_COLORS[dominant], 'fill-opacity': 0.25 + 0.6 * p.count / maxPeriod, 'data-value': p.value, 'data-grain': p.grain, tabindex: '0', role: 'button' });
        tooltip(rect, [`${p.value} (a ${p.grain})`, `${number(p.count)} events, mean Goldstein ${p.mean_goldstein}`, 'Click for these events']);
        rect.addEventListener('click', () => navigate(viewUrl('events', { from: p.start, to: p.end, offset: null })));
        chart.append(rect);
        if (x1 - x0 > 46) chart.append(svg('text', { x: x0 + 5, y: y + 14, class: 'period-label' }, `${p.value}: ${number(p.count)}`));
      }
    });
  }
  main.append(el('div', { class: 'card' }, chart, legend(lanes.length > 0)));
}

function legend(withPeriods) {
  const box = el('div', { class: 'legend', id: 'timeline-legend' });
  for (let q = 1; q <= 4; q++) box.append(el('span', null, swatch(QUAD_COLORS[q]), quadName(q)));
  box.append(el('span', null, el('span', { class: 'line-swatch' }), 'mean Goldstein score, -10 conflict to +10 cooperation'));
  if (withPeriods) box.append(el('span', null, el('span', { class: 'period-swatch' }), 'a week, month or year: darker = more events'));
  return box;
}
