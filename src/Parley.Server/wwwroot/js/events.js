// A list of events: actors, CAMEO code, quad class and the evidence sentence.
import { el } from './dom.js';
import { quadName, viewUrl } from './api.js';

function actorLabel(a) {
  if (!a) return '(none)';
  return a.actor ? `${a.actor} (${a.text})` : a.text;
}

export function eventLine(e) {
  return [actorLabel(e.source), ' → ', el('span', { class: 'code' }, e.cameo), e.plover ? ` ${e.plover}` : '', ' → ', actorLabel(e.target)];
}

export function eventList(items, { showDocument = false, onSelect = null } = {}) {
  if (items.length === 0) return el('p', { class: 'empty' }, 'No events.');
  const list = el('ul', { class: 'events' });
  for (const e of items) {
    const item = el('li', { class: 'q' + e.quad_class, 'data-evidence-start': e.evidence.start, 'data-evidence-end': e.evidence.end },
      el('div', null, eventLine(e), e.negated ? ' (negated)' : ''),
      el('div', { class: 'meta' }, [e.day || e.date || 'undated', quadName(e.quad_class), `Goldstein ${e.goldstein}`, e.place ? e.place.name : null,
        e.reports > 1 ? (e.repeat ? `repeats an earlier report (${e.reports} reports)` : `${e.reports} reports in this story`) : null]
        .filter(Boolean).join(' · ')),
      e.sentence_text ? el('div', { class: 'sentence' }, e.sentence_text) : null,
      showDocument ? el('a', { href: viewUrl('doc', { id: e.document_id, q: null }), 'data-internal': '', class: 'meta' }, e.document_title || e.document_id) : null);
    if (onSelect) item.addEventListener('click', () => {
      for (const other of list.querySelectorAll('li.selected')) other.classList.remove('selected');
      item.classList.add('selected');
      onSelect(e);
    });
    list.append(item);
  }
  return list;
}
