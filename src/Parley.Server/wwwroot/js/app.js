// Entry point: reads the URL (view + shared filters), keeps the filter bar and its chips in step with it, and draws
// the chosen view. Every view reads the same filters, so a filter set here narrows articles, events, the timeline,
// the network and the map alike.
import { el, clear, count } from './dom.js';
import { currentParams, filterParams, getJson, CAMEO_ROOTS, FILTER_KEYS, FILTER_LABELS, QUAD_NAMES, filterValueLabel } from './api.js';
import { attachSuggest, resolveCode, nameOf } from './suggest.js';
import { renderArticles } from './articles.js';
import { renderDocument } from './document.js';
import { renderEvents, exportLinks } from './events.js';
import { renderTimeline } from './timeline.js';
import { renderNetwork } from './network.js';
import { renderMap } from './map.js';
import { renderStories, renderStory } from './stories.js';

const views = {
  articles: renderArticles, search: renderArticles, doc: renderDocument, events: renderEvents, timeline: renderTimeline,
  network: renderNetwork, map: renderMap, stories: renderStories, story: renderStory,
};
// Which nav entry a view belongs to.
const navOf = { search: 'articles', doc: 'articles', story: 'stories' };

export function navigate(url) {
  history.pushState(null, '', url);
  route();
}

const suggesters = {};

function fillFilterForm(params) {
  const form = document.getElementById('filters');
  const cameo = form.elements.cameo;
  if (cameo.options.length === 0) {
    cameo.append(el('option', { value: '' }, 'any'));
    for (const [code, name] of CAMEO_ROOTS) cameo.append(el('option', { value: code }, `${code} ${name}`));
  }
  const quad = form.elements.quad_class;
  if (quad.options.length === 0) {
    quad.append(el('option', { value: '' }, 'any'));
    for (let q = 1; q <= 4; q++) quad.append(el('option', { value: String(q) }, `${q} ${QUAD_NAMES[q]}`));
  }
  for (const key of FILTER_KEYS) {
    const input = form.elements[key];
    const value = params.get(key) || '';
    if (input.type === 'checkbox') input.checked = value === 'true';
    else if (input.tagName === 'SELECT' && value && ![...input.options].some(o => o.value === value)) {
      // A code prefix the list does not hold (a link to "cameo=0362", say) is kept as it is.
      input.append(el('option', { value }, value));
      input.value = value;
    } else input.value = value;
  }
  for (const s of Object.values(suggesters)) s.showName();
}

async function readFilterForm() {
  const form = document.getElementById('filters');
  const params = currentParams();
  for (const key of FILTER_KEYS) {
    const input = form.elements[key];
    let value = input.type === 'checkbox' ? (input.checked ? 'true' : '') : input.value.trim();
    // A name typed without picking a suggestion ("Afghanistan") stands for its code.
    if (value && (key === 'actor' || key === 'country')) {
      const code = await resolveCode(key, value);
      if (code === null) { input.setCustomValidity(`no ${key} matches "${value}"`); input.reportValidity(); return null; }
      input.setCustomValidity('');
      value = code;
    }
    if (value) params.set(key, value); else params.delete(key);
  }
  params.delete('offset');
  return params;
}

function bindFilterForm() {
  const form = document.getElementById('filters');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const params = await readFilterForm();
    if (params) navigate('/?' + params.toString());
  });
  for (const input of form.querySelectorAll('[data-suggest]')) {
    const field = input.dataset.suggest;
    suggesters[field] = attachSuggest(input, field, () => form.requestSubmit());
    input.addEventListener('input', () => input.setCustomValidity(''));
  }
  for (const select of form.querySelectorAll('select')) select.addEventListener('change', () => form.requestSubmit());
  form.elements.distinct.addEventListener('change', () => form.requestSubmit());
}

// The active filters as chips (each removable), and the export links for the events they select.
async function drawChips(params) {
  const bar = clear(document.getElementById('chips'));
  const active = FILTER_KEYS.filter(k => params.get(k));
  const chips = el('div', { class: 'chip-list' });
  if (active.length === 0) chips.append(el('span', { class: 'muted' }, 'No filters: everything in the store.'));
  for (const key of active) {
    const value = params.get(key);
    const chip = el('span', { class: 'chip', 'data-filter': key },
      el('span', { class: 'chip-key' }, FILTER_LABELS[key]), ' ', filterValueLabel(key, value));
    const remove = el('button', { type: 'button', class: 'chip-x', 'aria-label': `remove the ${FILTER_LABELS[key]} filter` }, '×');
    remove.addEventListener('click', () => {
      const next = currentParams();
      next.delete(key);
      next.delete('offset');
      navigate('/?' + next.toString());
    });
    chip.append(remove);
    chips.append(chip);
    if (key === 'actor' || key === 'country') {
      nameOf(key, value).then(name => { if (name) chip.insertBefore(el('span', { class: 'chip-name' }, ' ' + name), remove); });
    }
  }
  if (active.length > 1) {
    const clearAll = el('button', { type: 'button', class: 'link', id: 'clear-filters' }, 'Clear all');
    clearAll.addEventListener('click', () => {
      const next = currentParams();
      for (const key of FILTER_KEYS) next.delete(key);
      next.delete('offset');
      navigate('/?' + next.toString());
    });
    chips.append(clearAll);
  }
  bar.append(chips, exportLinks(params));
}

// Links inside the app change the view without reloading the page.
function bindLinks() {
  document.addEventListener('click', event => {
    const link = event.target.closest && event.target.closest('a[data-internal], #nav a');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    const target = new URL(link.href, window.location.origin);
    const next = new URLSearchParams(target.search);
    // Nav links keep the current filters.
    if (link.closest('#nav')) {
      const params = filterParams();
      for (const [k, v] of params) next.set(k, v);
    }
    navigate('/?' + next.toString());
  });
}

async function route() {
  const params = currentParams();
  const view = views[params.get('view')] ? params.get('view') : 'articles';
  fillFilterForm(params);
  drawChips(params);
  const current = navOf[view] || view;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.view === current);
  const main = clear(document.getElementById('main'));
  main.dataset.view = view;
  main.dataset.ready = 'false';
  main.append(el('p', { class: 'loading' }, 'Loading…'));
  const content = el('div', { class: 'view' });
  try {
    await views[view](content, params);
  } catch (error) {
    content.append(el('p', { class: 'error' }, 'Could not load this view: ' + error.message));
  }
  clear(main).append(content);
  main.dataset.ready = 'true';
}

async function showStats() {
  try {
    const s = await getJson('/api/stats');
    document.getElementById('stats').textContent =
      `${count(s.documents, 'article')} · ${count(s.events, 'event')} · ${count(s.stories, 'story', 'stories')}`;
  } catch { /* the header line is optional */ }
}

window.addEventListener('popstate', route);
bindFilterForm();
bindLinks();
showStats();
route();
