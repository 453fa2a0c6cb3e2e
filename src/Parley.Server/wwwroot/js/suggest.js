// Autocompletion for the actor and country filters: type a name or a code, pick a suggestion (with the mouse or the
// arrow keys and Enter); the field keeps the code and shows its name beside it.
import { el, clear, number } from './dom.js';
import { getJson } from './api.js';

const cache = new Map();

export async function suggestions(field, text, limit = 8) {
  const key = `${field}\u0000${text.toLowerCase()}\u0000${limit}`;
  if (!cache.has(key)) cache.set(key, getJson('/api/suggest', new URLSearchParams({ field, q: text, limit: String(limit) })).catch(() => []));
  return cache.get(key);
}

// The code a typed text stands for: itself when it is a code the store knows, else the best suggestion (null if none).
export async function resolveCode(field, text) {
  const value = text.trim();
  if (!value) return '';
  const found = await suggestions(field, value, 8);
  const exact = found.find(s => s.value.toLowerCase() === value.toLowerCase());
  if (exact) return exact.value;
  if (/^[A-Za-z0-9]+$/.test(value) && value.length <= 12 && (field === 'actor' || value.length === 3)) return value.toUpperCase();
  return found.length ? found[0].value : null;
}

// The name of a code ("AFG" gives "Afghanistan"), or null.
export async function nameOf(field, code) {
  if (!code) return null;
  const found = await suggestions(field, code, 8);
  const exact = found.find(s => s.value === code);
  return exact ? exact.label : null;
}

export function attachSuggest(input, field, onPick) {
  const list = el('ul', { class: 'suggestions', role: 'listbox', hidden: '' });
  const note = el('span', { class: 'picked' });
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.after(list, note);
  let items = [];
  let active = -1;
  let timer = null;
  let generation = 0;

  const close = () => { list.hidden = true; active = -1; input.setAttribute('aria-expanded', 'false'); };
  const highlight = i => {
    active = i;
    [...list.children].forEach((li, k) => li.classList.toggle('active', k === i));
  };
  const pick = s => {
    input.value = s.value;
    note.textContent = s.label || '';
    close();
    if (onPick) onPick(s);
  };

  async function refresh() {
    const text = input.value.trim();
    const mine = ++generation;
    if (!text) { close(); return; }
    const found = await suggestions(field, text);
    if (mine !== generation) return;
    items = found;
    clear(list);
    if (!items.length) { close(); return; }
    items.forEach((s, i) => {
      const li = el('li', { role: 'option', 'data-value': s.value },
        el('span', { class: 'code' }, s.value), el('span', { class: 'label' }, s.label || ''), el('span', { class: 'count' }, s.count ? number(s.count) : ''));
      li.addEventListener('mousedown', event => { event.preventDefault(); pick(s); });
      li.addEventListener('mousemove', () => highlight(i));
      list.append(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
  }

  input.addEventListener('input', () => {
    note.textContent = '';
    clearTimeout(timer);
    timer = setTimeout(refresh, 120);
  });
  input.addEventListener('keydown', event => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown') { event.preventDefault(); highlight(Math.min(items.length - 1, active + 1)); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); highlight(Math.max(0, active - 1)); }
    else if (event.key === 'Enter' && active >= 0) { event.preventDefault(); pick(items[active]); }
    else if (event.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return {
    // Shows the name of the code the field holds (after a page load or navigation).
    async showName() { note.textContent = (await nameOf(field, input.value.trim())) || ''; },
  };
}
