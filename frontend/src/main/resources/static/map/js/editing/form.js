// The place form: every field labelled, in reading order, errors next to their field (aria-invalid,
// aria-describedby) — used for adding and for editing. Values go in and out as the editing API names them.
import { el } from '../dom.js';
import { t, label } from '../i18n.js';

/** The fields the form edits, in the order a person fills them in. */
export const FIELDS = ['kind', 'name', 'description', 'addr_street', 'addr_housenumber', 'addr_postcode', 'addr_city',
  'opening_hours', 'wheelchair', 'free_entry', 'operator', 'contact_role', 'contact_phone', 'contact_email',
  'contact_is_public', 'website', 'valid_from', 'valid_to'];

let serial = 0;

/** A labelled control with room for its error: {wrap, input, error}. */
export function field(name, control, hint) {
  const id = `f-${name}-${++serial}`;
  control.id = id;
  control.name = name;
  const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const hintNode = hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  control.setAttribute('aria-describedby', [hintNode?.id, error.id].filter(Boolean).join(' '));
  const isCheck = control.type === 'checkbox';
  const wrap = isCheck
    ? el('div', { class: 'field' }, el('label', { class: 'check', for: id }, control, ' ', t(`field_${name}`)), hintNode, error)
    : el('div', { class: 'field' }, el('label', { for: id }, t(`field_${name}`)), control, hintNode, error);
  wrap.dataset.field = name;
  return { wrap, input: control, error };
}

function select(options, value) {
  const s = el('select');
  for (const [v, text] of options) s.append(el('option', { value: v }, text));
  s.value = value ?? '';
  return s;
}

/** The kind choice: the catalogue's layers as groups, their kinds as options. */
export function kindSelect(config, value) {
  const s = el('select', { required: true });
  s.append(el('option', { value: '' }, t('chooseKind')));
  for (const layer of config.layers || []) {
    if (!layer.places || !layer.kinds?.length) continue;
    const group = el('optgroup', { label: label(layer, 'label') || layer.code });
    for (const kind of layer.kinds) group.append(el('option', { value: kind.code }, label(kind, 'label')));
    s.append(group);
  }
  s.value = value ?? '';
  return s;
}

/** The form's controls for the place's current values p (properties of the editing API, or {} for a new one). */
export function controls(config, p) {
  const text = (name, attrs = {}) => el('input', { type: 'text', value: p[name] ?? '', ...attrs });
  const c = {
    kind: field('kind', kindSelect(config, p.kind)),
    name: field('name', text('name', { autocomplete: 'off', maxlength: 300 })),
    description: field('description', el('textarea', { rows: 3 }, p.description ?? '')),
    addr_street: field('addr_street', text('addr_street', { autocomplete: 'off' })),
    addr_housenumber: field('addr_housenumber', text('addr_housenumber', { autocomplete: 'off', inputmode: 'text' })),
    addr_postcode: field('addr_postcode', text('addr_postcode', { autocomplete: 'off', inputmode: 'numeric' })),
    addr_city: field('addr_city', text('addr_city', { autocomplete: 'off' })),
    opening_hours: field('opening_hours', text('opening_hours', { autocomplete: 'off', spellcheck: 'false' }), t('hoursHint')),
    wheelchair: field('wheelchair', select([['', t('unknownValue')], ['yes', t('wheelchair_yes')],
      ['limited', t('wheelchair_limited')], ['no', t('wheelchair_no')]], p.wheelchair)),
    free_entry: field('free_entry', select([['', t('unknownValue')], ['true', t('free_true')], ['false', t('free_false')]],
      p.free_entry === true ? 'true' : p.free_entry === false ? 'false' : '')),
    operator: field('operator', text('operator', { autocomplete: 'off' })),
    contact_role: field('contact_role', text('contact_role', { autocomplete: 'off' }), t('contactRoleHint')),
    contact_phone: field('contact_phone', text('contact_phone', { type: 'tel', autocomplete: 'off' })),
    contact_email: field('contact_email', text('contact_email', { type: 'email', autocomplete: 'off' })),
    contact_is_public: field('contact_is_public', el('input', { type: 'checkbox', checked: p.contact_is_public === true })),
    website: field('website', text('website', { type: 'url', autocomplete: 'off' })),
    valid_from: field('valid_from', el('input', { type: 'date', value: p.valid_from ?? '' }), t('validHint')),
    valid_to: field('valid_to', el('input', { type: 'date', value: p.valid_to ?? '' })),
  };
  return c;
}

/** The value a control holds, as the API takes it (null: empty). */
export function valueOf(name, input) {
  if (input.type === 'checkbox') return input.checked;
  const v = input.value.trim();
  if (v === '') return null;
  if (name === 'free_entry') return v === 'true';
  return v;
}

/** Shows the service's 422: each named field's reason beside it; the rest in the form's own line. */
export function showInvalid(all, problem, general) {
  clearInvalid(all);
  const params = problem.body?.['invalid-params'] || [];
  const unplaced = [];
  let first = null;
  for (const p of params) {
    const target = all[p.name];
    if (!target) { unplaced.push(`${p.name}: ${p.reason}`); continue; }
    target.input.setAttribute('aria-invalid', 'true');
    target.error.hidden = false;
    target.error.textContent = t('invalidField', { reason: p.reason });
    first ??= target.input;
  }
  general.textContent = unplaced.length ? unplaced.join('; ') : t('fixFields');
  (first || general).focus?.();
  return first;
}

export function clearInvalid(all) {
  for (const c of Object.values(all)) {
    c.input.removeAttribute('aria-invalid');
    c.error.hidden = true;
    c.error.textContent = '';
  }
}
