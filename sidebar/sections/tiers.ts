// The tiers section: each tier's colour, label and minimum score, and the label of disqualified accounts.
import { h } from '../dom';
import { button, field, iconButton, numberInput, textInput, SMALL_BUTTON } from '../controls';
import type { EditorContext } from '../editor-context';
import { isOpen } from '../editor-context';
import { child, p } from '../issue-paths';
import { addTier, deleteTier } from '../model-ops';
import { currentProfile } from '../session';
import { section } from './section';
import { offerUndo } from '../undo';

const COLOR = /^#[0-9a-fA-F]{6}$/;
/** The notice offering to undo the last tier deletion: a newer deletion replaces it. */
const UNDO_NOTICE = 'undo-delete-tier';

export function tiersSection(ctx: EditorContext): HTMLElement {
  const profile = currentProfile(ctx.session);
  const i = ctx.session.profileIndex;
  const rows = profile.tiers.map((tier, k) => {
    const tp = p('profiles', i, 'tiers', k);
    // The tier's name as it is now: a rename must reach its controls' labels and the undo notice, not the name it had.
    const name = (): string => (tier.label.trim() === '' ? `tier ${k + 1}` : tier.label);
    const color = h('input', { cls: 'color', attrs: { type: 'color', 'data-key': child(tp, 'color'), 'aria-label': `Colour of tier ${name()}` } });
    color.value = typeof tier.color === 'string' && COLOR.test(tier.color) ? tier.color : '#9aa0a6';
    color.addEventListener('input', () => {
      tier.color = color.value;
      ctx.edited();
    });
    const label = textInput(child(tp, 'label'), tier.label, (v) => {
      tier.label = v;
      color.setAttribute('aria-label', `Colour of tier ${name()}`);
      min.setAttribute('aria-label', `Minimum score of tier ${name()}`);
      del.setAttribute('aria-label', `Delete tier ${name()}`);
      del.title = `Delete tier ${name()}`;
      ctx.edited();
    }, { ariaLabel: `Tier ${k + 1} label`, cls: 'tier-label', maxLength: 40 });
    const min = numberInput(child(tp, 'min'), tier.min, (v) => {
      (tier as unknown as Record<string, unknown>).min = v;
      ctx.edited();
    }, { ariaLabel: `Minimum score of tier ${name()}` });
    const del = iconButton('\u00d7', `Delete tier ${name()}`, () => {
      const deleted = name();
      deleteTier(profile, k);
      ctx.rerender('tier:add');
      // One click deletes without asking (a tier is quick to retype), so the click can be taken back.
      offerUndo(ctx, {
        id: UNDO_NOTICE,
        done: `Deleted tier "${deleted}".`,
        // The draft may have been replaced since (an import, a template, Discard): its profiles are not this one.
        stillHeld: () => ctx.session.draft.profiles.includes(profile),
        notRestored: `Tier "${deleted}" was not restored: the draft it was deleted from was replaced since.`,
        restore: () => {
          profile.tiers.splice(Math.min(k, profile.tiers.length), 0, tier);
          ctx.session.profileIndex = ctx.session.draft.profiles.indexOf(profile);
        },
        focusKey: `${tp}:delete`,
      });
    }, { key: `${tp}:delete`, disabled: profile.tiers.length <= 1 });
    return h(
      'div',
      { cls: 'tier' },
      h('div', { cls: 'tier-row' }, color, label, h('span', { cls: 'unit', text: 'from' }), min, del),
      ctx.issues.slot(child(tp, 'label'), label),
      ctx.issues.slot(child(tp, 'min'), min),
      ctx.issues.slot(child(tp, 'color'), color),
      ctx.issues.slot(tp),
    );
  });
  const dq = textInput(p('profiles', i, 'disqualifiedLabel'), profile.disqualifiedLabel ?? '', (v) => {
    if (v === '') delete profile.disqualifiedLabel;
    else profile.disqualifiedLabel = v;
    ctx.edited();
  }, { placeholder: 'Disqualified', maxLength: 40 });
  return section(
    { id: 'tiers', title: 'Tiers', aside: `${profile.tiers.length}`, open: isOpen(ctx, 'tiers', false), onToggle: (o) => ctx.sectionOpen.set('tiers', o) },
    h('div', { cls: 'hint', text: 'An account gets the highest tier whose minimum score it reaches (0-100).' }),
    ...rows,
    ctx.issues.slot(p('profiles', i, 'tiers')),
    button('+ Add tier', () => {
      const k = addTier(profile);
      ctx.rerender(`${p('profiles', i, 'tiers', k)}.label`, true);
    }, { cls: SMALL_BUTTON, key: 'tier:add' }),
    field('Label for disqualified accounts', dq, { error: ctx.issues.slot(p('profiles', i, 'disqualifiedLabel'), dq) }),
  );
}
