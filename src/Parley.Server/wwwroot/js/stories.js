// Stories: groups of articles about one development, latest first; a story shows its articles and its events.
import { el, number } from './dom.js';
import { getJson, viewUrl, hereUrl, filterParams } from './api.js';
import { pager, eventList } from './events.js';
import { renderTimelineMini } from './sparkline.js';

const PAGE = 25;

export async function renderStories(main, params) {
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const query = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  if (params.get('q')) query.set('q', params.get('q'));
  const page = await getJson('/api/stories', query);
  main.append(el('div', { class: 'view-head' },
    el('h1', null, `${number(page.total)} stories`),
    el('p', { class: 'muted' }, 'Articles grouped by the development they report, latest first' + (params.get('q') ? `; titles containing “${params.get('q')}”.` : '.'))));
  if (page.items.length === 0) { main.append(el('p', { class: 'empty' }, 'No story.')); return; }
  const list = el('ul', { class: 'stories', id: 'story-list' });
  for (const s of page.items) {
    list.append(el('li', { 'data-story': s.id },
      el('a', { class: 'hit-title', href: viewUrl('story', { story: s.id, offset: null }), 'data-internal': '' }, s.title || s.id),
      el('div', { class: 'meta' }, el('span', null, s.first === s.last ? s.first || 'undated' : `${s.first} to ${s.last}`),
        el('span', null, `${number(s.documents.length)} article${s.documents.length === 1 ? '' : 's'}`),
        el('a', { href: viewUrl('events', { story: s.id, offset: null }), 'data-internal': '' }, 'events in the table'))));
  }
  main.append(list, pager(page.total, PAGE, offset, o => hereUrl({ offset: o ? String(o) : null })));
}

export async function renderStory(main, params) {
  const id = params.get('story');
  if (!id) { main.append(el('p', { class: 'empty' }, 'No story chosen.')); return; }
  const eventQuery = filterParams(params);
  eventQuery.set('story', id);
  eventQuery.set('limit', '200');
  eventQuery.set('sort', 'day');
  const [story, events, timeline] = await Promise.all([
    getJson('/api/stories/' + encodeURIComponent(id)),
    getJson('/api/events', eventQuery),
    getJson('/api/timeline', new URLSearchParams([...filterParams(params), ['story', id]])),
  ]);
  const docs = await getJson('/api/documents', new URLSearchParams({ story: id, limit: '100' }));
  main.append(el('div', { class: 'view-head' },
    el('h1', { id: 'story-title' }, story.title || story.id),
    el('div', { class: 'meta' }, el('span', null, story.first === story.last ? story.first || 'undated' : `${story.first} to ${story.last}`),
      el('span', null, `${number(story.documents.length)} articles`), el('span', null, `${number(events.total)} events`),
      el('a', { href: viewUrl('events', { story: id }), 'data-internal': '' }, 'all events in the table'))));
  main.append(el('div', { class: 'card' }, el('h2', null, 'Events over time'), renderTimelineMini(timeline)));
  const articles = el('ul', { class: 'hits compact', id: 'story-articles' });
  for (const d of docs.items) {
    articles.append(el('li', null, el('a', { class: 'hit-title', href: viewUrl('doc', { id: d.id }), 'data-internal': '' }, d.title || d.id),
      el('div', { class: 'meta' }, el('span', null, d.published || 'undated'), d.source ? el('span', null, d.source) : null, el('span', null, `${d.events} events`))));
  }
  main.append(el('div', { class: 'story' },
    el('section', null, el('h2', null, 'Articles'), articles),
    el('section', null, el('h2', null, `Events${events.total > events.items.length ? ` (first ${events.items.length} of ${number(events.total)})` : ''}`),
      eventList(events.items, { showDocument: true }))));
}
