// The administrators' page: accounts, their roles with a territory, lockouts — through the admin JSON API
// (/admin/…), which decides who may (a non-administrator gets its 403 here, in words). A municipality is
// chosen by name (the planner's area search, /map/areas) and stored by its AGS.
import { el, replace, debounce } from '../dom.js';
import { t, setLanguage, translatePage, language } from '../i18n.js';
import { getJson, describe, Problem } from '../api.js';
import { read, send, me, signInUrl } from './session.js';
import './words.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const ROLES = ['municipality_steward', 'source_steward', 'organisation_editor', 'moderator', 'county_administrator'];
let serial = 0;

/**
 * Role and territory controls: {wrap, value()} → {role, territory} (role '' = none). A municipality steward's
 * territory is picked by name from a listbox (keyboard: arrows, Enter) and kept as its AGS.
 */
function roleChooser(optional) {
  const n = ++serial;
  const role = el('select', { id: `role-${n}` });
  if (optional) role.append(el('option', { value: '' }, t('noRole')));
  for (const r of ROLES) role.append(el('option', { value: r }, t(`role_${r}`)));
  const territoryText = el('input', { id: `territory-${n}`, autocomplete: 'off', role: 'combobox', 'aria-expanded': 'false',
    'aria-controls': `territory-options-${n}`, 'aria-autocomplete': 'list', 'aria-describedby': `territory-hint-${n}` });
  const hint = el('p', { class: 'hint', id: `territory-hint-${n}` });
  const options = el('ul', { id: `territory-options-${n}`, role: 'listbox', class: 'suggestions', hidden: true });
  const chosen = el('p', { class: 'chosen-area', 'aria-live': 'polite' });
  let ags = null;
  let found = [];
  let active = -1;
  const territoryWrap = el('div', { class: 'field' }, el('label', { for: `territory-${n}` }, t('territory')), territoryText, hint, options, chosen);

  function choose(area) {
    ags = area.ags;
    territoryText.value = area.name;
    chosen.textContent = t('chosenArea', { name: area.name, part: area.part_of || '', ags: area.ags });
    options.hidden = true;
    territoryText.setAttribute('aria-expanded', 'false');
  }
  function mark() {
    [...options.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) territoryText.setAttribute('aria-activedescendant', options.children[active].id);
    else territoryText.removeAttribute('aria-activedescendant');
  }
  const search = debounce(async () => {
    const q = territoryText.value.trim();
    if (role.value !== 'municipality_steward' || q.length < 2 || /^\d+$/.test(q)) { options.hidden = true; return; }
    try {
      found = (await getJson('map/areas', { q })).areas;
      replace(options, found.map((a, i) => el('li', { role: 'option', id: `territory-${n}-${i}`, onclick: () => choose(a) },
        `${a.name} (${a.designation || a.level}${a.part_of ? `, ${a.part_of}` : ''}) – ${a.ags}`)));
      active = -1;
      options.hidden = !found.length;
      territoryText.setAttribute('aria-expanded', String(found.length > 0));
    } catch (error) {
      chosen.textContent = describe(error);
    }
  }, 200);
  territoryText.addEventListener('input', () => { ags = null; chosen.textContent = ''; search(); });
  territoryText.addEventListener('keydown', (e) => {
    if (options.hidden) return;
    if (e.key === 'ArrowDown') { active = Math.min(found.length - 1, active + 1); mark(); e.preventDefault(); }
    if (e.key === 'ArrowUp') { active = Math.max(0, active - 1); mark(); e.preventDefault(); }
    if (e.key === 'Enter' && active >= 0) { choose(found[active]); e.preventDefault(); }
    if (e.key === 'Escape') { options.hidden = true; territoryText.setAttribute('aria-expanded', 'false'); }
  });
  function update() {
    const needs = ['municipality_steward', 'source_steward', 'organisation_editor'].includes(role.value);
    territoryWrap.hidden = !needs;
    hint.textContent = needs ? t(`territoryHint_${role.value}`) : '';
  }
  role.addEventListener('change', () => { ags = null; territoryText.value = ''; chosen.textContent = ''; update(); });
  update();
  const wrap = el('div', { class: 'role-chooser' },
    el('div', { class: 'field' }, el('label', { for: `role-${n}` }, t('role')), role), territoryWrap);
  return {
    wrap,
    value() {
      const typed = territoryText.value.trim();
      const territory = role.value === 'municipality_steward' ? (ags || (/^\d{2,12}$/.test(typed) ? typed : typed || null))
        : ['source_steward', 'organisation_editor'].includes(role.value) ? typed || null : null;
      return { role: role.value, territory };
    },
    reset() { role.value = optional ? '' : ROLES[0]; ags = null; territoryText.value = ''; chosen.textContent = ''; update(); },
  };
}

function problemText(error) {
  if (error instanceof Problem && (error.status === 400 || error.status === 422 || error.status === 409)) {
    const p = (error.body['invalid-params'] || [])[0];
    return p ? `${p.name}: ${p.reason}` : (error.body.detail || error.body.title);
  }
  if (error instanceof Problem && error.status === 403) return t('refused', { detail: error.body.detail || '' });
  return describe(error);
}

async function accountItem(account) {
  const item = el('li', { class: 'account-item', 'data-login': account.login });
  const status = el('p', { class: 'form-error', role: 'alert' });
  async function render() {
    const view = (await read(`admin/accounts/${encodeURIComponent(account.login)}`)).body;
    const chooser = roleChooser(false);
    const roles = el('ul', { class: 'roles' }, view.roles.map((g) => el('li', {},
      `${t(`role_${g.role}`)}${g.territory ? `: ${g.territory}` : ''} `,
      el('button', { type: 'button', class: 'secondary remove-role', 'aria-label': t('removeRoleOf', { role: t(`role_${g.role}`), territory: g.territory || '' }),
        onclick: async () => {
          try { await send('DELETE', `admin/accounts/${encodeURIComponent(account.login)}/roles/${g.id}`); await render(); } catch (e) { status.textContent = problemText(e); }
        } }, t('removeRole')))));
    replace(item,
      el('h3', {}, account.display_name ? `${account.display_name} (${account.login})` : account.login),
      account.disabled_at ? el('p', { class: 'muted' }, t('disabled')) : null,
      view.roles.length ? roles : el('p', { class: 'muted' }, t('noRoles')),
      el('form', { class: 'edit-form add-role', onsubmit: async (e) => {
        e.preventDefault();
        const { role, territory } = chooser.value();
        try { await send('POST', `admin/accounts/${encodeURIComponent(account.login)}/roles`, { role, territory }); await render(); } catch (err) { status.textContent = problemText(err); }
      } }, chooser.wrap, el('button', { type: 'submit', class: 'secondary' }, t('addRole'))),
      el('button', { type: 'button', class: 'secondary unlock', onclick: async () => {
        try { await send('DELETE', `admin/accounts/${encodeURIComponent(account.login)}/lockout`); status.textContent = t('unlocked'); } catch (e) { status.textContent = problemText(e); }
      } }, t('unlock')),
      status);
  }
  await render();
  return item;
}

async function loadAccounts() {
  const list = $('accounts');
  const accounts = (await read('admin/accounts')).body;
  const items = await Promise.all(accounts.map(accountItem));
  replace(list, items);
}

async function main() {
  setLanguage(params.get('lang'));
  translatePage();
  document.title = `Ortsanker – ${t('adminPage')}`;
  $('lang').addEventListener('click', () => {
    params.set('lang', language() === 'de' ? 'en' : 'de');
    history.replaceState(null, '', `?${params}`);
    location.reload();
  });
  const who = await me().catch(() => null);
  if (!who) { location.assign(signInUrl()); return; }
  const chooser = roleChooser(true);
  $('new-role-fields').append(chooser.wrap);
  $('new-account').addEventListener('submit', async (e) => {
    e.preventDefault();
    const status = $('new-account-status');
    status.textContent = '';
    ['new-login', 'new-password'].forEach((f) => { $(f).removeAttribute('aria-invalid'); $(`${f}-error`).hidden = true; });
    const login = $('new-login').value.trim();
    try {
      await send('POST', 'admin/accounts', { login, display_name: $('new-display').value.trim() || null, password: $('new-password').value });
    } catch (error) {
      const p = error instanceof Problem ? (error.body['invalid-params'] || [])[0] : null;
      const target = p && { login: 'new-login', password: 'new-password' }[p.name];
      if (target) {
        $(target).setAttribute('aria-invalid', 'true');
        $(`${target}-error`).hidden = false;
        $(`${target}-error`).textContent = t('invalidField', { reason: p.reason });
        $(target).focus();
      } else status.textContent = problemText(error);
      return;
    }
    const { role, territory } = chooser.value();
    if (role) {
      try {
        await send('POST', `admin/accounts/${encodeURIComponent(login)}/roles`, { role, territory });
      } catch (error) {
        status.textContent = t('accountMadeRoleFailed', { reason: problemText(error) });
        await loadAccounts();
        return;
      }
    }
    $('new-account').reset();
    chooser.reset();
    $('admin-status').textContent = t('accountCreated', { login });
    await loadAccounts();
  });
  try {
    await loadAccounts();
  } catch (error) {
    $('admin-status').textContent = problemText(error);
  }
}

main();
