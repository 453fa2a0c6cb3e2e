// Events: a table of the events the filters select, a page at a time, sortable by its columns, with a choice of
// columns and exports of everything selected; and the event lists of the article and story views.
import { el, number, swatch } from './dom.js';
import { getJson, filterParams, viewUrl, hereUrl, currentParams, quadName, QUAD_COLORS, goldsteinColor } from './api.js';

// Drill-down parameters a link may add to the shared filters (an edge of the network: source and target).
export const DRILL_KEYS = ['document', 'story', 'source', 'target'];
const DRILL_LABELS = { document: 'Article', story: 'Story', source: 'Source', target: 'Target' };

function actorCell(a) {
  if (!a) return el('span', { class: 'muted' }, '—');
  return el('span', { class: 'actor' },
    a.actor ? el('span', { class: 'code' }, a.actor) : null,
    el('span', { class: 'actor-name' }, a.name || a.text));
}

function labelled(code, label) {
  return el('span', { class: 'labelled' }, el('span', { class: 'code' }, code), label ? el('span', { class: 'label' }, label) : null);
}

export function quadChip(q) {
  const chip = el('span', { class: 'quad q' + q }, swatch(QUAD_COLORS[q], 'dot'), quadName(q));
  return chip;
}

export function goldsteinCell(g) {
  const cell = el('span', { class: 'goldstein' }, (g > 0 ? '+' : '') + Number(g).toFixed(1));
  cell.style.color = goldsteinColor(g);
  return cell;
}

export function dateCell(e) {
  if (e.day && (!e.date_grain || e.date_grain === 'day')) return el('span', { class: 'date' }, e.day, e.date ? null : el('span', { class: 'grain', title: 'undated: filed under the publication day' }, 'published'));
  if (e.date) return el('span', { class: 'date' }, e.date, el('span', { class: 'grain', title: `dated only to a ${e.date_grain}` }, e.date_grain));
  return el('span', { class: 'muted' }, 'undated');
}

// Every column the table can show: header, sort key (null: not sortable), cell, and whether it shows by default.
const COLUMNS = [
  { key: 'date', title: 'Date', sort: 'day', cell: dateCell, shown: true },
  { key: 'source', title: 'Source', sort: 'source', cell: e => actorCell(e.source), shown: true, wide: true },
  { key: 'event', title: 'Event', sort: 'cameo', cell: e => labelled(e.cameo, e.labels.cameo), shown: true, wide: true },
  { key: 'target', title: 'Target', sort: 'target', cell: e => actorCell(e.target), shown: true, wide: true },
  { key: 'quad', title: 'Quad class', sort: 'quad_class', cell: e => quadChip(e.quad_class), shown: true },
  { key: 'goldstein', title: 'Goldstein', sort: 'goldstein', cell: e => goldsteinCell(e.goldstein), shown: true, numeric: true },
  { key: 'place', title: 'Place', sort: 'place', cell: e => e.place ? el('span', null, e.place.name, e.labels.place_country ? el('span', { class: 'muted' }, ', ' + e.labels.place_country) : null) : el('span', { class: 'muted' }, '—'), shown: true },
  { key: 'article', title: 'Article', sort: null, cell: e => el('a', { href: viewUrl('doc', { id: e.document_id, event: String(e.index), offset: null, sort: null, cols: null }), 'data-internal': '' }, e.document_title || e.document_id), shown: true, wide: true },
  { key: 'sentence', title: 'Sentence', sort: null, cell: e => el('span', { class: 'sentence' }, e.sentence_text || ''), shown: false, wide: true },
  { key: 'codes', title: 'Actor codes in words', sort: null, cell: e => el('span', { class: 'muted' }, [e.labels.source, e.labels.target].filter(Boolean).join(' → ')), shown: false, wide: true },
  { key: 'plover', title: 'PLOVER', sort: null, cell: e => e.plover || '—', shown: false },
  { key: 'confidence', title: 'Confidence', sort: null, cell: e => Number(e.confidence).toFixed(2), shown: false, numeric: true },
  { key: 'reports', title: 'Reports', sort: null, cell: e => String(e.reports), shown: false, numeric: true },
  { key: 'published', title: 'Published', sort: null, cell: e => e.published || '—', shown: false },
  { key: 'rule', title: 'Rule', sort: null, cell: e => el('span', { class: 'code' }, e.rule), shown: false },
];

function shownColumns(params) {
  const chosen = params.get('cols');
  if (!chosen) return COLUMNS.filter(c => c.shown);
  const keys = chosen.split(',');
  const list = COLUMNS.filter(c => keys.includes(c.key));
  return list.length ? list : COLUMNS.filter(c => c.shown);
}

// The query of the events view: the shared filters, the drill-down parameters, the order.
export function eventQuery(params) {
  const query = filterParams(params);
  for (const key of DRILL_KEYS) if (params.get(key)) query.set(key, params.get(key));
  if (params.get('sort')) query.set('sort', params.get('sort'));
  return query;
}

// Links that download every event the current filters select, in each export format.
export function exportLinks(params) {
  const query = eventQuery(params);
  const q = query.toString();
  const link = (ext, text, title) => el('a', { class: 'export', href: `/api/events.${ext}${q ? '?' + q : ''}`, download: '', 'data-format': ext, title }, text);
  return el('div', { class: 'exports', id: 'exports' }, el('span', { class: 'muted' }, 'Export these events:'),
    link('csv', 'CSV', 'one row per event, with names beside codes'), link('jsonl', 'JSONL', 'the API items, one per line'),
    link('tsv', 'GDELT', 'GDELT 2.0 event rows (61 columns)'), link('parquet', 'Parquet', 'typed columns, dates as dates'));
}

export function pager(total, limit, offset, urlFor) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  const nav = el('nav', { class: 'pager', 'aria-label': 'pages' });
  const go = (p, text, label) => p < 1 || p > pages || p === page
    ? el('span', { class: 'page disabled' }, text)
    : el('a', { class: 'page', href: urlFor((p - 1) * limit), 'data-internal': '', 'aria-label': label }, text);
  nav.append(go(1, '«', 'first page'), go(page - 1, '‹ Previous', 'previous page'),
    el('span', { class: 'page-info' }, `${number(total === 0 ? 0 : offset + 1)}–${number(Math.min(total, offset + limit))} of ${number(total)}`),
    go(page + 1, 'Next ›', 'next page'), go(pages, '»', 'last page'));
  return nav;
}

function columnChooser(params, shown) {
  const box = el('details', { class: 'columns', id: 'column-chooser' }, el('summary', null, 'Columns'));
  const list = el('div', { class: 'column-list' });
  for (const c of COLUMNS) {
    const input = el('input', { type: 'checkbox', name: c.key, checked: shown.includes(c) ? '' : null });
    input.addEventListener('change', () => {
      const keys = [...list.querySelectorAll('input:checked')].map(i => i.name);
      const next = currentParams();
      if (keys.length) next.set('cols', keys.join(',')); else next.delete('cols');
      import('./app.js').then(app => app.navigate('/?' + next.toString()));
    });
    list.append(el('label', null, input, ' ', c.title));
  }
  box.append(list);
  return box;
}

function drillChips(params) {
  const present = DRILL_KEYS.filter(k => params.get(k));
  if (!present.length) return null;
  const bar = el('div', { class: 'drill' }, el('span', { class: 'muted' }, 'Drilled down to:'));
  for (const key of present) {
    bar.append(el('span', { class: 'chip drill-chip', 'data-drill': key }, el('span', { class: 'chip-key' }, DRILL_LABELS[key]), ' ', params.get(key),
      el('a', { class: 'chip-x', href: hereUrl({ [key]: null, offset: null }), 'data-internal': '', 'aria-label': `remove ${DRILL_LABELS[key]}` }, '×')));
  }
  return bar;
}

export async function renderEvents(main, params) {
  const limit = [25, 50, 100, 200].includes(Number(params.get('limit'))) ? Number(params.get('limit')) : 50;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const sort = params.get('sort') || '-day';
  const query = eventQuery(params);
  query.set('limit', String(limit));
  query.set('offset', String(offset));
  const page = await getJson('/api/events', query);
  const shown = shownColumns(params);

  const size = el('select', { name: 'limit', 'aria-label': 'events per page' });
  for (const n of [25, 50, 100, 200]) size.append(el('option', { value: String(n), selected: n === limit ? '' : null }, `${n} a page`));
  size.addEventListener('change', () => import('./app.js').then(app => app.navigate(hereUrl({ limit: size.value === '50' ? null : size.value, offset: null }))));

  main.append(el('div', { class: 'view-head split' },
    el('div', null, el('h1', null, `${number(page.total)} events`),
      el('p', { class: 'muted' }, 'Click a column heading to sort, a row to read its article with the event marked.')),
    el('div', { class: 'table-tools' }, columnChooser(params, shown), size)));
  const drill = drillChips(params);
  if (drill) main.append(drill);
  if (page.items.length === 0) { main.append(el('p', { class: 'empty' }, 'No event matches these filters.')); return; }

  const head = el('tr');
  for (const c of shown) {
    const th = el('th', { scope: 'col', 'data-col': c.key, class: c.numeric ? 'num' : null });
    if (c.sort) {
      const active = sort === c.sort || sort === '-' + c.sort;
      const descending = sort === '-' + c.sort;
      const next = active && !descending ? '-' + c.sort : active ? c.sort : (c.sort === 'day' || c.sort === 'goldstein' ? '-' + c.sort : c.sort);
      th.append(el('a', { href: hereUrl({ sort: next === '-day' ? null : next, offset: null }), 'data-internal': '', class: 'sort' + (active ? ' active' : '') },
        c.title, active ? (descending ? ' ▼' : ' ▲') : ''));
      th.setAttribute('aria-sort', active ? (descending ? 'descending' : 'ascending') : 'none');
    } else th.append(c.title);
    head.append(th);
  }
  const body = el('tbody');
  for (const e of page.items) {
    const row = el('tr', { class: 'q' + e.quad_class, 'data-document': e.document_id, 'data-index': e.index });
    for (const c of shown) row.append(el('td', { 'data-col': c.key, class: [c.numeric ? 'num' : '', c.wide ? 'wide' : ''].join(' ').trim() || null }, c.cell(e)));
    row.addEventListener('click', event => {
      if (event.target.closest('a')) return;
      import('./app.js').then(app => app.navigate(viewUrl('doc', { id: e.document_id, event: String(e.index), offset: null, sort: null, cols: null })));
    });
    body.append(row);
  }
  main.append(el('div', { class: 'table-wrap' }, el('table', { class: 'grid', id: 'event-table' }, el('thead', null, head), body)),
    pager(page.total, limit, offset, o => hereUrl({ offset: o ? String(o) : null })));
}

// A list of events (for an article or a story): actors with names, the event in words, when, where, the sentence.
export function eventList(items, { showDocument = false, onSelect = null, selected = null } = {}) {
  if (items.length === 0) return el('p', { class: 'empty' }, 'No events.');
  const list = el('ul', { class: 'events' });
  items.forEach((e, i) => {
    const item = el('li', { class: 'q' + e.quad_class, 'data-index': e.index ?? i, 'data-evidence-start': e.evidence.start, 'data-evidence-end': e.evidence.end },
      el('div', { class: 'event-line' }, actorCell(e.source), el('span', { class: 'arrow' }, '→'),
        labelled(e.cameo, (e.labels && e.labels.cameo) || e.plover), el('span', { class: 'arrow' }, '→'), actorCell(e.target), e.negated ? el('span', { class: 'neg' }, 'negated') : null),
      el('div', { class: 'meta' }, dateCell(e), quadChip(e.quad_class), goldsteinCell(e.goldstein), e.place ? el('span', null, 'in ' + e.place.name) : null,
        e.reports > 1 ? el('span', null, e.repeat ? `repeats an earlier report (${e.reports} reports)` : `${e.reports} reports in this story`) : null),
      e.sentence_text ? el('div', { class: 'sentence' }, e.sentence_text) : null,
      showDocument ? el('a', { href: viewUrl('doc', { id: e.document_id, event: String(e.index) }), 'data-internal': '', class: 'meta' }, e.document_title || e.document_id) : null);
    if (onSelect) item.addEventListener('click', () => {
      for (const other of list.querySelectorAll('li.selected')) other.classList.remove('selected');
      item.classList.add('selected');
      onSelect(e);
    });
    list.append(item);
    if (selected !== null && (e.index ?? i) === selected) setTimeout(() => item.click(), 0);
  });
  return list;
}
