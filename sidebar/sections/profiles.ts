// The profile section: pick the profile to edit; add, rename, duplicate, delete (confirmed) and choose the default.
import { h } from '../dom';
import { button, checkbox, field, selectInput, textArea, textInput, SMALL_BUTTON } from '../controls';
import { confirmDialog } from '../confirm';
import type { EditorContext } from '../editor-context';
import { isOpen } from '../editor-context';
import { p } from '../issue-paths';
import { addProfile, defaultProfileName, deleteProfile, duplicateProfile, renameProfile, setDefaultProfile } from '../model-ops';
import { currentProfile } from '../session';
import { section } from './section';

export function profilesSection(ctx: EditorContext): HTMLElement {
  const s = ctx.session;
  const model = s.draft;
  const profile = currentProfile(s);
  const i = s.profileIndex;
  const isDefault = defaultProfileName(model) === profile.name;
  const optionLabel = (name: string, k: number): string =>
    `${name.trim() === '' ? `(profile ${k + 1})` : name}${defaultProfileName(model) === name ? ' (default)' : ''}`;

  const picker = selectInput(
    'profile:pick',
    model.profiles.map((pr, k) => ({ value: String(k), label: optionLabel(pr.name, k) })),
    String(i),
    (v) => {
      s.profileIndex = Number(v);
      ctx.rerender('profile:pick');
    },
  );

  const name = textInput(`${p('profiles', i, 'name')}`, profile.name, (v) => {
    renameProfile(model, i, v);
    const opt = picker.options[i];
    if (opt !== undefined) opt.textContent = optionLabel(v, i);
    ctx.edited();
  }, { maxLength: 100 });

  const description = textArea(p('profiles', i, 'description'), profile.description ?? '', (v) => {
    if (v === '') delete profile.description;
    else profile.description = v;
    ctx.edited();
  }, { rows: 2, placeholder: 'Why these accounts win (optional)' });

  const actions = h(
    'div',
    { cls: 'row wrap' },
    button('Add', () => {
      s.profileIndex = addProfile(model);
      ctx.rerender(p('profiles', s.profileIndex, 'name'), true);
    }, { cls: SMALL_BUTTON, key: 'profile:add', label: 'Add a profile' }),
    button('Duplicate', () => {
      s.profileIndex = duplicateProfile(model, i);
      ctx.rerender(p('profiles', s.profileIndex, 'name'), true);
    }, { cls: SMALL_BUTTON, key: 'profile:duplicate', label: 'Duplicate this profile' }),
    button('Delete', () => {
      void confirmDialog({
        title: 'Delete profile?',
        message: `Delete the profile "${profile.name}" with its ${profile.criteria.length} criteria? This changes the draft only; nothing is saved until you press Save.`,
        confirmLabel: 'Delete profile',
        danger: true,
      }).then((yes) => {
        if (!yes) return;
        s.profileIndex = deleteProfile(model, i);
        // With one profile left there is no picker (nor an enabled Delete): focus its name instead of losing focus.
        ctx.rerender(model.profiles.length > 1 ? 'profile:pick' : p('profiles', s.profileIndex, 'name'));
      });
    }, { cls: SMALL_BUTTON, key: 'profile:delete', label: 'Delete this profile', disabled: model.profiles.length <= 1, title: model.profiles.length <= 1 ? 'A model needs at least one profile' : 'Delete this profile' }),
  );

  const def = checkbox('profile:default', 'Default profile (used when a formula names none)', isDefault, (checked) => {
    if (checked) setDefaultProfile(model, i);
    else if (isDefault && model.profiles.length > 1) setDefaultProfile(model, i === 0 ? 1 : 0);
    ctx.rerender('profile:default');
  });
  const defInput = def.querySelector('input');
  if (defInput !== null) defInput.disabled = isDefault && model.profiles.length <= 1;

  return section(
    { id: 'profile', title: 'Profile', aside: model.profiles.length > 1 ? `${model.profiles.length} profiles` : undefined, open: isOpen(ctx, 'profile', true), onToggle: (o) => ctx.sectionOpen.set('profile', o) },
    model.profiles.length > 1 ? field('Profile to edit', picker) : null,
    field('Name', name, { error: ctx.issues.slot(p('profiles', i, 'name'), name) }),
    field('Description', description, { error: ctx.issues.slot(p('profiles', i, 'description'), description) }),
    def,
    ctx.issues.slot('defaultProfile'),
    actions,
    ctx.issues.slot(p('profiles', i)),
  );
}
