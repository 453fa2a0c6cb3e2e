// The JSON API and the filters shared by every view (kept in the URL's query string).
export const FILTER_KEYS = ['from', 'to', 'actor', 'country', 'cameo', 'distinct'];

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

export function viewUrl(view, extra = {}, params = currentParams()) {
  const out = filterParams(params);
  out.set('view', view);
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

export function quadName(q) {
  return ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'][q] || String(q);
}

export const QUAD_COLORS = ['#999', '#2b8cbe', '#31a354', '#fd8d3c', '#d7301f'];

export const CAMEO_ROOTS = [
  ['01', 'make public statement'], ['02', 'appeal'], ['03', 'express intent to cooperate'], ['04', 'consult'],
  ['05', 'engage in diplomatic cooperation'], ['06', 'engage in material cooperation'], ['07', 'provide aid'], ['08', 'yield'],
  ['09', 'investigate'], ['10', 'demand'], ['11', 'disapprove'], ['12', 'reject'], ['13', 'threaten'], ['14', 'protest'],
  ['15', 'exhibit force posture'], ['16', 'reduce relations'], ['17', 'coerce'], ['18', 'assault'], ['19', 'fight'],
  ['20', 'use unconventional mass violence'],
];
