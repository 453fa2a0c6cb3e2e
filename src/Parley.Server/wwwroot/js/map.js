// World map: countries shaded by the number of matching events, event places as points sized by their events.
// Country shapes come from the vendored world-atlas TopoJSON, decoded here and drawn with an equirectangular
// projection (no tiles, nothing from elsewhere). Clicking a country shows its events.
import { el, svg, number, swatch, tooltip } from './dom.js';
import { getJson, filterParams, viewUrl } from './api.js';
import { navigate } from './app.js';

const WIDTH = 1000, HEIGHT = 500;
// The map shows latitudes 84 N to 58 S: Antarctica holds no events and would take a fifth of the picture.
const TOP = (90 - 84) / 180 * HEIGHT, BOTTOM = (90 + 58) / 180 * HEIGHT;
let shapes = null;

function project(lon, lat) {
  return [(lon + 180) / 360 * WIDTH, (90 - lat) / 180 * HEIGHT];
}

// TopoJSON: arcs are delta-encoded quantized positions; a negative arc index ~i means arc i reversed.
function decodeArcs(topology) {
  const [sx, sy] = topology.transform ? topology.transform.scale : [1, 1];
  const [tx, ty] = topology.transform ? topology.transform.translate : [0, 0];
  return topology.arcs.map(arc => {
    let x = 0, y = 0;
    return arc.map(p => {
      if (topology.transform) { x += p[0]; y += p[1]; } else { x = p[0]; y = p[1]; }
      return project(x * sx + tx, y * sy + ty);
    });
  });
}

// A ring that crosses the antimeridian (Russia, Fiji) is unwrapped into one continuous outline: the part that
// lands beyond the map's edge is clipped by the SVG instead of drawing a stripe across the whole map.
function ringPath(ring, arcs) {
  const points = [];
  for (const index of ring) {
    const arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
    for (let k = points.length ? 1 : 0; k < arc.length; k++) points.push(arc[k]);
  }
  let shift = 0, lastX = null;
  const out = points.map(p => {
    let x = p[0] + shift;
    if (lastX !== null && x - lastX > WIDTH / 2) { shift -= WIDTH; x -= WIDTH; }
    else if (lastX !== null && lastX - x > WIDTH / 2) { shift += WIDTH; x += WIDTH; }
    lastX = x;
    return x.toFixed(1) + ',' + p[1].toFixed(1);
  });
  return 'M' + out.join('L') + 'Z';
}

async function loadShapes() {
  if (shapes) return shapes;
  const [topology, numericToAlpha3] = await Promise.all([
    getJson('/vendor/world-atlas/countries-110m.json'), getJson('/vendor/i18n-iso-countries/numeric-to-alpha3.json')]);
  const arcs = decodeArcs(topology);
  shapes = topology.objects.countries.geometries.map(g => {
    const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
    return { iso3: numericToAlpha3[g.id] || null, name: (g.properties && g.properties.name) || g.id, d: polygons.map(p => p.map(r => ringPath(r, arcs)).join('')).join('') };
  });
  return shapes;
}

// Five classes on a log scale, light to dark.
const SHADES = ['#fde4d7', '#f9b79a', '#f0845f', '#d8513a', '#a8281e'];
function classOf(count, max) {
  if (!count) return -1;
  const t = Math.log(1 + count) / Math.log(1 + max);
  return Math.min(SHADES.length - 1, Math.floor(t * SHADES.length));
}

export async function renderMap(main, params) {
  const query = filterParams(params);
  const placeQuery = new URLSearchParams(query); placeQuery.set('limit', '500');
  const [world, countries, places] = await Promise.all([loadShapes(), getJson('/api/countries', query), getJson('/api/places', placeQuery)]);
  main.append(el('div', { class: 'view-head' },
    el('h1', null, 'Where events happen'),
    el('p', { class: 'muted' }, 'Shade: events whose source, target or place is in the country. Circles: event places. Click a country for its events.')));
  const counts = new Map(countries.map(c => [c.country, c.count]));
  const names = new Map(countries.map(c => [c.country, c.name]));
  const max = Math.max(1, ...countries.map(c => c.count));
  const chart = svg('svg', { class: 'chart map', id: 'map-chart', viewBox: `0 ${TOP.toFixed(1)} ${WIDTH} ${(BOTTOM - TOP).toFixed(1)}`, role: 'img', 'aria-label': 'world map' });
  chart.append(svg('rect', { x: 0, y: TOP, width: WIDTH, height: BOTTOM - TOP, class: 'sea' }));
  for (const shape of world) {
    const count = shape.iso3 ? counts.get(shape.iso3) || 0 : 0;
    const k = classOf(count, max);
    const path = svg('path', { class: 'country' + (count ? ' has-events' : ''), d: shape.d, fill: k < 0 ? '#e8eaee' : SHADES[k], 'data-country': shape.iso3 || '', 'data-count': count });
    const label = names.get(shape.iso3) || shape.name;
    tooltip(path, [`${label}${shape.iso3 ? ' (' + shape.iso3 + ')' : ''}`, `${number(count)} events`, count ? 'Click for these events' : '']);
    if (shape.iso3 && count) path.addEventListener('click', () => navigate(viewUrl('events', { country: shape.iso3, offset: null })));
    chart.append(path);
  }
  const maxPlace = Math.max(1, ...places.map(p => p.count));
  const size = n => 2 + 10 * Math.sqrt(n / maxPlace);
  for (const p of places) {
    if (p.lat === null || p.lon === null) continue;
    const [x, y] = project(p.lon, p.lat);
    // Points let clicks through to the country under them (small countries would be out of reach).
    chart.append(svg('circle', { class: 'point', cx: x, cy: y, r: size(p.count), 'data-place': p.name }));
  }
  main.append(el('div', { class: 'card' }, chart, legend(max, maxPlace, size)));

  const top = countries.slice(0, 12);
  const topPlaces = places.slice(0, 12);
  if (top.length) {
    const rows = top.map(c => el('tr', null,
      el('td', null, el('a', { href: viewUrl('events', { country: c.country, offset: null }), 'data-internal': '', 'data-country': c.country }, el('span', { class: 'code' }, c.country), ' ', c.name || '')),
      el('td', { class: 'num' }, number(c.count)),
      el('td', { class: 'bar-cell' }, bar(c.count / top[0].count))));
    const placeRows = topPlaces.map(p => el('tr', null,
      el('td', null, p.name, p.country ? el('span', { class: 'muted' }, ' ' + p.country) : null),
      el('td', { class: 'num' }, number(p.count)),
      el('td', { class: 'bar-cell' }, bar(p.count / topPlaces[0].count))));
    const head = first => el('thead', null, el('tr', null, el('th', null, first), el('th', { class: 'num' }, 'Events'), el('th', null, '')));
    main.append(el('div', { class: 'two' },
      el('div', { class: 'card' }, el('h2', null, 'Countries with the most events'), el('table', { class: 'grid compact', id: 'country-table' }, head('Country'), el('tbody', null, rows))),
      el('div', { class: 'card' }, el('h2', null, 'Places with the most events'), el('table', { class: 'grid compact', id: 'place-table' }, head('Place'), el('tbody', null, placeRows)))));
  }
}

function bar(share) {
  const b = el('span', { class: 'share' });
  b.style.width = `${Math.max(2, Math.round(share * 100))}%`;
  return b;
}

function legend(max, maxPlace, size) {
  const box = el('div', { class: 'legend', id: 'map-legend' });
  const scale = el('span', { class: 'scale' }, 'Events per country');
  scale.append(el('span', { class: 'scale-step' }, swatch('#e8eaee'), 'none'));
  for (let k = 0; k < SHADES.length; k++) {
    const upper = Math.round(Math.exp(Math.log(1 + max) * (k + 1) / SHADES.length) - 1);
    scale.append(el('span', { class: 'scale-step' }, swatch(SHADES[k]), `≤ ${number(Math.max(1, upper))}`));
  }
  const circles = el('span', { class: 'scale' }, 'Events per place');
  for (const n of [1, Math.round(maxPlace / 4), maxPlace]) {
    if (n < 1) continue;
    const r = size(n);
    const dot = svg('svg', { width: 2 * r + 4, height: 2 * r + 4, class: 'legend-dot' }, svg('circle', { cx: r + 2, cy: r + 2, r, class: 'point' }));
    circles.append(el('span', { class: 'scale-step' }, dot, number(n)));
  }
  box.append(scale, circles);
  return box;
}
