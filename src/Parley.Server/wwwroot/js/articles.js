// Articles: the documents the filters select (full-text search with q, publication dates with from/to, and the event
// filters keep articles reporting a matching event), newest first or by relevance, a page at a time.
import { el, snippet, number } from './dom.js';
import { getJson, filterParams, viewUrl, hereUrl } from './api.js';
import { pager } from './events.js';

const PAGE = 20;

export async function renderArticles(main, params) {
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const query = filterParams(params);
  query.set('limit', String(PAGE));
  query.set('offset', String(offset));
  const docs = await getJson('/api/documents', query);
  const q = params.get('q');
  const filtered = [...filterParams(params).keys()].some(k => k !== 'q');
  main.append(el('div', { class: 'view-head' },
    el('h1', null, q ? `${number(docs.total)} articles match “${q}”` : filtered ? `${number(docs.total)} articles with the filters` : `Latest articles`),
    el('p', { class: 'muted' }, filtered
      ? 'Articles published in the date range that report at least one event matching the actor, country and event filters.'
      : 'Every article in the store, newest first. Set filters above to narrow every view at once.')));
  if (docs.items.length === 0) { main.append(el('p', { class: 'empty' }, 'No article matches.')); return; }
  const list = el('ul', { class: 'hits', id: 'hits' });
  for (const d of docs.items) {
    list.append(el('li', { 'data-id': d.id },
      el('a', { class: 'hit-title', href: viewUrl('doc', { id: d.id, offset: null }), 'data-internal': '' }, d.title || d.id),
      el('div', { class: 'meta' },
        el('span', null, d.published || 'undated'), d.source ? el('span', null, d.source) : null,
        d.events ? el('a', { href: viewUrl('events', { document: d.id, offset: null }), 'data-internal': '' }, `${number(d.events)} events`) : el('span', null, 'no events'),
        d.url ? el('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, 'source ↗') : null),
      d.snippet ? snippet(q || d.snippet.length < 240 ? d.snippet : d.snippet + '…') : null));
  }
  main.append(list, pager(docs.total, PAGE, offset, o => hereUrl({ offset: o ? String(o) : null })));
}
