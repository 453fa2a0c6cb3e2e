// DOM helpers. Data from articles only ever goes into text nodes or attributes set through the DOM API:
// nothing here parses HTML, so markup inside an article stays text.
const SVG_NS = 'http://www.w3.org/2000/svg';

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.setAttribute('class', value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  return node;
}

export function el(tag, attrs, ...children) {
  return append(setAttrs(document.createElement(tag), attrs), children);
}

export function svg(tag, attrs, ...children) {
  return append(setAttrs(document.createElementNS(SVG_NS, tag), attrs), children);
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// A search snippet marks matches with U+0002 ... U+0003: text nodes for the text, <mark> elements for the matches.
export function snippet(text) {
  const out = el('div', { class: 'snippet' });
  if (!text) return out;
  let inMark = false;
  let current = '';
  const flush = () => {
    if (!current) return;
    out.append(inMark ? el('mark', null, current) : document.createTextNode(current));
    current = '';
  };
  for (const ch of text) {
    if (ch === '\u0002') { flush(); inMark = true; }
    else if (ch === '\u0003') { flush(); inMark = false; }
    else current += ch;
  }
  flush();
  return out;
}

export function number(n) {
  return Number(n).toLocaleString('en-US');
}

// "1 story", "2 stories".
export function count(n, one, many = one + 's') {
  return `${number(n)} ${Number(n) === 1 ? one : many}`;
}

// A small coloured square for legends.
export function swatch(color, cls = 'swatch') {
  const s = el('span', { class: cls });
  s.style.background = color;
  return s;
}

// A tooltip that follows the pointer over a chart (one per page).
let tip = null;
export function showTip(event, lines) {
  if (!tip) { tip = el('div', { class: 'tip', role: 'tooltip' }); document.body.append(tip); }
  clear(tip);
  lines.forEach((line, i) => tip.append(el(i === 0 ? 'strong' : 'div', null, line)));
  tip.style.display = 'block';
  const x = Math.min(window.innerWidth - tip.offsetWidth - 12, event.clientX + 14);
  tip.style.left = `${x + window.scrollX}px`;
  tip.style.top = `${event.clientY + window.scrollY + 14}px`;
}

export function hideTip() {
  if (tip) tip.style.display = 'none';
}

// Attaches a tooltip of `lines` (an array, or a function giving one) to a chart element.
export function tooltip(node, lines) {
  node.addEventListener('mousemove', e => showTip(e, typeof lines === 'function' ? lines() : lines));
  node.addEventListener('mouseleave', hideTip);
  return node;
}
