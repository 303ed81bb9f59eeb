// The bare map for a portal's iframe: /embed?layers=third_places,mitfahrbank&bbox=W,S,E,N&filter=open_now,step_free,free&lang=en.
// layers= takes layers (kind groups) and single kinds, as the layer catalogue names them (/map/config.json);
// a name it does not know is said on the map, never read as "everything". Loads only the places in view;
// a list of them (a full alternative to the map) opens from the corner.
import { el, replace, debounce } from './dom.js';
import { t, label, setLanguage, language, placeName } from './i18n.js';
import { config as loadConfig, latestOnly, url, describe } from './api.js';
import { createMap } from './basemap.js';
import { placesLayer, letter } from './markers.js';
import { openStatus } from './hours.js';
import { pointOf } from './geo.js';
import { chooseLayers } from './layers.js';

const L = window.L;
const PAGE = 500;
const FILTERS = { open_now: ['open_now', 'true'], step_free: ['step_free', 'yes'], free: ['free_entry', 'true'] };

const query = new URLSearchParams(location.search);
setLanguage(query.get('lang'));
const within = latestOnly();
let loadedBox = null;

function parseBox(text) {
  const box = (text || '').split(',').map(Number);
  return box.length === 4 && box.every(Number.isFinite) && box[0] < box[2] && box[1] < box[3] ? box : null;
}

async function main() {
  const cfg = await loadConfig();
  const { chosen, unknown, asked } = chooseLayers(cfg, query.get('layers'));
  const filters = {};
  (query.get('filter') || '').split(',').forEach((f) => { if (FILTERS[f]) filters[FILTERS[f][0]] = FILTERS[f][1]; });
  const params = { kinds: chosen.length ? chosen.map((c) => c.code).join(',') : null, ...filters };
  const names = (asked ? chosen : cfg.layers.filter((l) => l.places)).map((c) => label(c, 'label'));
  document.title = `Ortsanker: ${names.join(', ') || '–'}`;

  const { map, attribution } = createMap(document.getElementById('map'), cfg);
  if (unknown.length) unknownNote(map, unknown, names);
  const start = parseBox(query.get('bbox')) || cfg.start;
  map.fitBounds([[start[1], start[0]], [start[3], start[2]]], { animate: false });
  const markers = placesLayer(map, (id) => popup(id));
  const byId = new Map();
  const list = listControl(map);

  function popup(id) {
    const f = byId.get(id);
    if (!f) return;
    const p = f.properties;
    const at = pointOf(f.geometry);
    const status = openStatus(p);
    const full = url('map/', { place: id, lang: language() === 'de' ? null : 'en', at: `${at.lat.toFixed(5)},${at.lon.toFixed(5)}` });
    L.popup({ maxWidth: 260 }).setLatLng([at.lat, at.lon]).setContent(el('div', {},
      el('p', {}, el('strong', {}, placeName(p))),
      el('p', {}, label(p, 'kind_label')),
      status ? el('p', {}, status.text) : null,
      p.wheelchair ? el('p', {}, t(`wheelchair_${p.wheelchair}`)) : null,
      el('p', {}, el('a', { href: full, target: '_blank', rel: 'noopener' }, t('openFullMap'))),
      el('p', { class: 'muted' }, p.attribution))).openOn(map);
  }

  const load = () => {
    // Only unknown layers asked for: nothing to show but the note (not every layer).
    if (asked && !chosen.length) { list.render([], map, popup, false); return; }
    const b = map.getBounds();
    const view = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    // The portal's page can read the current area back (the snippet generator does).
    const q = new URLSearchParams(location.search);
    q.set('bbox', view.map((n) => n.toFixed(4)).join(','));
    history.replaceState(null, '', `${location.pathname}?${q.toString().replace(/%2C/g, ',')}`);
    if (loadedBox && !loadedBox.capped && loadedBox.box[0] <= view[0] && loadedBox.box[1] <= view[1]
      && loadedBox.box[2] >= view[2] && loadedBox.box[3] >= view[3]) {
      list.render([...byId.values()], map, popup, false);
      return;
    }
    // A margin around the view, so small pans need nothing new.
    const padded = map.getBounds().pad(0.25);
    const box = [padded.getWest(), padded.getSouth(), padded.getEast(), padded.getNorth()].map((n) => Math.max(-180, Math.min(180, n)));
    within('places/within', { bbox: box.map((n) => n.toFixed(5)).join(','), limit: PAGE, ...params }).then((collection) => {
      const features = collection.features || [];
      byId.clear();
      features.forEach((f) => byId.set(f.id, f));
      loadedBox = { box, capped: features.length >= PAGE };
      markers.set(features);
      attribution.setData((collection.attributions || []).map((a) => a.attribution));
      list.render(features, map, popup, loadedBox.capped);
    }).catch((error) => { if (error.name !== 'AbortError') list.error(describe(error)); });
  };
  map.whenReady(load);
  map.on('moveend', debounce(load, 200));
}

/** A note on the map naming the layers it does not know, and what it shows instead. */
function unknownNote(map, unknown, shown) {
  const note = L.control({ position: 'topleft' });
  note.onAdd = () => el('p', { class: 'map-note embed-unknown', role: 'alert' },
    shown.length ? t('embedUnknownSome', { unknown: unknown.join(', '), shown: shown.join(', ') })
      : t('embedUnknownAll', { unknown: unknown.join(', ') }));
  note.addTo(map);
}

/** The places in view as a list, opened from a button in the corner. */
function listControl(map) {
  const control = L.control({ position: 'topright' });
  const summary = el('summary', {}, t('listButton', { n: 0 }));
  const list = el('ol');
  const note = el('p', { class: 'muted', role: 'status' });
  const box = el('details', { class: 'embed-list' }, summary, note, list);
  control.onAdd = () => { L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box); return box; };
  control.addTo(map);
  return {
    render(features, m, popup, capped) {
      const bounds = m.getBounds();
      const visible = features.filter((f) => { const p = pointOf(f.geometry); return p && bounds.contains([p.lat, p.lon]); })
        .sort((a, b) => (a.properties.name || '').localeCompare(b.properties.name || '', language()));
      summary.textContent = t('listButton', { n: visible.length });
      note.textContent = capped ? t('embedCapped') : '';
      replace(list, visible.map((f) => el('li', {}, el('button', { type: 'button', class: 'link', onclick: () => popup(f.id) },
        el('span', { class: `badge om-${f.properties.group}`, 'aria-hidden': 'true' }, letter(f.properties.group)),
        ` ${placeName(f.properties)}`))));
    },
    error(message) {
      note.textContent = t('loadFailed', { reason: message });
    },
  };
}

main().catch((error) => document.body.append(el('p', { role: 'alert' }, t('loadFailed', { reason: describe(error) }))));
