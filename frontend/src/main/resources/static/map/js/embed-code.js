// The snippet generator: choose layers or single kinds, filters and area, see the embedded map live, copy the
// iframe code; and, for GIS users, every layer's OGC API Features and TileJSON address. Its own address may
// carry ?layers= (to edit a snippet): names the catalogue does not know are said, and left out.
import { el, replace, safeLink, debounce } from './dom.js';
import { t, label, setLanguage, translatePage } from './i18n.js';
import { config as loadConfig, url } from './api.js';
import { letter } from './markers.js';
import { chooseLayers } from './layers.js';

const $ = (id) => document.getElementById(id);
const query = new URLSearchParams(location.search);
let lang = setLanguage(query.get('lang'));
let cfg;

/** A whole layer where it is ticked, else the kinds ticked under it. */
function chosenCodes() {
  const codes = [];
  document.querySelectorAll('input[name=layer]').forEach((box) => {
    if (box.checked) codes.push(box.value);
    else document.querySelectorAll(`input[name=kind][data-layer="${box.value}"]:checked`).forEach((k) => codes.push(k.value));
  });
  return codes;
}

function embedUrl() {
  const layers = chosenCodes();
  const all = document.querySelectorAll('input[name=layer]:checked').length === document.querySelectorAll('input[name=layer]').length;
  const filters = [...document.querySelectorAll('input[name=filter]:checked')].map((b) => b.value);
  const bbox = /^-?[\d.]+(,-?[\d.]+){3}$/.test($('bbox').value) ? $('bbox').value : null;
  return url('embed', {
    layers: all ? null : layers.join(',') || null,
    bbox, filter: filters.length ? filters.join(',') : null, lang: lang === 'de' ? null : lang,
  }).replace(/%2C/g, ',');
}

function update() {
  const src = embedUrl();
  const width = /^\d+(px|%)?$/.test($('width').value.trim()) ? $('width').value.trim() : '100%';
  const height = Math.max(200, Math.min(2000, Number($('height').value) || 450));
  const names = chosenCodes().map((code) => document.querySelector(`input[value="${code}"]`).dataset.label);
  const title = `Ortsanker: ${names.join(', ') || '–'}`;
  // The snippet is text in a textarea: quotes in the title are escaped for the portal's HTML.
  const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  $('snippet').value = `<iframe src="${attr(src)}" title="${attr(title)}" width="${attr(width)}" height="${height}"`
    + ' style="border:0" loading="lazy" allow="geolocation"></iframe>';
  if ($('preview').getAttribute('src') !== src) $('preview').src = src;
}

/** Layers, each with its kinds to pick one by one (a county embeds just its Mitfahrbänke). */
function build(initial) {
  translatePage();
  const layers = $('layers');
  const chosen = initial ?? new Set(chosenCodes());
  const everything = chosen.size === 0;
  replace(layers, el('legend', {}, t('layersLegend')), cfg.layers.filter((l) => l.places).map((l) => {
    const whole = everything || chosen.has(l.code);
    const kinds = (l.kinds || []).map((k) => el('label', { class: 'check' },
      el('input', {
        type: 'checkbox', name: 'kind', value: k.code, 'data-layer': l.code, 'data-label': label(k, 'label'),
        checked: whole || chosen.has(k.code), disabled: whole,
      }), ` ${label(k, 'label')}`));
    return el('div', { class: 'layer-choice' },
      el('label', { class: 'check' },
        el('input', { type: 'checkbox', name: 'layer', value: l.code, 'data-label': label(l, 'label'), checked: whole }),
        el('span', { class: `badge om-${l.code}`, 'aria-hidden': 'true' }, letter(l.code)), ` ${label(l, 'label')}`),
      kinds.length > 1 ? el('details', { class: 'kinds', open: !whole && kinds.some((k) => k.querySelector('input').checked) },
        el('summary', {}, `${t('kindsOf')}: ${label(l, 'label')}`), kinds) : null);
  }));
  replace($('gis'), el('table', {},
    el('thead', {}, el('tr', {}, ['colLayer', 'colFeatures', 'colTiles'].map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, cfg.layers.map((l) => el('tr', {},
      el('th', { scope: 'row' }, label(l, 'label')),
      el('td', {}, l.items_url ? safeLink(l.items_url, l.items_url) : t('notServed')),
      el('td', {}, l.tilejson_url ? safeLink(l.tilejson_url, l.tilejson_url) : t('notServed')))))));
  update();
}

async function main() {
  cfg = await loadConfig();
  $('bbox').value = cfg.start.map((n) => n.toFixed(4)).join(',');
  const asked = chooseLayers(cfg, query.get('layers'));
  if (asked.unknown.length) {
    replace($('layers-error'), t('layersUnknown', { unknown: asked.unknown.join(', ') }));
    $('layers-error').hidden = false;
  }
  build(new Set(asked.asked && !asked.chosen.length ? ['–'] : asked.chosen.map((c) => c.code)));
  $('options').addEventListener('change', (e) => {
    // A whole layer ticked covers its kinds; unticked, its kinds can be picked one by one.
    if (e.target.name === 'layer') {
      document.querySelectorAll(`input[name=kind][data-layer="${e.target.value}"]`).forEach((k) => {
        k.checked = e.target.checked;
        k.disabled = e.target.checked;
      });
      if (!e.target.checked) e.target.closest('.layer-choice').querySelector('details')?.setAttribute('open', '');
    }
  });
  $('options').addEventListener('input', debounce(update, 300));
  $('take-bbox').addEventListener('click', () => {
    // Same origin: the preview keeps its current area in its own address.
    const area = new URLSearchParams($('preview').contentWindow.location.search).get('bbox');
    if (area) { $('bbox').value = area; update(); }
  });
  $('copy').addEventListener('click', async () => {
    $('snippet').select();
    try { await navigator.clipboard.writeText($('snippet').value); } catch { document.execCommand('copy'); }
    $('copied').textContent = t('copied');
  });
  $('lang').addEventListener('click', () => {
    lang = setLanguage(lang === 'de' ? 'en' : 'de');
    history.replaceState(null, '', lang === 'de' ? location.pathname : `${location.pathname}?lang=en`);
    build();
  });
}

main();
