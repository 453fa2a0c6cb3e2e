// One article: its text with switchable annotation layers, and its events; clicking an event marks its evidence.
import { el, swatch, count } from './dom.js';
import { getJson, viewUrl } from './api.js';
import { eventList } from './events.js';

const LAYERS = [
  ['entities', 'Entities', '#dbe9ff'],
  ['places', 'Places', '#d7f2e3'],
  ['dates', 'Dates', '#fff0c2'],
  ['quotes', 'Quotes', '#efe3f7'],
];

// Splits the text at every annotation boundary; each piece is a <span> carrying the classes of what covers it.
function buildText(doc) {
  const spans = [];
  for (const e of doc.entities) spans.push({ start: e.start, end: e.end, cls: 'ent ent-' + e.type, title: `${e.type}: ${e.name || e.text}${e.actor ? ' [' + e.actor + ']' : ''}${e.kb ? ' ' + e.kb : ''}` });
  for (const p of doc.places) spans.push({ start: p.start, end: p.end, cls: 'place', title: `place: ${p.name || p.text}${p.country ? ' (' + p.country + ')' : ''}` });
  for (const d of doc.dates) spans.push({ start: d.start, end: d.end, cls: 'date', title: `date: ${d.value || '?'} (${d.grain})` });
  for (const q of doc.quotes) spans.push({ start: q.start, end: q.end, cls: 'quote', title: `quote${q.speaker_name || q.speaker ? ' by ' + (q.speaker_name || q.speaker) : ''}` });
  const text = doc.text;
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  for (const s of doc.sentences) { cuts.add(s.start); cuts.add(s.end); }
  for (const e of doc.events) { cuts.add(e.evidence.start); cuts.add(e.evidence.end); }
  const points = [...cuts].filter(c => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const container = el('div', { class: 'doc-text', id: 'doc-text' });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const covering = spans.filter(s => s.start <= a && s.end >= b);
    const piece = el('span', { 'data-start': a, 'data-end': b });
    piece.textContent = text.slice(a, b);
    if (covering.length) {
      piece.setAttribute('class', 'ann ' + covering.map(s => s.cls).join(' '));
      piece.title = covering.map(s => s.title).join('\n');
    }
    container.append(piece);
  }
  return container;
}

function highlightEvidence(container, start, end) {
  let first = null;
  for (const piece of container.children) {
    const a = Number(piece.dataset.start), b = Number(piece.dataset.end);
    const inside = a >= start && b <= end && b > a;
    piece.classList.toggle('evidence', inside);
    if (inside && !first) first = piece;
  }
  if (first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

export async function renderDocument(main, params) {
  const id = params.get('id');
  if (!id) { main.append(el('p', { class: 'empty' }, 'No article chosen.')); return; }
  const [doc, events] = await Promise.all([
    getJson('/api/documents/' + encodeURIComponent(id)),
    getJson('/api/events', new URLSearchParams({ document: id, limit: '500', sort: 'day' })),
  ]);
  main.append(el('div', { class: 'view-head' },
    el('h1', { id: 'doc-title' }, doc.title || doc.id),
    el('div', { class: 'meta' }, el('span', null, doc.published || 'undated'), el('span', null, doc.language), el('span', { class: 'code' }, doc.id),
      el('span', null, [count(doc.sentences.length, 'sentence'), count(doc.entities.length, 'entity', 'entities'), count(doc.places.length, 'place'), count(doc.dates.length, 'date'), count(doc.quotes.length, 'quote'), count(doc.events.length, 'event')].join(', ')),
      el('a', { href: viewUrl('events', { document: doc.id }), 'data-internal': '' }, 'events in the table'))));

  const text = buildText(doc);
  const wrapper = el('div', { class: 'show-entities show-places show-dates show-quotes' });
  const layers = el('div', { class: 'layers' }, el('span', { class: 'muted' }, 'Show:'));
  for (const [key, label, color] of LAYERS) {
    const box = el('input', { type: 'checkbox', name: key, checked: '' });
    box.addEventListener('change', () => wrapper.classList.toggle('show-' + key, box.checked));
    layers.append(el('label', null, box, ' ', swatch(color), label));
  }
  layers.append(el('span', { class: 'muted' }, 'Hover a mark for what it is.'));
  // Events in the order of the article, each with its sentence.
  const items = events.items.slice().sort((a, b) => a.index - b.index);
  const wanted = params.get('event') !== null ? Number(params.get('event')) : null;
  const side = el('aside', { class: 'doc-events' }, el('h2', null, `Events (${items.length})`),
    el('p', { class: 'muted' }, 'Click an event to mark its sentence in the text.'),
    eventList(items, { onSelect: e => highlightEvidence(text, e.evidence.start, e.evidence.end), selected: wanted }));
  wrapper.append(layers, text);
  main.append(el('div', { class: 'doc' }, wrapper, side));
}
