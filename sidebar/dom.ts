// Tiny DOM helpers: elements are built with createElement and user text is only ever set as text, never parsed as HTML.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  /** Space-separated class names (constants from the code). */
  cls?: string;
  /** Attributes; names are constants from the code, values may be user text (set as attribute values, never as markup). */
  attrs?: Record<string, string | undefined>;
  /** Sets textContent. */
  text?: string;
}

function applyProps(el: Element, props: Props): void {
  if (props.cls !== undefined) el.setAttribute('class', props.cls);
  if (props.attrs !== undefined) {
    for (const [name, value] of Object.entries(props.attrs)) if (value !== undefined) el.setAttribute(name, value);
  }
  if (props.text !== undefined) el.textContent = props.text;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** `h('div', { cls: 'row' }, child, 'text')`: an HTML element; string children become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  applyProps(el, props);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, built the same way. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  applyProps(el, props);
  append(el, children);
  return el;
}

/** Removes every child. */
export function clear(el: Node): void {
  while (el.firstChild !== null) el.removeChild(el.firstChild);
}

let nextId = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix = 'f'): string {
  nextId += 1;
  return `${prefix}${nextId}`;
}

/** Adds (first) or removes one id of an element's aria-describedby list: a field's hint and its error both describe it. */
export function describedBy(el: Element, id: string, on: boolean): void {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x !== '' && x !== id);
  if (on) ids.unshift(id);
  if (ids.length === 0) el.removeAttribute('aria-describedby');
  else el.setAttribute('aria-describedby', ids.join(' '));
}
