// Actor network: nodes sized by activity, edges coloured by mean Goldstein (cooperation blue, conflict red).
// Layout: a small deterministic force simulation (repulsion, springs, centring).
import { el, svg } from './dom.js';
import { getJson, filterParams, viewUrl } from './api.js';
import { navigate } from './app.js';

function layout(nodes, edges, width, height) {
  const n = nodes.length;
  nodes.forEach((node, i) => {
    const angle = 2 * Math.PI * i / n;
    node.x = width / 2 + Math.cos(angle) * width / 3;
    node.y = height / 2 + Math.sin(angle) * height / 3;
  });
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  for (let step = 0; step < 300; step++) {
    const cooling = 1 - step / 300;
    const fx = new Float64Array(n), fy = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      let dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y;
      const d2 = Math.max(dx * dx + dy * dy, 25), f = 4000 / d2, d = Math.sqrt(d2);
      dx /= d; dy /= d;
      fx[i] += dx * f; fy[i] += dy * f; fx[j] -= dx * f; fy[j] -= dy * f;
    }
    for (const e of edges) {
      const i = index.get(e.source), j = index.get(e.target);
      if (i === undefined || j === undefined || i === j) continue;
      const dx = nodes[j].x - nodes[i].x, dy = nodes[j].y - nodes[i].y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - 90) * 0.02;
      fx[i] += dx / d * f; fy[i] += dy / d * f; fx[j] -= dx / d * f; fy[j] -= dy / d * f;
    }
    for (let i = 0; i < n; i++) {
      fx[i] += (width / 2 - nodes[i].x) * 0.01; fy[i] += (height / 2 - nodes[i].y) * 0.01;
      nodes[i].x = Math.min(width - 30, Math.max(30, nodes[i].x + Math.max(-20, Math.min(20, fx[i])) * cooling));
      nodes[i].y = Math.min(height - 20, Math.max(20, nodes[i].y + Math.max(-20, Math.min(20, fy[i])) * cooling));
    }
  }
}

function edgeColor(goldstein) {
  if (goldstein > 0.5) return '#2b8cbe';
  if (goldstein < -0.5) return '#d7301f';
  return '#999';
}

export async function renderNetwork(main, params) {
  const query = filterParams(params);
  const actorQuery = new URLSearchParams(query); actorQuery.set('limit', '40');
  const pairQuery = new URLSearchParams(query); pairQuery.set('limit', '200');
  const [actors, pairs] = await Promise.all([getJson('/api/actors', actorQuery), getJson('/api/actor-pairs', pairQuery)]);
  main.append(el('h2', null, 'Actor network'),
    el('p', { class: 'meta' }, 'Node size: events as source or target. Edge colour: mean Goldstein of the pair (blue cooperation, red conflict); width: events. Click an actor to filter by it.'));
  if (actors.length === 0) { main.append(el('p', { class: 'empty' }, 'No actors with these filters.')); return; }
  const nodes = actors.map(a => ({ id: a.actor, total: a.total }));
  const known = new Set(nodes.map(n => n.id));
  const edges = pairs.filter(p => known.has(p.source) && known.has(p.target) && p.source !== p.target);
  const width = 1100, height = 620;
  layout(nodes, edges, width, height);
  const position = new Map(nodes.map(n => [n.id, n]));
  const maxTotal = Math.max(...nodes.map(n => n.total));
  const maxCount = Math.max(1, ...edges.map(e => e.count));
  const chart = svg('svg', { class: 'chart', id: 'network-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'actor network' });
  for (const e of edges) {
    const a = position.get(e.source), b = position.get(e.target);
    chart.append(svg('line', { class: 'edge', x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: edgeColor(e.mean_goldstein), 'stroke-opacity': 0.6,
      'stroke-width': 1 + 5 * e.count / maxCount }, svg('title', null, `${e.source} → ${e.target}: ${e.count} events, mean Goldstein ${e.mean_goldstein}`)));
  }
  for (const n of nodes) {
    const r = 5 + 20 * Math.sqrt(n.total / maxTotal);
    const group = svg('g', { class: 'node', 'data-actor': n.id },
      svg('circle', { cx: n.x, cy: n.y, r, fill: '#5b6b8c' }, svg('title', null, `${n.id}: ${n.total} events`)),
      svg('text', { x: n.x + r + 2, y: n.y + 3 }, n.id));
    group.addEventListener('click', () => navigate(viewUrl('network', { actor: n.id })));
    chart.append(group);
  }
  main.append(chart);
}
