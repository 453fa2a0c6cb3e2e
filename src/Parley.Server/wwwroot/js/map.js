// World map: countries shaded by the number of matching events, event places as points. Country shapes come
// from the vendored world-atlas TopoJSON, decoded here and drawn with an equirectangular projection (no tiles).
import { el, svg } from './dom.js';
import { getJson, filterParams, viewUrl } from './api.js';
import { navigate } from './app.js';

const WIDTH = 1000, HEIGHT = 500;
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

function shade(count, max) {
  if (!count) return '#e4e7ec';
  const t = Math.log(1 + count) / Math.log(1 + max);
  const light = Math.round(88 - 55 * t);
  return `hsl(12, 75%, ${light}%)`;
}

export async function renderMap(main, params) {
  const query = filterParams(params);
  const placeQuery = new URLSearchParams(query); placeQuery.set('limit', '500');
  const [world, countries, places] = await Promise.all([loadShapes(), getJson('/api/countries', query), getJson('/api/places', placeQuery)]);
  main.append(el('h2', null, 'Events by country and place'),
    el('p', { class: 'meta' }, 'Country shade: events whose source, target or place is in the country. Points: event places. Click a country to filter by it.'));
  const counts = new Map(countries.map(c => [c.country, c.count]));
  const max = Math.max(1, ...countries.map(c => c.count));
  const chart = svg('svg', { class: 'chart', id: 'map-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'world map' });
  chart.append(svg('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: '#f3f7fb' }));
  for (const shape of world) {
    const count = shape.iso3 ? counts.get(shape.iso3) || 0 : 0;
    const path = svg('path', { class: 'country', d: shape.d, fill: shade(count, max), 'data-country': shape.iso3 || '' },
      svg('title', null, `${shape.name}${shape.iso3 ? ' (' + shape.iso3 + ')' : ''}: ${count} events`));
    if (shape.iso3) path.addEventListener('click', () => navigate(viewUrl('map', { country: shape.iso3 })));
    chart.append(path);
  }
  const maxPlace = Math.max(1, ...places.map(p => p.count));
  for (const p of places) {
    if (p.lat === null || p.lon === null) continue;
    const [x, y] = project(p.lon, p.lat);
    chart.append(svg('circle', { class: 'point', cx: x, cy: y, r: 2 + 8 * Math.sqrt(p.count / maxPlace) },
      svg('title', null, `${p.name}${p.country ? ' (' + p.country + ')' : ''}: ${p.count} events`)));
  }
  main.append(chart);
  const top = countries.slice(0, 15);
  if (top.length) {
    main.append(el('h3', null, 'Countries with most events'),
      el('table', { class: 'list' }, el('tbody', null, top.map(c => el('tr', null,
        el('td', null, el('a', { href: viewUrl('map', { country: c.country }), 'data-internal': '' }, c.country)), el('td', null, String(c.count)))))));
  }
}
