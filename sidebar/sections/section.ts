// A collapsible section of the sidebar: a heading button with aria-expanded that shows or hides the body.
import { h, uid, type Child } from '../dom';

export interface SectionOptions {
  id: string;
  title: string;
  /** Extra text after the title (a count, a total). */
  aside?: Child;
  open: boolean;
  onToggle(open: boolean): void;
}

export function section(opts: SectionOptions, ...body: Child[]): HTMLElement {
  const bodyId = uid('sec');
  const toggle = h(
    'button',
    { cls: 'section-toggle', attrs: { type: 'button', 'aria-expanded': String(opts.open), 'aria-controls': bodyId, 'data-key': `section:${opts.id}` } },
    h('span', { cls: 'chevron', attrs: { 'aria-hidden': 'true' } }),
    h('span', { cls: 'section-title', text: opts.title }),
    opts.aside === undefined ? null : h('span', { cls: 'section-aside' }, opts.aside),
  );
  const content = h('div', { cls: 'section-body', attrs: { id: bodyId } }, ...body);
  content.hidden = !opts.open;
  toggle.addEventListener('click', () => {
    const open = content.hidden;
    content.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    opts.onToggle(open);
  });
  return h('section', { cls: 'section', attrs: { 'data-section': opts.id } }, h('h2', { cls: 'section-heading' }, toggle), content);
}

/** Opens the collapsed section holding `el` (to show a field with a problem). */
export function revealSection(el: Element): void {
  const body = el.closest('.section-body');
  if (!(body instanceof HTMLElement) || !body.hidden) return;
  const toggle = body.parentElement?.querySelector('.section-toggle');
  if (toggle instanceof HTMLElement) toggle.click();
}

/** Marks the sections that hold a visible problem, so a closed section still shows one. */
export function markSectionsWithErrors(root: ParentNode): void {
  for (const s of Array.from(root.querySelectorAll('section.section'))) {
    s.classList.toggle('has-errors', s.querySelector('.field-error:not([hidden])') !== null);
  }
}
