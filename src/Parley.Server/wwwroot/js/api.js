// The JSON API, and the filters every view shares. Filters live in the URL's query string, so a view with its
// filters is a link that can be kept, shared and reloaded.
export const FILTER_KEYS = ['q', 'from', 'to', 'actor', 'country', 'cameo', 'quad_class', 'distinct'];

// What each filter is called on screen.
export const FILTER_LABELS = {
  q: 'Text', from: 'From', to: 'To', actor: 'Actor', country: 'Country', cameo: 'Event type', quad_class: 'Quad class', distinct: 'Repeats merged',
};

export function currentParams() {
  return new URLSearchParams(window.location.search);
}

export function filterParams(params = currentParams()) {
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) out.set(key, value);
  }
  return out;
}

// A link to a view with the current filters, changed by `extra` (null or '' removes a key).
export function viewUrl(view, extra = {}, params = currentParams()) {
  const out = filterParams(params);
  out.set('view', view);
  for (const [k, v] of Object.entries(extra)) {
    if (v === null || v === undefined || v === '') out.delete(k); else out.set(k, v);
  }
  return '/?' + out.toString();
}

// A link to this view with some of its parameters changed (null or '' removes one); keeps everything else.
export function hereUrl(extra = {}, params = currentParams()) {
  const out = new URLSearchParams(params);
  for (const [k, v] of Object.entries(extra)) {
    if (v === null || v === undefined || v === '') out.delete(k); else out.set(k, v);
  }
  return '/?' + out.toString();
}

export async function getJson(path, params) {
  const query = params && params.toString();
  const response = await fetch(query ? `${path}?${query}` : path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try { const body = await response.json(); if (body && body.error) message = body.error; } catch { /* not JSON */ }
    throw new Error(message);
  }
  return response.json();
}

export const QUAD_NAMES = ['', 'Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'];
export const QUAD_COLORS = ['#8a94a6', '#2f7ebc', '#35a36b', '#f0993a', '#d4452b'];

export function quadName(q) {
  return QUAD_NAMES[q] || String(q);
}

// Goldstein -10 (red) .. 0 (grey) .. +10 (blue).
export function goldsteinColor(g) {
  const t = Math.max(-1, Math.min(1, g / 10));
  if (t >= 0) return `hsl(207, ${35 + 35 * t}%, ${58 - 16 * t}%)`;
  return `hsl(9, ${35 - 35 * t}%, ${58 + 10 * t}%)`;
}

export const CAMEO_ROOTS = [
  ['01', 'Make public statement'], ['02', 'Appeal'], ['03', 'Express intent to cooperate'], ['04', 'Consult'],
  ['05', 'Engage in diplomatic cooperation'], ['06', 'Engage in material cooperation'], ['07', 'Provide aid'], ['08', 'Yield'],
  ['09', 'Investigate'], ['10', 'Demand'], ['11', 'Disapprove'], ['12', 'Reject'], ['13', 'Threaten'], ['14', 'Protest'],
  ['15', 'Exhibit force posture'], ['16', 'Reduce relations'], ['17', 'Coerce'], ['18', 'Assault'], ['19', 'Fight'],
  ['20', 'Use unconventional mass violence'],
];

export function cameoRootName(code) {
  const root = (code || '').slice(0, 2);
  const found = CAMEO_ROOTS.find(([c]) => c === root);
  return found ? found[1] : null;
}

// How a filter value reads on screen ("cameo 19" reads "19 Fight").
export function filterValueLabel(key, value) {
  if (key === 'cameo') { const name = cameoRootName(value); return name && value.length <= 2 ? `${value} ${name}` : value; }
  if (key === 'quad_class') return `${value} ${quadName(Number(value))}`;
  if (key === 'distinct') return 'yes';
  return value;
}
