// The citizen map: search or "near me", filters in plain words, a list sorted by distance beside the
// map (a full alternative to it), a detail panel, and the whole state in the address.
import { el, replace, debounce } from './dom.js';
import { t, label, setLanguage, translatePage, language, placeName } from './i18n.js';
import { config as loadConfig, getJson, latestOnly, Problem, describe } from './api.js';
import { metres, distanceText, pointOf } from './geo.js';
import { createMap } from './basemap.js';
import { placesLayer, letter } from './markers.js';
import { renderDetail } from './detail.js';
import { renderJourney, clearJourney } from './journey.js';
import { openStatus } from './hours.js';
import * as urlState from './url-state.js';

const LIMIT = 100;          // nearest places per request (the places API's maximum)
const MAX_RADIUS = 100000;  // metres

const $ = (id) => document.getElementById(id);
let state = urlState.read();
let cfg;
let map;
let attribution;
let markers;
let originMarker;
let loaded = null;          // {centre, reach, key, features, attributions}
let detailFeature = null;
let drawn = null;           // the answer the markers show
const nearby = latestOnly();
const suggest = latestOnly();

async function main() {
  setLanguage(state.lang);
  translatePage();
  cfg = await loadConfig();
  buildFilters();
  ({ map, attribution } = createMap($('map'), cfg));
  markers = placesLayer(map, (id) => select(id, { pan: false }));
  showInitialView();
  map.on('moveend', () => {
    const c = map.getCenter();
    state.view = { lat: c.lat, lon: c.lng, zoom: map.getZoom() };
    urlState.write(state, false);
    loadSoon();
  });
  wireSearch();
  wireFilters();
  // On a phone the filters fold away (the map and list matter first), unless the address sets some.
  if (window.matchMedia('(max-width: 48rem)').matches && !state.kinds && !state.open && !state.step && !state.free) {
    $('filter-box').open = false;
  }
  $('nearme').addEventListener('click', nearMe);
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'de' ? 'en' : 'de';
    urlState.write(state, true);
    relabel();
  });
  $('detail').addEventListener('keydown', (e) => { if (e.key === 'Escape') closeDetail(); });
  window.addEventListener('popstate', () => apply(urlState.read()));
  showOrigin();
  load();
  if (state.place) select(state.place, { push: false, pan: !state.view });
  // Signing in and editing (js/editing/): loaded after the map, so a first visit does not wait for it.
  import('./editing/edit.js').then((editing) => editing.start({
    map, config: cfg, panel: $('detail'), current: state.place,
    reload: () => { loaded = null; load(); }, select: (id) => select(id, { pan: true }), close: closeDetail,
  }));
}

function showInitialView() {
  if (state.view) map.setView([state.view.lat, state.view.lon], state.view.zoom, { animate: false });
  else if (state.at) map.setView([state.at.lat, state.at.lon], 14, { animate: false });
  else map.fitBounds([[cfg.start[1], cfg.start[0]], [cfg.start[3], cfg.start[2]]], { animate: false });
}

/** Back/forward: take over the address's state and show it. */
function apply(next) {
  const langChanged = next.lang !== state.lang;
  state = next;
  if (langChanged) relabel();
  syncControls();
  if (state.view) map.setView([state.view.lat, state.view.lon], state.view.zoom);
  showOrigin();
  load();
  if (state.place) select(state.place, { push: false, pan: false }); else hideDetail();
}

function relabel() {
  setLanguage(state.lang);
  translatePage();
  buildFilters();
  render();
  if (detailFeature) {
    renderDetail($('detail'), detailFeature, language(), detailHandlers);
    document.dispatchEvent(new CustomEvent('ortsanker:detail', { detail: { id: detailFeature.id } }));
  }
  document.dispatchEvent(new CustomEvent('ortsanker:relabel'));
}

// ---- filters ------------------------------------------------------------------------------------------

function buildFilters() {
  const box = $('kinds');
  replace(box, el('legend', {}, t('whatLegend')));
  for (const layer of cfg.layers.filter((l) => l.places)) {
    const checked = !state.kinds || state.kinds.includes(layer.code);
    box.append(el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: 'kind', value: layer.code, checked }),
      el('span', { class: `badge om-${layer.code}`, 'aria-hidden': 'true' }, letter(layer.code)),
      ` ${label(layer, 'label')}`));
  }
  syncControls();
}

function syncControls() {
  document.querySelectorAll('input[name=kind]').forEach((box) => { box.checked = !state.kinds || state.kinds.includes(box.value); });
  $('open').checked = state.open;
  $('step').checked = state.step;
  $('free').checked = state.free;
  $('q').value = state.q;
}

function wireFilters() {
  $('filters').addEventListener('change', () => {
    const all = [...document.querySelectorAll('input[name=kind]')];
    const chosen = all.filter((b) => b.checked).map((b) => b.value);
    state.kinds = chosen.length === all.length ? null : chosen;
    state.open = $('open').checked;
    state.step = $('step').checked;
    state.free = $('free').checked;
    urlState.write(state, true);
    load();
  });
}

function filterParams() {
  return {
    kinds: state.kinds ? state.kinds.join(',') : null,
    open_now: state.open ? 'true' : null,
    step_free: state.step ? 'yes' : null,
    free_entry: state.free ? 'true' : null,
  };
}

// ---- loading what is visible -----------------------------------------------------------------------------

const loadSoon = debounce(() => load(), 250);

/**
 * Loads the places around the map's centre, as far as its corners. Skipped when the last answer already
 * covers the view (zooming in, small pans): the weak connection is spent only on what is new.
 */
function load() {
  if (state.kinds && state.kinds.length === 0) {
    loaded = { features: [], attributions: [], key: 'none' };
    render(t('noKinds'));
    return;
  }
  const c = map.getCenter();
  const centre = { lat: c.lat, lon: c.lng };
  const corner = map.getBounds().getNorthEast();
  const radius = Math.min(MAX_RADIUS, Math.ceil(metres(centre, { lat: corner.lat, lon: corner.lng })));
  const params = filterParams();
  const key = JSON.stringify(params);
  if (loaded?.centre && loaded.key === key && metres(loaded.centre, centre) + radius <= loaded.reach) {
    render();
    return;
  }
  setSummary(t('loading'));
  $('results').setAttribute('aria-busy', 'true');
  nearby('places/nearby', { lon: centre.lon.toFixed(6), lat: centre.lat.toFixed(6), radius, limit: LIMIT, ...params })
    .then((collection) => {
      const features = collection.features || [];
      const capped = features.length >= LIMIT;
      // A full page reaches only as far as its farthest place.
      const reach = capped ? Math.max(0, ...features.map((f) => f.properties.distance_m || 0)) : radius;
      loaded = { centre, reach, key, capped, features, attributions: collection.attributions || [] };
      render();
    })
    .catch((error) => {
      if (error.name === 'AbortError') return;
      $('results').removeAttribute('aria-busy');
      replace($('results'));
      setSummary(t('loadFailed', { reason: describe(error) }),
        el('button', { type: 'button', class: 'secondary', onclick: () => { loaded = null; load(); } }, t('retry')));
    });
}

// ---- the list and the map ---------------------------------------------------------------------------------

function origin() {
  if (state.at) return { ...state.at, label: state.me ? t('myLocation') : state.q };
  const c = map.getCenter();
  return { lat: c.lat, lon: c.lng, label: null };
}

function render(message) {
  if (!loaded) return;
  $('results').removeAttribute('aria-busy');
  const from = origin();
  const bounds = map.getBounds();
  const visible = loaded.features
    .map((f) => ({ f, at: pointOf(f.geometry) }))
    .filter(({ at }) => at && bounds.contains([at.lat, at.lon]))
    .map(({ f, at }) => ({ f, d: metres(from, at) }))
    .sort((a, b) => a.d - b.d);
  // Markers are rebuilt only for a new answer: panning inside it keeps them (and any cluster opened).
  if (drawn !== loaded) {
    markers.set(loaded.features);
    drawn = loaded;
  }
  if (state.place) markers.select(state.place);
  attribution.setData(loaded.attributions.map((a) => a.attribution));
  const list = $('results');
  // A keyboard user's place in the list survives a new answer (a pan, a zoom to the chosen place).
  const focused = list.contains(document.activeElement) ? document.activeElement.dataset.id : null;
  replace(list, visible.map(({ f, d }) => listItem(f, d)));
  if (focused) list.querySelector(`.result[data-id="${Number(focused)}"]`)?.focus();
  list.dataset.renders = String(Number(list.dataset.renders || 0) + 1);  // lets tests wait for a new answer
  if (message) {
    setSummary(message);
  } else if (!visible.length) {
    // Nothing this near: said plainly, with the way to look farther (never a silent empty list).
    setSummary(from.label ? t('noneNear', { origin: from.label }) : t('noResults'), ' ',
      el('button', { type: 'button', class: 'secondary', id: 'wider', onclick: () => widen(from) }, t('searchWider')));
  } else {
    setSummary(
      `${visible.length === 1 ? t('resultsCountOne') : t('resultsCount', { n: visible.length })}, `
        + (from.label ? t('resultsFrom', { origin: from.label }) : t('resultsFromCentre')) + '.',
      loaded.capped ? el('span', { class: 'muted' }, ` ${t('resultsCapped', { n: LIMIT })}`) : null,
    );
  }
}

/** The nearest matching place within 100 km of the origin, brought into view with the origin. */
async function widen(from) {
  setSummary(t('loading'));
  try {
    const answer = await getJson('places/nearby', {
      lon: from.lon.toFixed(6), lat: from.lat.toFixed(6), radius: MAX_RADIUS, limit: 1, ...filterParams(),
    });
    const nearest = answer.features?.[0];
    const at = nearest && pointOf(nearest.geometry);
    if (!at) {
      setSummary(t('noneWithin', { km: MAX_RADIUS / 1000 }));
      return;
    }
    map.fitBounds([[from.lat, from.lon], [at.lat, at.lon]], { animate: false, padding: [40, 40] });
  } catch (error) {
    setSummary(t('loadFailed', { reason: describe(error) }));
  }
}

function listItem(f, d) {
  const p = f.properties;
  const status = openStatus(p);
  const name = placeName(p);
  const kind = label(p, 'kind_label');
  const facts = [
    // The kind once: not again after a name that is the kind ("Bushaltestelle (ohne Namen)", a stop named so).
    kind && p.name && p.name.trim() !== kind ? kind : null,
    distanceText(d, language()),
    status ? status.text : null,
    p.wheelchair ? t(`wheelchair_${p.wheelchair}`) : null,
    p.free_entry === true ? t('free_true') : null,
  ].filter(Boolean);
  return el('li', {},
    el('button', {
      type: 'button', class: `result${f.id === state.place ? ' selected' : ''}`, 'data-id': f.id,
      'aria-current': f.id === state.place ? 'true' : null, onclick: () => select(f.id, { pan: true }),
    },
    el('span', { class: `badge om-${p.group}`, 'aria-hidden': 'true' }, letter(p.group)),
    el('span', { class: 'result-text' },
      el('span', { class: 'result-name' }, name),
      el('span', { class: 'result-facts' }, facts.join(' · ')))));
}

function setSummary(...content) {
  replace($('results-summary'), ...content);
}

function showOrigin() {
  if (originMarker) originMarker.remove();
  originMarker = null;
  if (state.at) {
    originMarker = window.L.circleMarker([state.at.lat, state.at.lon], {
      radius: 9, color: '#ffffff', weight: 3, fillColor: '#1a56b0', fillOpacity: 1, interactive: false,
    }).addTo(map);
  }
}

// ---- detail ---------------------------------------------------------------------------------------------

const detailHandlers = {
  close: () => closeDetail(),
  select: (id) => select(id, { pan: true }),
  // The way there starts where the list is sorted from, when the user searched a village or asked "near me".
  journey: (container, feature) => renderJourney(container, feature, {
    map, origin: state.at ? { lon: state.at.lon, lat: state.at.lat, here: Boolean(state.me), name: state.q } : null,
  }),
};
let detailRequest = 0;

async function select(id, { push = true, pan = false } = {}) {
  state.place = id;
  urlState.write(state, push);
  markers.select(id);
  document.querySelectorAll('.result').forEach((b) => {
    const on = Number(b.dataset.id) === id;
    b.classList.toggle('selected', on);
    if (on) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
  });
  const request = ++detailRequest;
  const panel = $('detail');
  try {
    const at = state.at ? { lon: state.at.lon.toFixed(6), lat: state.at.lat.toFixed(6) } : {};
    const feature = await getJson(`places/${id}`, at);
    if (request !== detailRequest) return;
    detailFeature = feature;
    const heading = renderDetail(panel, feature, language(), detailHandlers);
    document.dispatchEvent(new CustomEvent('ortsanker:detail', { detail: { id } }));
    panel.hidden = false;
    document.body.classList.add('showing-detail');
    heading.focus();
    const p = pointOf(feature.geometry);
    if (pan && p && !map.getBounds().pad(-0.1).contains([p.lat, p.lon])) {
      map.setView([p.lat, p.lon], Math.max(map.getZoom(), 15));
    }
    markers.reveal(id);
  } catch (error) {
    if (request !== detailRequest) return;
    replace(panel, el('button', { type: 'button', class: 'close', onclick: () => closeDetail() }, t('backToList')),
      el('p', { role: 'alert' }, t('loadFailed', { reason: describe(error) })));
    panel.hidden = false;
    document.body.classList.add('showing-detail');
  }
}

function closeDetail() {
  const id = state.place;
  state.place = null;
  urlState.write(state, true);
  hideDetail();
  markers.select(null);
  const button = document.querySelector(`.result[data-id="${Number(id)}"]`);
  (button || $('q')).focus();
}

function hideDetail() {
  detailFeature = null;
  clearJourney(map);
  $('detail').hidden = true;
  document.body.classList.remove('showing-detail');
}

// ---- search and near me -----------------------------------------------------------------------------------

let options = [];
let active = -1;

function wireSearch() {
  const input = $('q');
  const typed = debounce(() => {
    const text = input.value.trim();
    if (text.length < 2) { closeSuggestions(); return; }
    suggest('map/suggest', { q: text }).then((answer) => showSuggestions(answer.suggestions.map((s) => ({
      text: s.name,
      detail: suggestionDetail(s),
      choose: () => chooseSuggestion(s),
    })), null)).catch((error) => { if (error.name !== 'AbortError') closeSuggestions(); });
  }, 200);
  input.addEventListener('input', typed);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!options.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
      markActive();
    } else if (e.key === 'Escape') {
      closeSuggestions();
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      options[active].choose();
    }
  });
  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    resolve(input.value.trim());
  });
}

function suggestionDetail(s) {
  if (s.type === 'place') return [label(s, 'kind_label'), s.context].filter(Boolean).join(', ');
  if (s.type === 'locality') return [t(`locality_${s.detail}`), s.context].filter((x) => x && x !== s.name).join(', ');
  return s.detail;
}

function showSuggestions(list, heading) {
  const box = $('suggestions');
  options = list;
  active = -1;
  replace(box, heading ? el('li', { role: 'presentation', class: 'muted' }, heading) : null,
    list.map((o, i) => el('li', {
      role: 'option', id: `suggestion-${i}`, 'aria-selected': 'false',
      onmousedown: (e) => e.preventDefault(), onclick: () => o.choose(),
    }, el('span', { class: 'suggestion-name' }, o.text), o.detail ? el('span', { class: 'muted' }, ` ${o.detail}`) : null)));
  box.hidden = list.length === 0;
  $('q').setAttribute('aria-expanded', String(list.length > 0));
  $('q').removeAttribute('aria-activedescendant');
}

function markActive() {
  document.querySelectorAll('#suggestions [role=option]').forEach((node, i) => node.setAttribute('aria-selected', String(i === active)));
  $('q').setAttribute('aria-activedescendant', `suggestion-${active}`);
}

function closeSuggestions() {
  options = [];
  active = -1;
  $('suggestions').hidden = true;
  replace($('suggestions'));
  $('q').setAttribute('aria-expanded', 'false');
  $('q').removeAttribute('aria-activedescendant');
}

function chooseSuggestion(s) {
  closeSuggestions();
  if (s.type === 'place') {
    goTo({ lat: s.lat, lon: s.lon }, s.name, 16);
    select(s.place_id, { push: false });
  } else {
    goTo({ lat: s.lat, lon: s.lon }, s.context && s.context !== s.name ? `${s.name}, ${s.context}` : s.name,
      s.type === 'municipality' ? 12 : 13);
  }
}

/** A typed name as a whole: the places API resolves it, or answers with suggestions to pick from. */
async function resolve(text) {
  if (text.length < 2) return;
  closeSuggestions();
  setStatus('');
  try {
    const answer = await getJson('places/nearby', { near: text, limit: 1 });
    goTo({ lat: answer.origin.lat, lon: answer.origin.lon }, text, 13);
  } catch (error) {
    const suggestions = error instanceof Problem ? error.body.suggestions : null;
    if (suggestions?.length) {
      showSuggestions(suggestions.map((s) => ({
        text: s.label, detail: null, choose: () => { closeSuggestions(); goTo({ lat: s.lat, lon: s.lon }, s.near, 13); },
      })), t('didYouMean'));
      $('q').focus();
    } else {
      setStatus(t('noSuggestion', { q: text }));
    }
  }
}

function goTo(at, text, zoom) {
  state.at = at;
  state.me = false;
  state.q = text;
  state.place = null;
  hideDetail();
  $('q').value = text;
  showOrigin();
  // No animation: the list is drawn for the new view at once (and weak phones are spared the frames).
  map.setView([at.lat, at.lon], zoom, { animate: false });
  const c = map.getCenter();
  state.view = { lat: c.lat, lon: c.lng, zoom: map.getZoom() };
  urlState.write(state, true);
  load();
}

function nearMe() {
  if (!navigator.geolocation) { setStatus(t('locationUnsupported')); return; }
  setStatus(t('locating'));
  navigator.geolocation.getCurrentPosition((position) => {
    setStatus('');
    goTo({ lat: position.coords.latitude, lon: position.coords.longitude }, '', 14);
    state.me = true;
    urlState.write(state, false);
    render();
  }, (error) => setStatus(t('locationDenied', { reason: error.message || error.code })), { timeout: 15000, maximumAge: 60000 });
}

function setStatus(text) {
  $('search-status').textContent = text;
}

main().catch((error) => {
  setSummary(t('loadFailed', { reason: describe(error) }));
});
