// Search: full-text query over the documents, with highlighted snippets, and the matching events below.
import { el, snippet } from './dom.js';
import { getJson, filterParams, viewUrl } from './api.js';
import { navigate } from './app.js';
import { eventList } from './events.js';

export async function renderSearch(main, params) {
  const q = params.get('q') || '';
  const input = el('input', { type: 'search', name: 'q', placeholder: 'Search articles (e.g. Taliban talks)', 'aria-label': 'search' });
  input.value = q;
  const form = el('form', { class: 'searchbox', role: 'search' }, input, el('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    navigate(viewUrl('search', { q: input.value.trim() }));
  });
  main.append(form);

  const docParams = new URLSearchParams({ limit: '20' });
  if (q) docParams.set('q', q);
  const eventParams = filterParams(params);
  eventParams.set('limit', '20');
  if (q) eventParams.set('q', q);
  const [docs, events] = await Promise.all([getJson('/api/documents', docParams), getJson('/api/events', eventParams)]);

  main.append(el('h2', null, q ? `${docs.total.toLocaleString()} articles match` : `Latest articles (${docs.total.toLocaleString()})`));
  if (docs.items.length === 0) main.append(el('p', { class: 'empty' }, 'No article matches.'));
  const list = el('ul', { class: 'hits', id: 'hits' });
  for (const d of docs.items) {
    list.append(el('li', null,
      el('a', { class: 'hit-title', href: viewUrl('doc', { id: d.id, q: null }), 'data-internal': '' }, d.title || d.id),
      el('div', { class: 'meta' }, [d.published || 'undated', d.source, `${d.events} events`].filter(Boolean).join(' · ')),
      d.snippet ? snippet(d.snippet) : null));
  }
  main.append(list);

  main.append(el('h2', null, `Events (${events.total.toLocaleString()} with the filters${q ? ' in matching articles' : ''})`));
  main.append(eventList(events.items, { showDocument: true }));
}
