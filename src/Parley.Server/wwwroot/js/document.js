// One article: its text with switchable annotation layers, and its events; clicking an event marks its evidence.
import { el } from './dom.js';
import { getJson } from './api.js';
import { eventList } from './events.js';

const LAYERS = [
  ['entities', 'Entities (PER, ORG, LOC, MISC)'],
  ['places', 'Places'],
  ['dates', 'Dates'],
  ['quotes', 'Quotes'],
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
  if (!id) { main.append(el('p', { class: 'empty' }, 'No document chosen.')); return; }
  const doc = await getJson('/api/documents/' + encodeURIComponent(id));
  main.append(el('h1', { id: 'doc-title' }, doc.title || doc.id));
  main.append(el('div', { class: 'meta' }, [doc.published || 'undated', doc.language, `id ${doc.id}`,
    `${doc.sentences.length} sentences, ${doc.entities.length} entities, ${doc.places.length} places, ${doc.dates.length} dates, ${doc.quotes.length} quotes, ${doc.events.length} events`].join(' · ')));

  const text = buildText(doc);
  const wrapper = el('div', { class: 'show-entities show-places show-dates show-quotes' });
  const layers = el('div', { class: 'layers' });
  for (const [key, label] of LAYERS) {
    const box = el('input', { type: 'checkbox', name: key, checked: '' });
    box.addEventListener('change', () => wrapper.classList.toggle('show-' + key, box.checked));
    layers.append(el('label', null, box, ' ', label));
  }

  const events = doc.events.map((e, index) => ({
    ...e, index,
    sentence_text: doc.sentences[e.sentence] ? doc.text.slice(doc.sentences[e.sentence].start, doc.sentences[e.sentence].end) : null,
  }));
  const side = el('div', null, el('h2', null, `Events (${events.length})`),
    eventList(events, { onSelect: e => highlightEvidence(text, e.evidence.start, e.evidence.end) }));
  wrapper.append(layers, text);
  main.append(el('div', { class: 'doc' }, wrapper, side));
}
