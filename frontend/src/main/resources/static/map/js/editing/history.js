// A place's history: every version with who (a pseudonym for the public, the login for administrators, as
// the service answers), when, from where, why and which fields changed; for those who may edit the place,
// "revert to this version" with a comment. Everything from the data is shown as text.
import { el, replace } from '../dom.js';
import { t, setLanguage, translatePage, language } from '../i18n.js';
import { url, describe, Problem } from '../api.js';
import { read, send, me } from './session.js';
import './words.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const id = Number(params.get('place'));

function when(iso) {
  return new Date(iso).toLocaleString(language(), { dateStyle: 'medium', timeStyle: 'short' });
}

function shown(value) {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'object') {
    if (value.withheld) return t('withheld');
    if (value.type && value.coordinates) {
      return value.type === 'Point' ? `${value.coordinates[1].toFixed(5)}, ${value.coordinates[0].toFixed(5)}` : t('geometryValue', { type: value.type });
    }
    return JSON.stringify(value);
  }
  return String(value);
}

function fieldName(name) {
  const key = `field_${name}`;
  const word = t(key);
  return word === key ? name : word;
}

function diff(changes) {
  const rows = Object.entries(changes || {});
  if (!rows.length) return null;
  return el('table', { class: 'diff' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('colField')), el('th', { scope: 'col' }, t('colBefore')),
      el('th', { scope: 'col' }, t('colAfter')))),
    el('tbody', {}, rows.map(([name, change]) => el('tr', {},
      el('th', { scope: 'row' }, fieldName(name)),
      el('td', {}, change?.withheld ? t('withheld') : shown(change?.old)),
      el('td', {}, change?.withheld ? t('withheld') : shown(change?.new))))));
}

async function load(focus) {
  const status = $('history-status');
  let editable = false;
  try {
    const [history, account] = await Promise.all([read(`places/${id}/history`), me().catch(() => null)]);
    if (account) {
      editable = await read(`places/${id}/editable`).then(() => true, () => false);
    }
    const h = history.body;
    status.textContent = t('historySummary', { n: h.versions.length, version: h.current_version });
    const list = $('versions');
    replace(list);
    for (const v of [...h.versions].reverse()) {
      const item = el('li', { class: 'version', id: `version-${v.version}`, 'data-version': v.version },
        el('h2', {}, t('versionHeading', { n: v.version })),
        el('p', { class: 'version-meta' },
          t('versionWhen', { at: when(v.at) }), ' · ',
          v.by ? t('versionBy', { by: v.by }) : t('versionByImport'), ' · ',
          t(`origin_${v.origin}`) + (v.import_run ? ` (${t('importRun', { n: v.import_run })})` : '')),
        v.comment ? el('p', { class: 'version-comment' }, t('versionComment', { comment: v.comment })) : null,
        diff(v.changes));
      if (editable && v.version < h.current_version) item.append(revertForm(v.version, history.etag));
      list.append(item);
    }
    // Version 0 is the place before its first recorded change (reverting there retires a place made by hand).
    if (editable && h.current_version > 0) {
      list.append(el('li', { class: 'version', 'data-version': 0 }, el('h2', {}, t('versionZero')), revertForm(0, history.etag)));
    }
    await showConflict(editable);
    if (focus) $('history-heading').focus();
  } catch (error) {
    status.textContent = error instanceof Problem && error.status === 404 ? t('historyNotFound') : describe(error);
  }
}

/**
 * A hand edit its source's import later contradicted (the import kept the edit): hand value beside the
 * source's, and the two ways out — keep the hand edit, or take the source's values.
 */
async function showConflict(editable) {
  const box = $('conflict');
  box.hidden = true;
  if (!editable) return;
  let answer;
  try {
    answer = await read(`places/${id}/conflict`);
  } catch {
    return;  // none (404), or not ours to see
  }
  const c = answer.body;
  const comment = el('input', { type: 'text', id: 'conflict-comment', maxlength: 2000 });
  const problem = el('p', { class: 'form-error', role: 'alert' });
  const resolve = (resolution) => async () => {
    try {
      const query = new URLSearchParams({ resolution });
      if (comment.value.trim()) query.set('comment', comment.value.trim());
      await send('POST', `places/${id}/conflict?${query}`, undefined, { 'If-Match': answer.etag });
      $('history-status').textContent = t(resolution === 'keep' ? 'conflictKept' : 'conflictTaken');
      await load(true);
    } catch (error) {
      if (error instanceof Problem && error.status === 412) {
        replace(problem, t('staleEdit'), ' ', el('button', { type: 'button', class: 'secondary', onclick: () => load(true) }, t('reloadPlace')));
      } else problem.textContent = describe(error);
    }
  };
  replace(box,
    el('h2', { id: 'conflict-heading' }, t('conflictTitle')),
    el('p', {}, t('conflictIntro', { source: c.source, at: when(c.reported_at) })),
    el('table', { class: 'diff' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('colField')), el('th', { scope: 'col' }, t('colHand')),
        el('th', { scope: 'col' }, t('colSource')))),
      el('tbody', {}, Object.entries(c.fields).map(([name, pair]) => el('tr', {},
        el('th', { scope: 'row' }, fieldName(name)), el('td', {}, shown(pair.hand)), el('td', {}, shown(pair.source)))))),
    el('form', { class: 'edit-form', onsubmit: (e) => e.preventDefault() },
      el('div', { class: 'field' }, el('label', { for: 'conflict-comment' }, t('revertComment')), comment),
      problem,
      el('div', { class: 'form-buttons' },
        el('button', { type: 'button', id: 'keep-hand', onclick: resolve('keep') }, t('keepHand')),
        el('button', { type: 'button', class: 'secondary', id: 'take-source', onclick: resolve('source') }, t('takeSource')))));
  box.hidden = false;
}

function revertForm(version, etag) {
  const comment = el('input', { type: 'text', id: `revert-comment-${version}`, maxlength: 2000 });
  const problem = el('p', { class: 'form-error', role: 'alert' });
  return el('form', { class: 'edit-form revert', onsubmit: async (e) => {
    e.preventDefault();
    try {
      const query = new URLSearchParams({ version: String(version) });
      if (comment.value.trim()) query.set('comment', comment.value.trim());
      await send('POST', `places/${id}/revert?${query}`, undefined, { 'If-Match': etag });
      $('history-status').textContent = t('reverted', { n: version });
      await load(true);
    } catch (error) {
      if (error instanceof Problem && error.status === 412) {
        replace(problem, t('staleEdit'), ' ', el('button', { type: 'button', class: 'secondary', onclick: () => load(true) }, t('reloadPlace')));
      } else {
        problem.textContent = error instanceof Problem && error.status === 403
          ? t('refused', { detail: error.body.detail || '' }) : describe(error);
      }
    }
  } },
  el('div', { class: 'field' }, el('label', { for: `revert-comment-${version}` }, t('revertComment')), comment),
  problem,
  el('button', { type: 'submit', class: 'secondary revert-button', 'data-version': version }, t('revertTo', { n: version })));
}

function main() {
  setLanguage(params.get('lang'));
  translatePage();
  document.title = `Ortsanker – ${t('historyTitle')}`;
  $('back-to-map').href = url('map/', { place: id, lang: language() === 'en' ? 'en' : null });
  $('lang').addEventListener('click', () => {
    params.set('lang', language() === 'de' ? 'en' : 'de');
    history.replaceState(null, '', `?${params}`);
    setLanguage(params.get('lang'));
    translatePage();
    load(false);
  });
  if (!Number.isInteger(id) || id <= 0) {
    $('history-status').textContent = t('historyNotFound');
    return;
  }
  load(false);
}

main();
