// Entry point: reads the URL (view + shared filters), draws the filter bar and the chosen view.
import { el, clear } from './dom.js';
import { currentParams, getJson, CAMEO_ROOTS, FILTER_KEYS } from './api.js';
import { renderSearch } from './search.js';
import { renderDocument } from './document.js';
import { renderTimeline } from './timeline.js';
import { renderNetwork } from './network.js';
import { renderMap } from './map.js';

const views = { search: renderSearch, doc: renderDocument, timeline: renderTimeline, network: renderNetwork, map: renderMap };

export function navigate(url) {
  history.pushState(null, '', url);
  route();
}

function fillFilterForm(params) {
  const form = document.getElementById('filters');
  const select = form.elements.cameo;
  if (select.options.length === 0) {
    select.append(el('option', { value: '' }, 'any'));
    for (const [code, name] of CAMEO_ROOTS) select.append(el('option', { value: code }, `${code} ${name}`));
  }
  for (const key of FILTER_KEYS) {
    const input = form.elements[key];
    if (input.type === 'checkbox') input.checked = params.get(key) === 'true'; else input.value = params.get(key) || '';
  }
}

function bindFilterForm() {
  const form = document.getElementById('filters');
  form.addEventListener('submit', event => {
    event.preventDefault();
    const params = currentParams();
    for (const key of FILTER_KEYS) {
      const input = form.elements[key];
      const value = input.type === 'checkbox' ? (input.checked ? 'true' : '') : input.value.trim();
      if (value) params.set(key, key === 'country' || key === 'actor' ? value.toUpperCase() : value); else params.delete(key);
    }
    params.delete('offset');
    navigate('/?' + params.toString());
  });
  document.getElementById('clear-filters').addEventListener('click', () => {
    const params = currentParams();
    for (const key of FILTER_KEYS) params.delete(key);
    navigate('/?' + params.toString());
  });
}

// Links inside the app change the view without reloading the page.
function bindLinks() {
  document.addEventListener('click', event => {
    const link = event.target.closest && event.target.closest('a[data-internal], #nav a');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    const target = new URL(link.href, window.location.origin);
    const params = currentParams();
    const next = new URLSearchParams(target.search);
    // Nav links keep the current filters.
    if (link.closest('#nav')) for (const key of FILTER_KEYS) if (params.get(key)) next.set(key, params.get(key));
    navigate('/?' + next.toString());
  });
}

async function route() {
  const params = currentParams();
  const view = views[params.get('view')] ? params.get('view') : 'search';
  fillFilterForm(params);
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.view === view);
  const main = clear(document.getElementById('main'));
  main.dataset.view = view;
  main.dataset.ready = 'false';
  try {
    await views[view](main, params);
  } catch (error) {
    main.append(el('p', { class: 'error' }, 'Could not load this view: ' + error.message));
  }
  main.dataset.ready = 'true';
}

async function showStats() {
  try {
    const s = await getJson('/api/stats');
    document.getElementById('stats').textContent =
      `${s.documents.toLocaleString()} documents · ${s.events.toLocaleString()} events · ${s.entities.toLocaleString()} entities`;
  } catch { /* the header line is optional */ }
}

window.addEventListener('popstate', route);
bindFilterForm();
bindLinks();
showStats();
route();
