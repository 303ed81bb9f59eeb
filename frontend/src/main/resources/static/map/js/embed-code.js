// The snippet generator: choose layers, filters and area, see the embedded map live, copy the iframe code;
// and, for GIS users, every layer's OGC API Features and TileJSON address.
import { el, replace, safeLink, debounce } from './dom.js';
import { t, label, setLanguage, translatePage } from './i18n.js';
import { config as loadConfig, url } from './api.js';
import { letter } from './markers.js';

const $ = (id) => document.getElementById(id);
const query = new URLSearchParams(location.search);
let lang = setLanguage(query.get('lang'));
let cfg;

function embedUrl() {
  const layers = [...document.querySelectorAll('input[name=layer]:checked')].map((b) => b.value);
  const all = document.querySelectorAll('input[name=layer]').length;
  const filters = [...document.querySelectorAll('input[name=filter]:checked')].map((b) => b.value);
  const bbox = /^-?[\d.]+(,-?[\d.]+){3}$/.test($('bbox').value) ? $('bbox').value : null;
  return url('embed', {
    layers: layers.length && layers.length < all ? layers.join(',') : null,
    bbox, filter: filters.length ? filters.join(',') : null, lang: lang === 'de' ? null : lang,
  }).replace(/%2C/g, ',');
}

function update() {
  const src = embedUrl();
  const width = /^\d+(px|%)?$/.test($('width').value.trim()) ? $('width').value.trim() : '100%';
  const height = Math.max(200, Math.min(2000, Number($('height').value) || 450));
  const names = [...document.querySelectorAll('input[name=layer]:checked')].map((b) => b.dataset.label);
  const title = `Ortsanker: ${names.join(', ') || '–'}`;
  // The snippet is text in a textarea: quotes in the title are escaped for the portal's HTML.
  const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  $('snippet').value = `<iframe src="${attr(src)}" title="${attr(title)}" width="${attr(width)}" height="${height}"`
    + ' style="border:0" loading="lazy" allow="geolocation"></iframe>';
  if ($('preview').getAttribute('src') !== src) $('preview').src = src;
}

function build() {
  translatePage();
  const layers = $('layers');
  const chosen = new Set([...document.querySelectorAll('input[name=layer]:checked')].map((b) => b.value));
  replace(layers, el('legend', {}, t('layersLegend')), cfg.layers.filter((l) => l.places).map((l) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', name: 'layer', value: l.code, 'data-label': label(l, 'label'), checked: chosen.size ? chosen.has(l.code) : true }),
    el('span', { class: `badge om-${l.code}`, 'aria-hidden': 'true' }, letter(l.code)), ` ${label(l, 'label')}`)));
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
  build();
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
