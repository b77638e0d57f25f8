// Categories and their criteria: each category's label and weight (as a percentage; all add to 100 %), then its criteria cards.
import type { Category, Profile } from '../../src/engine/model';
import { h } from '../dom';
import { button, iconButton, numberInput, SMALL_BUTTON } from '../controls';
import { weightPercent } from '../number-text';
import { confirmDialog } from '../confirm';
import type { EditorContext } from '../editor-context';
import { isOpen } from '../editor-context';
import { child, p } from '../issue-paths';
import { addCategory, addCriterion, categoryName, criteriaIn, deleteCategory, setWeightPercent } from '../model-ops';
import { currentProfile } from '../session';
import { percentages } from '../weights';
import { criterionCard } from './criterion-card';
import { section } from './section';

const BAR_COLORS = ['#1a73e8', '#12b5cb', '#e8710a', '#9334e6', '#188038', '#d01884'];

/** Fills the bar with one segment per category of non-zero weight. */
function fillWeightBar(bar: HTMLElement, profile: Profile, pct: number[]): void {
  bar.replaceChildren();
  profile.categories.forEach((c, k) => {
    const share = pct[k] ?? 0;
    if (share <= 0) return;
    const seg = h('span', { cls: 'weight-seg', attrs: { title: `${categoryName(c)}: ${share} %` } });
    seg.style.width = `${share}%`;
    seg.style.background = BAR_COLORS[k % BAR_COLORS.length] ?? '#1a73e8';
    bar.appendChild(seg);
  });
}

/**
 * The weight boxes and bar of one profile. A weight edit updates them in place: re-rendering the editor on the
 * box's change event (which fires as focus leaves it) would replace the button being clicked, or the control Tab
 * is moving to, and swallow that click or key.
 */
class WeightControls {
  readonly bar = h('div', { cls: 'weight-bar', attrs: { 'aria-hidden': 'true' } });
  private readonly boxes: HTMLInputElement[] = [];

  constructor(private readonly ctx: EditorContext, private readonly profile: Profile) {
    fillWeightBar(this.bar, profile, this.shares());
  }

  /** The weights as whole percentages adding to 100, as the boxes and the bar show them. */
  private shares(): number[] {
    return percentages(this.profile.categories.map((c) => c.weight));
  }

  box(k: number, key: string): HTMLInputElement {
    const { profile } = this;
    const weight = numberInput(key, this.shares()[k] ?? 0, () => this.set(k, weight.value), {
      commit: true,
      ariaLabel: `Weight of ${categoryName(profile.categories[k]!)} in percent`,
    });
    weight.classList.add('weight');
    weight.disabled = profile.categories.length <= 1;
    this.boxes[k] = weight;
    return weight;
  }

  private set(k: number, text: string): void {
    const { profile, ctx } = this;
    const percent = weightPercent(text);
    if (percent === undefined) {
      ctx.notices.show('error', `Weight of ${categoryName(profile.categories[k]!)}: "${text.trim()}" is not a percentage. Type a number from 0 to 100, such as 40.`, { id: 'weight' });
    } else {
      ctx.notices.dismiss('weight');
      setWeightPercent(profile, k, percent);
    }
    const pct = this.shares();
    this.boxes.forEach((box, i) => {
      box.value = String(pct[i] ?? 0);
    });
    fillWeightBar(this.bar, profile, pct);
    ctx.edited();
  }
}

function addText(categoryLabel: string): string {
  return `+ Add criterion to ${categoryLabel}`;
}

function categoryGroup(ctx: EditorContext, profile: Profile, category: Category, k: number, weights: WeightControls): HTMLElement {
  const i = ctx.session.profileIndex;
  const cp = p('profiles', i, 'categories', k);
  const criteria = criteriaIn(profile, category.id);
  const labelInput = h('input', { cls: 'category-label', attrs: { type: 'text', 'data-key': child(cp, 'label'), 'aria-label': `Category ${k + 1} name`, autocomplete: 'off' } });
  labelInput.value = categoryName(category);
  labelInput.addEventListener('input', () => {
    // A cleared name falls back to the id (as a model without labels shows), never to an empty name.
    if (labelInput.value.trim() === '') delete category.label;
    else category.label = labelInput.value;
    // The button that says the category's name follows it.
    add.textContent = addText(categoryName(category));
    ctx.edited();
  });
  labelInput.addEventListener('change', () => {
    if (labelInput.value.trim() === '') labelInput.value = categoryName(category);
  });
  const weight = weights.box(k, child(cp, 'weight'));
  const swatch = h('span', { cls: 'swatch', attrs: { 'aria-hidden': 'true' } });
  swatch.style.background = BAR_COLORS[k % BAR_COLORS.length] ?? '#1a73e8';

  const del = iconButton('\u00d7', `Delete category ${categoryName(category)}`, () => {
    const go = (): void => {
      deleteCategory(profile, k);
      ctx.rerender('category:add');
    };
    if (criteria.length === 0) go();
    else {
      void confirmDialog({
        title: 'Delete category?',
        message: `Delete "${categoryName(category)}" and its ${criteria.length} criteria? The other weights are rescaled to 100 %. Nothing is saved until you press Save.`,
        confirmLabel: 'Delete category',
        danger: true,
      }).then((yes) => {
        if (yes) go();
      });
    }
  }, { key: `${cp}:delete`, disabled: profile.categories.length <= 1 });

  // What it says is what a screen reader announces: no separate label that could say something else.
  const add = button(addText(categoryName(category)), () => {
    // No column yet: the card does nothing (no score, no change to save) until one is chosen and its test filled in.
    const c = addCriterion(profile, category.id, '');
    ctx.session.added.add(c);
    ctx.expanded.add(c);
    ctx.rerender(`${p('profiles', i, 'criteria', profile.criteria.indexOf(c))}.label`);
  }, { cls: 'btn btn-small add-criterion', key: `category:${category.id}:add` });

  return h(
    'div',
    { cls: 'category', attrs: { 'data-category': category.id } },
    h('div', { cls: 'category-head' }, swatch, labelInput, weight, h('span', { cls: 'unit', attrs: { 'aria-hidden': 'true' }, text: '%' }), del),
    ctx.issues.slot(child(cp, 'label'), labelInput),
    ctx.issues.slot(child(cp, 'weight'), weight),
    ctx.issues.slot(cp),
    criteria.length === 0 ? h('div', { cls: 'hint', text: 'No criteria yet: this category does not count in the score until it has one.' }) : null,
    ...criteria.map((c) => criterionCard(ctx, profile, c, i)),
    add,
  );
}

export function categoriesSection(ctx: EditorContext): HTMLElement {
  const profile = currentProfile(ctx.session);
  const i = ctx.session.profileIndex;
  const weights = new WeightControls(ctx, profile);
  const known = new Set(profile.categories.map((c) => c.id));
  const orphans = profile.criteria.filter((c) => !known.has(c.category));
  return section(
    { id: 'criteria', title: 'Categories & criteria', aside: `${profile.criteria.length}`, open: isOpen(ctx, 'criteria', true), onToggle: (o) => ctx.sectionOpen.set('criteria', o) },
    h('div', { cls: 'hint', text: 'Weights are percentages that always add to 100 %: changing one rescales the others.' }),
    weights.bar,
    ctx.issues.slot(p('profiles', i, 'categories')),
    ...profile.categories.map((c, k) => categoryGroup(ctx, profile, c, k, weights)),
    orphans.length === 0
      ? null
      : h(
        'div',
        { cls: 'category' },
        h('div', { cls: 'category-head' }, h('strong', { text: 'Not in a category' })),
        ...orphans.map((c) => criterionCard(ctx, profile, c, i)),
      ),
    button('+ Add category', () => {
      addCategory(profile);
      ctx.rerender(`${p('profiles', i, 'categories', profile.categories.length - 1)}.label`, true);
    }, { cls: SMALL_BUTTON, key: 'category:add' }),
    ctx.issues.slot(p('profiles', i, 'criteria')),
  );
}
