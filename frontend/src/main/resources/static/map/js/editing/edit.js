// Editing in the citizen map, for a signed-in user with rights: who is signed in (and sign-out), add a
// place (kind, name, position by a click on the map, by dragging its marker or by an address), edit its
// fields, move it, retire it. The service decides who may do what: the page offers "edit" only where
// GET /places/{id}/editable — the same check as the write — says yes. Loaded by citizen.js only after the
// map is up, so the public first visit does not pay for it.
import { el, replace, debounce } from '../dom.js';
import { t, language, placeName } from '../i18n.js';
import { getJson, describe, Problem, url } from '../api.js';
import { weekList } from '../hours.js';
import { me, signOut, signInUrl, send, read } from './session.js';
import { controls, valueOf, showInvalid, clearInvalid, FIELDS } from './form.js';
import './words.js';

let ctx;            // {map, config, reload(), select(id), panel}
let account = null; // {account, roles} or null
let editing = null; // {id, etag, original, marker, position}

/** Called by citizen.js with the map and its hooks. */
export async function start(context) {
  ctx = context;
  const ready = me().catch(() => null).then((a) => { account = a; });
  document.addEventListener('ortsanker:detail', (e) => ready.then(() => offerActions(e.detail.id)));
  document.addEventListener('ortsanker:relabel', () => ready.then(renderAccount));
  await ready;
  renderAccount();
  // A detail shown before this module arrived gets its actions now.
  if (context.current && !context.panel.hidden && context.panel.querySelector('#detail-name')) offerActions(context.current);
}

function isAdministrator() {
  return account?.roles?.some((r) => r.role === 'county_administrator');
}

function renderAccount() {
  let bar = document.getElementById('account');
  if (!bar) {
    bar = el('div', { id: 'account', class: 'account' });
    document.querySelector('header.bar nav').append(bar);
  }
  if (!account) {
    replace(bar, el('a', { href: signInUrl(), id: 'sign-in-link' }, t('signIn')));
    return;
  }
  const name = account.account.display_name || account.account.login;
  replace(bar,
    el('span', { class: 'who', id: 'signed-in-as' }, t('signedInAs', { name })),
    el('button', { type: 'button', id: 'add-place', onclick: () => openEditor(null) }, t('addPlace')),
    isAdministrator() ? el('a', { href: url('map/admin', { lang: language() === 'en' ? 'en' : null }) }, t('adminPage')) : null,
    el('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: async () => {
      await signOut();
      account = null;
      renderAccount();
      document.querySelectorAll('.edit-actions').forEach((n) => n.remove());
    } }, t('signOut')));
}

/** Below a place's detail: its history for everyone; edit, move and retire for those who may. */
async function offerActions(id) {
  const panel = ctx.panel;
  panel.querySelector('.edit-actions')?.remove();
  const box = el('section', { class: 'edit-actions', 'aria-label': t('editActions') },
    el('a', { href: url('map/history', { place: id, lang: language() === 'en' ? 'en' : null }), class: 'history-link' }, t('showHistory')));
  panel.append(box);
  if (!account) return;
  try {
    const answer = await read(`places/${id}/editable`);
    if (!box.isConnected) return;
    box.append(
      el('button', { type: 'button', class: 'edit-place', onclick: () => openEditor(answer.body, answer.etag) }, t('editPlace')),
      el('button', { type: 'button', class: 'secondary retire-place', onclick: () => retire(answer.body, answer.etag) }, t('retirePlace')));
  } catch (error) {
    if (error instanceof Problem && error.status === 403) {
      box.append(el('p', { class: 'muted not-yours' }, t('notYourPlace')));
    }
  }
}

function position(geometry) {
  return geometry?.type === 'Point' ? { lon: geometry.coordinates[0], lat: geometry.coordinates[1] } : null;
}

/** The editor in the detail panel: place null for a new place, else the editing API's answer. */
function openEditor(place, etag) {
  closeEditor();
  const p = place ? { ...place.properties } : {};
  const c = controls(ctx.config, p);
  const general = el('p', { class: 'form-error', role: 'alert', tabindex: '-1' });
  const where = el('p', { class: 'position', id: 'position-text', 'aria-live': 'polite' });
  const addressInput = el('input', { type: 'search', id: 'address-q', autocomplete: 'off', enterkeyhint: 'search' });
  const addressResults = el('ul', { class: 'address-results', id: 'address-results' });
  const preview = el('div', { class: 'hours-preview', id: 'hours-preview', 'aria-live': 'polite' });
  const comment = el('textarea', { id: 'edit-comment', rows: 2, maxlength: 2000 });
  const heading = el('h2', { id: 'editor-heading', tabindex: '-1' }, place ? t('editTitle', { name: placeName(p) }) : t('addTitle'));
  editing = { id: place?.id ?? null, etag, original: p, point: position(place?.geometry), geometry: place?.geometry,
    controls: c, general, marker: null, ags: p.ags };

  const movable = !place || place.geometry?.type === 'Point';
  const form = el('form', { class: 'edit-form', id: 'place-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); save(); } },
    general,
    c.kind.wrap, c.name.wrap,
    movable ? el('fieldset', { class: 'where' },
      el('legend', {}, t('positionLegend')),
      el('p', { class: 'hint' }, t(place ? 'positionMoveHint' : 'positionHint')),
      where,
      el('label', { for: 'address-q' }, t('addressSearch')),
      el('div', { class: 'combo' }, addressInput,
        el('button', { type: 'button', class: 'secondary', onclick: () => findAddress(addressInput.value, addressResults) }, t('findAddress'))),
      addressResults,
      el('p', { class: 'field-error', id: 'geometry-error', hidden: true })) : null,
    c.description.wrap,
    el('fieldset', {}, el('legend', {}, t('addressLegend')), c.addr_street.wrap, c.addr_housenumber.wrap, c.addr_postcode.wrap, c.addr_city.wrap),
    el('fieldset', {}, el('legend', {}, t('hoursHeading')), c.opening_hours.wrap, preview),
    el('fieldset', {}, el('legend', {}, t('accessHeading')), c.wheelchair.wrap, c.free_entry.wrap),
    el('fieldset', {}, el('legend', {}, t('contactHeading')), c.operator.wrap, c.contact_role.wrap, c.contact_phone.wrap,
      c.contact_email.wrap, c.contact_is_public.wrap, c.website.wrap),
    el('fieldset', {}, el('legend', {}, t('validLegend')), c.valid_from.wrap, c.valid_to.wrap),
    el('div', { class: 'field' }, el('label', { for: 'edit-comment' }, t('editComment')), comment),
    el('div', { class: 'form-buttons' },
      el('button', { type: 'submit', id: 'save-place' }, t('save')),
      el('button', { type: 'button', class: 'secondary', onclick: () => cancel() }, t('cancel'))));
  editing.comment = comment;
  editing.where = where;
  editing.geometryError = form.querySelector('#geometry-error');
  addressInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); findAddress(addressInput.value, addressResults); }
  });
  const showHours = debounce(() => previewHours(c.opening_hours.input.value, preview), 300);
  c.opening_hours.input.addEventListener('input', showHours);
  previewHours(c.opening_hours.input.value, preview);

  const panel = ctx.panel;
  panel.querySelector('.edit-actions')?.remove();
  replace(panel, heading, form);
  panel.hidden = false;
  panel.classList.add('editing');
  document.body.classList.add('showing-detail', 'editing-place');
  panel.addEventListener('keydown', escape);
  if (movable) {
    ctx.map.on('click', mapClick);
    if (editing.point) setPoint(editing.point, false);
    else where.textContent = t('positionNone');
  }
  heading.focus();
}

function escape(e) {
  if (e.key === 'Escape') { e.stopPropagation(); cancel(); }
}

function mapClick(e) {
  setPoint({ lat: e.latlng.lat, lon: e.latlng.lng }, true);
}

function setPoint(point, changed) {
  editing.point = point;
  if (changed) editing.moved = true;
  editing.where.textContent = t('positionAt', { lat: point.lat.toFixed(5), lon: point.lon.toFixed(5) });
  editing.geometryError.hidden = true;
  if (!editing.marker) {
    editing.marker = window.L.marker([point.lat, point.lon], {
      draggable: true, keyboard: true, title: t('positionMarker'), alt: t('positionMarker'), zIndexOffset: 1000,
    }).addTo(ctx.map);
    const element = editing.marker.getElement();
    element?.classList.add('edit-marker');
    // Dragging needs a pointer; the arrow keys move the focused marker by 5 pixels (the map would pan).
    element?.addEventListener('keydown', (e) => {
      const step = { ArrowUp: [0, -5], ArrowDown: [0, 5], ArrowLeft: [-5, 0], ArrowRight: [5, 0] }[e.key];
      if (!step) return;
      e.preventDefault();
      e.stopPropagation();
      const moved = ctx.map.containerPointToLatLng(ctx.map.latLngToContainerPoint(editing.marker.getLatLng()).add(step));
      setPoint({ lat: moved.lat, lon: moved.lng }, true);
    });
    editing.marker.on('dragend', () => {
      const ll = editing.marker.getLatLng();
      setPoint({ lat: ll.lat, lon: ll.lng }, true);
    });
  } else {
    editing.marker.setLatLng([point.lat, point.lon]);
  }
}

async function findAddress(text, list) {
  replace(list);
  if (text.trim().length < 2) return;
  try {
    const answer = await getJson('map/suggest', { q: text.trim() });
    const found = (answer.suggestions || []).slice(0, 6);
    if (!found.length) { list.append(el('li', {}, t('addressNone'))); return; }
    for (const s of found) {
      list.append(el('li', {}, el('button', { type: 'button', class: 'link', onclick: () => {
        setPoint({ lat: s.lat, lon: s.lon }, true);
        ctx.map.setView([s.lat, s.lon], Math.max(ctx.map.getZoom(), 17));
        replace(list);
        editing.where.focus?.();
      } }, [s.name, s.context].filter(Boolean).join(', '))));
    }
  } catch (error) {
    list.append(el('li', { role: 'alert' }, describe(error)));
  }
}

/** The service's reading of the opening hours, in words, while typing. */
async function previewHours(value, box) {
  if (!value.trim()) { replace(box); return; }
  try {
    const answer = await getJson('places/opening-hours', { value: value.trim(), ags: editing?.ags || null });
    if (!answer.understood) {
      replace(box, el('p', { class: 'field-error' }, t('hoursNotUnderstood', { problem: answer.problem || '' })));
      return;
    }
    replace(box, el('p', { class: 'hint' }, t('hoursPreview')), weekList({ opening_hours: answer.text, hours: answer.hours }));
  } catch (error) {
    replace(box, el('p', { class: 'field-error' }, describe(error)));
  }
}

function changes() {
  const body = {};
  for (const name of FIELDS) {
    const value = valueOf(name, editing.controls[name].input);
    const before = editing.original[name] ?? (name === 'contact_is_public' ? false : null);
    if (editing.id === null ? value !== null && value !== false : String(value ?? '') !== String(before ?? '')) body[name] = value;
  }
  if (editing.point && (editing.id === null || editing.moved)) {
    body.geometry = { type: 'Point', coordinates: [Number(editing.point.lon.toFixed(7)), Number(editing.point.lat.toFixed(7))] };
  }
  const why = editing.comment.value.trim();
  if (why) body.comment = why;
  return body;
}

async function save() {
  clearInvalid(editing.controls);
  editing.general.textContent = '';
  if (editing.id === null && !editing.point) {
    editing.geometryError.hidden = false;
    editing.geometryError.textContent = t('positionMissing');
    editing.general.textContent = t('positionMissing');
    editing.general.focus();
    return;
  }
  const body = changes();
  const button = document.getElementById('save-place');
  button.disabled = true;
  try {
    const answer = editing.id === null
      ? await send('POST', 'places', body)
      : await send('PATCH', `places/${editing.id}`, body, { 'If-Match': editing.etag });
    const id = answer.body.id;
    closeEditor();
    ctx.reload();
    ctx.select(id);
    announce(t('saved'));
  } catch (error) {
    button.disabled = false;
    failed(error);
  }
}

/** A refused write, explained where it helps: fields beside their inputs, a stale edit with a reload. */
function failed(error) {
  if (error instanceof Problem && error.status === 422) {
    const geometry = (error.body['invalid-params'] || []).find((p) => p.name === 'geometry');
    if (geometry && editing.geometryError) {
      editing.geometryError.hidden = false;
      editing.geometryError.textContent = t('invalidField', { reason: geometry.reason });
    }
    showInvalid(editing.controls, error, editing.general);
    return;
  }
  if (error instanceof Problem && error.status === 412) {
    replace(editing.general, t('staleEdit'), ' ',
      el('button', { type: 'button', class: 'secondary', id: 'reload-place', onclick: () => reloadPlace() }, t('reloadPlace')));
    editing.general.focus();
    return;
  }
  if (error instanceof Problem && error.status === 403) {
    editing.general.textContent = t('refused', { detail: error.body.detail || error.body.title || '' });
    editing.general.focus();
    return;
  }
  editing.general.textContent = describe(error);
  editing.general.focus();
}

async function reloadPlace() {
  const id = editing.id;
  try {
    const answer = await read(`places/${id}/editable`);
    openEditor(answer.body, answer.etag);
  } catch (error) {
    editing.general.textContent = describe(error);
  }
}

async function retire(place, etag) {
  const box = ctx.panel.querySelector('.edit-actions');
  box.querySelector('.retire-confirm')?.remove();
  const why = el('input', { type: 'text', id: 'retire-comment', maxlength: 2000 });
  const status = el('p', { role: 'alert', class: 'form-error' });
  const confirm = el('form', { class: 'retire-confirm edit-form', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await send('DELETE', `places/${place.id}${why.value.trim() ? `?comment=${encodeURIComponent(why.value.trim())}` : ''}`,
        undefined, { 'If-Match': etag });
      ctx.reload();
      ctx.close();
      announce(t('retired'));
    } catch (error) {
      if (error instanceof Problem && error.status === 412) {
        replace(status, t('staleEdit'), ' ', el('button', { type: 'button', class: 'secondary', onclick: () => ctx.select(place.id) }, t('reloadPlace')));
      } else status.textContent = describe(error);
    }
  } },
  el('p', {}, t('retireQuestion', { name: placeName(place.properties) })),
  el('div', { class: 'field' }, el('label', { for: 'retire-comment' }, t('editComment')), why),
  status,
  el('div', { class: 'form-buttons' }, el('button', { type: 'submit', id: 'retire-confirm' }, t('retirePlace')),
    el('button', { type: 'button', class: 'secondary', onclick: () => confirm.remove() }, t('cancel'))));
  box.append(confirm);
  why.focus();
}

function cancel() {
  const id = editing?.id;
  closeEditor();
  if (id) ctx.select(id); else ctx.close();
}

function closeEditor() {
  if (!editing) return;
  ctx.map.off('click', mapClick);
  editing.marker?.remove();
  ctx.panel.removeEventListener('keydown', escape);
  ctx.panel.classList.remove('editing');
  document.body.classList.remove('editing-place');
  editing = null;
}

function announce(text) {
  let live = document.getElementById('edit-status');
  if (!live) {
    live = el('p', { id: 'edit-status', class: 'visually-hidden', role: 'status' });
    document.body.append(live);
  }
  live.textContent = text;
}
