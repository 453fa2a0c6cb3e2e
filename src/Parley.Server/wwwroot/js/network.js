// Actor network: who acts on whom. Nodes are actor codes, sized by their events as source or target; an edge is a
// source-target pair, coloured by its mean Goldstein score and as wide as its events. Clicking an actor filters by it;
// clicking an edge shows the events of that pair. Layout: a small deterministic force simulation.
import { el, svg, number, swatch, tooltip } from './dom.js';
import { getJson, filterParams, viewUrl, goldsteinColor } from './api.js';
import { navigate } from './app.js';

function layout(nodes, edges, width, height) {
  const n = nodes.length;
  nodes.forEach((node, i) => {
    const angle = 2 * Math.PI * i / n;
    node.x = width / 2 + Math.cos(angle) * width / 3;
    node.y = height / 2 + Math.sin(angle) * height / 3;
  });
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  for (let step = 0; step < 500; step++) {
    const cooling = 1 - step / 500;
    const fx = new Float64Array(n), fy = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      let dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y;
      const d2 = Math.max(dx * dx + dy * dy, 25), f = 22000 / d2, d = Math.sqrt(d2);
      dx /= d; dy /= d;
      fx[i] += dx * f; fy[i] += dy * f; fx[j] -= dx * f; fy[j] -= dy * f;
    }
    for (const e of edges) {
      const i = index.get(e.source), j = index.get(e.target);
      if (i === undefined || j === undefined || i === j) continue;
      const dx = nodes[j].x - nodes[i].x, dy = nodes[j].y - nodes[i].y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - 150) * 0.012;
      fx[i] += dx / d * f; fy[i] += dy / d * f; fx[j] -= dx / d * f; fy[j] -= dy / d * f;
    }
    for (let i = 0; i < n; i++) {
      fx[i] += (width / 2 - nodes[i].x) * 0.004; fy[i] += (height / 2 - nodes[i].y) * 0.008;
      nodes[i].x = Math.min(width - 170, Math.max(40, nodes[i].x + Math.max(-20, Math.min(20, fx[i])) * cooling));
      nodes[i].y = Math.min(height - 30, Math.max(30, nodes[i].y + Math.max(-20, Math.min(20, fy[i])) * cooling));
    }
  }
}

// A curved path from a to b, bent to the right of the direction of travel, so A->B and B->A stay apart.
function arc(a, b, r) {
  const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
  const mx = (a.x + b.x) / 2 + dy / d * d * 0.12, my = (a.y + b.y) / 2 - dx / d * d * 0.12;
  // Stop short of the target's circle, where the arrowhead goes.
  const ex = b.x - (b.x - mx) / Math.hypot(b.x - mx, b.y - my) * (r + 3), ey = b.y - (b.y - my) / Math.hypot(b.x - mx, b.y - my) * (r + 3);
  return `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
}

export async function renderNetwork(main, params) {
  const query = filterParams(params);
  const actorQuery = new URLSearchParams(query); actorQuery.set('limit', '36');
  const pairQuery = new URLSearchParams(query); pairQuery.set('limit', '300');
  const [actors, pairs] = await Promise.all([getJson('/api/actors', actorQuery), getJson('/api/actor-pairs', pairQuery)]);
  main.append(el('div', { class: 'view-head' },
    el('h1', null, 'Who acts on whom'),
    el('p', { class: 'muted' }, `The ${actors.length} most active actors with the filters. Click an actor to filter every view by it, an arrow for the events of that pair.`)));
  if (actors.length === 0) { main.append(el('p', { class: 'empty' }, 'No actors with these filters.')); return; }
  const nodes = actors.map(a => ({ id: a.actor, total: a.total, label: a.label, names: a.names }));
  const known = new Set(nodes.map(n => n.id));
  const edges = pairs.filter(p => known.has(p.source) && known.has(p.target) && p.source !== p.target);
  const width = 1160, height = 640;
  layout(nodes, edges, width, height);
  const position = new Map(nodes.map(n => [n.id, n]));
  const maxTotal = Math.max(...nodes.map(n => n.total));
  const maxCount = Math.max(1, ...edges.map(e => e.count));
  const radius = n => 6 + 22 * Math.sqrt(n.total / maxTotal);
  const chart = svg('svg', { class: 'chart', id: 'network-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'actor network' });
  const defs = svg('defs');
  for (const [id, color] of [['arrow-coop', goldsteinColor(6)], ['arrow-neutral', goldsteinColor(0)], ['arrow-conflict', goldsteinColor(-8)]]) {
    defs.append(svg('marker', { id, viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse' },
      svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: color })));
  }
  chart.append(defs);
  for (const e of edges) {
    const a = position.get(e.source), b = position.get(e.target);
    const d = arc(a, b, radius(b));
    const marker = e.mean_goldstein > 1 ? 'arrow-coop' : e.mean_goldstein < -1 ? 'arrow-conflict' : 'arrow-neutral';
    const group = svg('g', { class: 'edge', 'data-source': e.source, 'data-target': e.target, tabindex: '0', role: 'button' },
      svg('path', { class: 'edge-line', d, stroke: goldsteinColor(e.mean_goldstein), 'stroke-width': (1.2 + 6 * e.count / maxCount).toFixed(1), 'marker-end': `url(#${marker})` }),
      svg('path', { class: 'edge-hit', d }));
    tooltip(group, [`${e.source} → ${e.target}`, `${e.source_label || e.source} → ${e.target_label || e.target}`,
      `${number(e.count)} events, mean Goldstein ${e.mean_goldstein}`, 'Click for these events']);
    group.addEventListener('click', () => navigate(viewUrl('events', { source: e.source, target: e.target, offset: null })));
    chart.append(group);
  }
  for (const n of nodes) {
    const r = radius(n);
    const name = n.names && n.names.length ? n.names[0] : n.label;
    const group = svg('g', { class: 'node', 'data-actor': n.id, tabindex: '0', role: 'button' },
      svg('circle', { cx: n.x, cy: n.y, r }),
      svg('text', { x: n.x + r + 4, y: n.y - 1, class: 'node-code' }, n.id),
      name ? svg('text', { x: n.x + r + 4, y: n.y + 11, class: 'node-name' }, name.length > 28 ? name.slice(0, 27) + '…' : name) : null);
    tooltip(group, [n.id, n.label || '', n.names && n.names.length ? 'Named: ' + n.names.join(', ') : '', `${number(n.total)} events as source or target`, 'Click to filter by this actor'].filter(Boolean));
    group.addEventListener('click', () => navigate(viewUrl('network', { actor: n.id })));
    chart.append(group);
  }
  main.append(el('div', { class: 'card' }, chart, legend(maxTotal, maxCount)));
}

function legend(maxTotal, maxCount) {
  const box = el('div', { class: 'legend', id: 'network-legend' });
  const scale = el('span', { class: 'scale' }, 'Edge colour: mean Goldstein');
  for (const g of [-10, -5, 0, 5, 10]) scale.append(el('span', { class: 'scale-step' }, swatch(goldsteinColor(g)), (g > 0 ? '+' : '') + g));
  box.append(scale,
    el('span', null, el('span', { class: 'size-swatch' }), `Node size: events as source or target (largest ${number(maxTotal)})`),
    el('span', null, el('span', { class: 'width-swatch' }), `Edge width: events of the pair (widest ${number(maxCount)})`));
  return box;
}
