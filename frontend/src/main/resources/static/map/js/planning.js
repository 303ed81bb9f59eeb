// The planner view: underserved villages on the map (colour: distance to the nearest place of the first
// rule, size: population) and as a sortable table; adjustable rules; vacant buildings that would close
// gaps; CSV and GeoJSON downloads of exactly what is shown. The area is everything, the map view, or a
// Landkreis or Gemeinde picked by name (?ags=): then answers, table, map and downloads cover exactly it.
// The address keeps rules, area, sort and view.
import { el, replace, debounce } from './dom.js';
import { t, setLanguage, translatePage, number, language, dateText } from './i18n.js';
import { config as loadConfig, getJson, latestOnly, url, describe, Problem } from './api.js';
import { createMap } from './basemap.js';

const L = window.L;
const $ = (id) => document.getElementById(id);

/** What a rule can ask for, in plain words; codes are the planning API's (kinds or groups, | = any of). */
const TARGETS = {
  third_places: { de: 'Treffpunkt', en: 'place to meet' },
  clubs: { de: 'Verein oder Engagement', en: 'club or volunteering' },
  meeting_rooms: { de: 'Raum zum Mieten', en: 'meeting room' },
  'mitfahrbank|bus_stop': { de: 'Mitfahrbank oder Bushaltestelle', en: 'ride-sharing bench or bus stop' },
  mitfahrbank: { de: 'Mitfahrbank', en: 'ride-sharing bench' },
  'bus_stop|train_station': { de: 'Bus- oder Bahnhalt', en: 'bus or train stop' },
  village_shop: { de: 'Dorfladen', en: 'village shop' },
  health_site: { de: 'Gesundheit & Pflege', en: 'care and health' },
};
/** Distance classes of the colour scale, as multiples of the rule's radius; colour-blind-safe and dark enough on white. */
const CLASSES = [
  { upTo: 1, colour: '#1a9850' }, { upTo: 1.5, colour: '#fdae61' }, { upTo: 2.5, colour: '#e8590c' },
  { upTo: Infinity, colour: '#a50026' },
];
const NONE_COLOUR = '#5b2a86';
/** How a rule measures: metres in a straight line, or minutes along the network. Transit only when the server offers it. */
const MODES = ['straight', 'walk', 'bike'];
/** The days a transit window can name (the server's TimeWindow): Monday to Friday, or one day of the week. */
const DAYS = ['weekday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const HOUR = '\\d{1,2}(?::\\d{2})?';
/**
 * A rule as the API writes it: KINDS:METRES, KINDS:MODE:Nmin, or by transit KINDS:transit:Nmin@DAY:FROM-TO
 * (e.g. third_places:transit:30min@sun:14-18; the server's TimeWindow is the authority on the window).
 */
const RULE = new RegExp(`^[a-z_|]+:(\\d+|(walk|bike):\\d+min|transit:\\d+min(@(${DAYS.join('|')}):${HOUR}-${HOUR})?)$`);
/** A window's hour as the form takes it: 7, 07, 7:30, 24. */
const HOUR_FIELD = `^${HOUR}$`;
/** A transit rule's window when the rule states none: weekday mornings. */
const DEFAULT_WINDOW = { day: 'weekday', from: '7', to: '9' };

/** A rule's parts: kinds, mode (straight for metres), the radius in metres or the minutes, and a transit window. */
function parseRule(rule) {
  const [head, win] = rule.split('@');
  const parts = head.split(':');
  const m = win ? /^([a-z]+):([\d:]+)-([\d:]+)$/.exec(win) : null;
  const window = m ? { day: m[1], from: m[2], to: m[3] } : null;
  if (parts.length >= 3) return { kinds: parts[0], mode: parts[1], value: Number(parts[2].replace('min', '')), window };
  return { kinds: parts[0], mode: 'straight', value: Number(parts[1]), window: null };
}

let state = read();
let map;
let villageLayer;
let siteLayer;
let outlineLayer;
let area = null;            // the chosen district or municipality: {ags, name, level, bbox, outline}
let answer = null;
let sites = null;
let coverage = null;
let modes = MODES;
let benchLayer;
let isochroneLayer;
let publishedLayer;
const circles = new Map();

function read() {
  const q = new URLSearchParams(location.search);
  const view = (q.get('view') || '').split(',').map(Number);
  return {
    lang: q.get('lang') === 'en' ? 'en' : 'de',
    rules: q.getAll('rule').filter((r) => RULE.test(r)),
    bbox: /^-?[\d.]+(,-?[\d.]+){3}$/.test(q.get('bbox') || '') ? q.get('bbox') : null,
    ags: /^(\d{2}|\d{5}|\d{8})$/.test(q.get('ags') || '') ? q.get('ags') : null,
    sort: q.get('sort') || 'rank',
    dir: q.get('dir') === 'desc' ? 'desc' : 'asc',
    view: view.length === 3 && view.every(Number.isFinite) ? view : null,
    village: Number(q.get('village')) || null,
  };
}

function write(push) {
  const q = new URLSearchParams();
  if (state.lang !== 'de') q.set('lang', state.lang);
  state.rules.forEach((r) => q.append('rule', r));
  if (state.ags) q.set('ags', state.ags);
  else if (state.bbox) q.set('bbox', state.bbox);
  if (state.sort !== 'rank' || state.dir !== 'asc') { q.set('sort', state.sort); q.set('dir', state.dir); }
  if (state.village) q.set('village', String(state.village));
  if (state.view) q.set('view', state.view.map((n, i) => (i < 2 ? n.toFixed(5) : n)).join(','));
  // '|' stays escaped: Tomcat refuses a request whose address holds it raw, so the link could not be opened again.
  const address = `${location.pathname}?${q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%40/g, '@')}`;
  if (address !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', address);
}

async function main() {
  setLanguage(state.lang);
  translatePage();
  const cfg = await loadConfig();
  // The server says which modes it can answer (transit once a timetable is imported); without a word, the three.
  if (Array.isArray(cfg.planning_modes)) modes = cfg.planning_modes;
  ({ map } = createMap($('map'), cfg));
  if (state.view) map.setView([state.view[0], state.view[1]], state.view[2], { animate: false });
  else map.fitBounds([[cfg.start[1], cfg.start[0]], [cfg.start[3], cfg.start[2]]], { animate: false });
  outlineLayer = L.featureGroup().addTo(map);
  villageLayer = L.featureGroup().addTo(map);
  siteLayer = L.featureGroup().addTo(map);
  benchLayer = L.featureGroup().addTo(map);
  isochroneLayer = L.featureGroup().addTo(map);
  publishedLayer = L.featureGroup().addTo(map);
  $('show-benches').addEventListener('click', () => benches());
  $('published-isochrones').addEventListener('change', (e) => publishedIsochrones(e.target.checked));
  addLegend();
  map.on('moveend', () => {
    const c = map.getCenter();
    state.view = [c.lat, c.lng, map.getZoom()];
    write(false);
  });
  $('add-rule').addEventListener('click', () => { addRuleRow('third_places', 'straight', 2000); });
  wireAreaSearch();
  $('rules-form').addEventListener('submit', (e) => {
    e.preventDefault();
    state.rules = [...document.querySelectorAll('.rule')].map(ruleOfRow);
    const chosen = document.querySelector('input[name=area]:checked').value;
    const b = map.getBounds();
    state.bbox = chosen === 'view' ? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(4)).join(',') : null;
    state.ags = chosen === 'ags' && area ? area.ags : null;
    state.village = null;
    write(true);
    showArea(false);
    compute();
  });
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'de' ? 'en' : 'de';
    write(true);
    setLanguage(state.lang);
    translatePage();
    showArea(false);
    rebuild();
  });
  window.addEventListener('popstate', async () => {
    const before = JSON.stringify([state.rules, state.bbox, state.ags]);
    state = read();
    setLanguage(state.lang);
    translatePage();
    await loadArea(false);
    if (JSON.stringify([state.rules, state.bbox, state.ags]) !== before) compute(); else rebuild();
  });
  await loadArea(!state.view);
  compute();
}

function ruleParams() {
  return { rule: state.rules.length ? state.rules : null, bbox: state.ags ? null : state.bbox, ags: state.ags };
}

// ---- the area: a Landkreis or Gemeinde by name ------------------------------------------------------------

const areaSuggest = latestOnly();
let areaOptions = [];
let areaActive = -1;

/** The district or municipality of ?ags= (name, box, outline); a key nobody has is said so, and dropped. */
async function loadArea(fit) {
  if (!state.ags) { area = null; showArea(false); return; }
  if (area?.ags === state.ags) { showArea(fit); return; }
  try {
    area = await getJson(`map/areas/${encodeURIComponent(state.ags)}`);
  } catch (error) {
    area = null;
    replace($('area-status'), el('span', { role: 'alert' }, describe(error)));
  }
  showArea(fit);
}

function areaName(a) {
  const kind = a.designation || t(`areaLevel_${a.level}`);
  return `${kind} ${a.name}`;
}

function showArea(fit) {
  const radio = document.querySelector('input[name=area][value=ags]');
  radio.disabled = !area;
  replace($('area-chosen'), area ? areaName(area) : t('areaNone'));
  const chosen = state.ags && area ? 'ags' : state.bbox ? 'view' : 'all';
  document.querySelector(`input[name=area][value=${chosen}]`).checked = true;
  outlineLayer.clearLayers();
  if (!area || !state.ags) return;
  if (area.outline) {
    L.geoJSON(area.outline, { interactive: false, style: { color: '#0b4f8a', weight: 3, fill: false, dashArray: '6 4' } })
      .addTo(outlineLayer);
  }
  if (fit) map.fitBounds([[area.bbox[1], area.bbox[0]], [area.bbox[3], area.bbox[2]]], { animate: false, padding: [10, 10] });
}

function wireAreaSearch() {
  const input = $('area-q');
  const typed = debounce(() => {
    const text = input.value.trim();
    if (text.length < 2) { closeAreaOptions(); return; }
    areaSuggest('map/areas', { q: text }).then((found) => {
      showAreaOptions(found.areas);
      replace($('area-status'), found.areas.length ? '' : t('areaNoMatch', { q: text }));
    }).catch((error) => { if (error.name !== 'AbortError') replace($('area-status'), describe(error)); });
  }, 200);
  input.addEventListener('input', typed);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!areaOptions.length) return;
      e.preventDefault();
      areaActive = (areaActive + (e.key === 'ArrowDown' ? 1 : -1) + areaOptions.length) % areaOptions.length;
      document.querySelectorAll('#area-options [role=option]').forEach((node, i) => node.setAttribute('aria-selected', String(i === areaActive)));
      input.setAttribute('aria-activedescendant', `area-option-${areaActive}`);
    } else if (e.key === 'Escape') {
      closeAreaOptions();
    } else if (e.key === 'Enter') {
      // Enter picks the marked area, or the first one offered; it never submits the rules half-typed.
      e.preventDefault();
      const pick = areaOptions[areaActive >= 0 ? areaActive : 0];
      if (pick) chooseArea(pick);
    }
  });
  input.addEventListener('blur', () => setTimeout(closeAreaOptions, 150));
}

function showAreaOptions(list) {
  areaOptions = list;
  areaActive = -1;
  const box = $('area-options');
  replace(box, list.map((a, i) => el('li', {
    role: 'option', id: `area-option-${i}`, 'aria-selected': 'false', 'data-ags': a.ags,
    onmousedown: (e) => e.preventDefault(), onclick: () => chooseArea(a),
  }, el('span', { class: 'suggestion-name' }, areaName(a)),
  el('span', { class: 'muted' }, ` ${[a.part_of, a.population ? `${number(a.population)} ${t('colPopulation')}` : null].filter(Boolean).join(', ')}`))));
  box.hidden = list.length === 0;
  $('area-q').setAttribute('aria-expanded', String(list.length > 0));
  $('area-q').removeAttribute('aria-activedescendant');
}

function closeAreaOptions() {
  areaOptions = [];
  areaActive = -1;
  $('area-options').hidden = true;
  replace($('area-options'));
  $('area-q').setAttribute('aria-expanded', 'false');
  $('area-q').removeAttribute('aria-activedescendant');
}

/** A picked area is answered at once: the address, the map and the table follow it. */
async function chooseArea(a) {
  closeAreaOptions();
  $('area-q').value = '';
  replace($('area-status'));
  state.ags = a.ags;
  state.bbox = null;
  state.village = null;
  area = null;
  write(true);
  await loadArea(true);
  compute();
}

/** Asks the planning API for the underserved villages and the best vacant buildings, with the same rules. */
async function compute() {
  // One analysis at a time: a second click waits for the first answer.
  const submit = document.querySelector('#rules-form button[type=submit]');
  submit.disabled = true;
  replace($('summary'), t('computing'));
  $('villages-table').setAttribute('aria-busy', 'true');
  try {
    answer = await getJson('planning/underserved', ruleParams());
    if (!state.rules.length) state.rules = answer.inputs.rules.map((r) => r.rule);
    const firstRule = answer.inputs.rules[0];
    // Candidate sites are judged in metres: with a first rule in minutes, the first rule in metres (if any).
    const inMetres = answer.inputs.rules.find((r) => r.radius_m !== null && r.radius_m !== undefined);
    sites = inMetres ? await getJson('planning/candidates', { rule: inMetres.rule, bbox: ruleParams().bbox, ags: state.ags }).catch((e) => ({ error: e }))
      : { error: null, none: true };
    coverage = await getJson('planning/coverage', ruleParams()).catch((e) => ({ error: e }));
    rebuild();
  } catch (error) {
    answer = null;
    buildRuleRows();
    replace($('transit-days'));
    villageLayer.clearLayers();
    replace($('villages-table'));
    replace($('downloads'));
    siteLayer.clearLayers();
    ['coverage', 'candidate-downloads', 'candidates-table', 'shares-table', 'shares-downloads'].forEach((id) => replace($(id)));
    // An area without villages is not a failure: the data holds none there (yet).
    const message = error instanceof Problem && error.status === 404
      ? t('areaNoVillages', { area: area && state.ags ? areaName(area) : t('areaAll') })
      : aboutTheRules(error) ? refused(error) : t('planningFailed', { reason: describe(error) });
    replace($('summary'), el('span', { role: 'alert' }, message));
  } finally {
    $('villages-table').removeAttribute('aria-busy');
    submit.disabled = false;
  }
}

/** Whether the service refused the rules themselves (a 400 naming rule, mode, window or date), not the area. */
function aboutTheRules(error) {
  return error instanceof Problem && error.status === 400
    && (error.body['invalid-params'] || []).some((p) => ['rule', 'mode', 'window', 'date'].includes(p.name));
}

/**
 * A question the service refused (400), in plain words: no timetable is said as such; otherwise the service's
 * own explanation (it names the rule or date and what to write instead), after a sentence in the page's language.
 */
function refused(problem) {
  const detail = problem.body.detail || problem.message;
  if (/none is imported/.test(detail)) return t('transitNoTimetable');
  return t('planningRefused', { reason: detail });
}

/** On which day each transit rule was answered (the service picks the next such day in the timetable, or date=). */
function transitDays() {
  const lines = answer.inputs.rules.filter((r) => r.window && r.date).map((r) => t('transitDay', {
    rule: ruleWords(r.rule),
    date: `${new Date(`${r.date}T12:00:00`).toLocaleDateString(language(), { weekday: 'long' })}, ${dateText(r.date)}`,
  }));
  replace($('transit-days'), lines.map((line) => el('span', { class: 'transit-day' }, line, ' ')));
}

function rebuild() {
  buildRuleRows();
  showArea(false);
  if (!answer) return;
  const totals = answer.totals;
  replace($('summary'), state.ags && area ? t('summaryIn', { area: areaName(area) }) : '', t('summary', {
    villages: number(totals.underserved_villages), all: number(totals.villages),
    people: number(totals.population_affected), population: number(totals.population),
  }));
  transitDays();
  downloads($('downloads'), 'planning/underserved', ruleParams(), true);
  drawVillages();
  table();
  candidates();
  shares();
  const sources = [...new Set(answer.provenance.sources.map((s) => s.attribution).filter(Boolean))];
  replace($('provenance'), t('dataBy', { list: sources.join(' · ') }));
}

// ---- rules --------------------------------------------------------------------------------------------

function buildRuleRows() {
  const box = $('rules');
  replace(box, el('legend', {}, t('rulesLegend')));
  const rules = state.rules.length ? state.rules : ['third_places:2000'];
  rules.forEach((r) => {
    const rule = parseRule(r);
    addRuleRow(rule.kinds, rule.mode, rule.value, rule.window);
  });
}

/** The rule a row states: KINDS:METRES, KINDS:MODE:Nmin, or KINDS:transit:Nmin@DAY:FROM-TO. */
function ruleOfRow(row) {
  const kinds = row.querySelector('select.rule-kinds').value;
  const mode = row.querySelector('select.rule-mode').value;
  const value = Math.round(row.querySelector('input.rule-value').value);
  if (mode === 'straight') return `${kinds}:${value}`;
  if (mode !== 'transit') return `${kinds}:${mode}:${value}min`;
  const hour = (cls) => row.querySelector(cls).value.trim();
  return `${kinds}:transit:${value}min@${row.querySelector('select.rule-day').value}:${hour('input.rule-from')}-${hour('input.rule-to')}`;
}

/** A transit rule's window: the day (weekdays or one day) and the hours in which journeys leave home. */
function windowFields(n, window) {
  const w = window || DEFAULT_WINDOW;
  const day = el('select', { id: `rule-day-${n}`, class: 'rule-day' }, DAYS.map((d) =>
    el('option', { value: d, selected: d === w.day }, t(`day_${d}`))));
  const hour = (which, value) => el('input', {
    id: `rule-${which}-${n}`, class: `rule-${which}`, type: 'text', inputmode: 'numeric', required: true, size: 5,
    pattern: HOUR_FIELD, title: t('ruleHoursHint'), value,
  });
  return el('span', { class: 'rule-window' },
    el('label', { for: `rule-day-${n}` }, t('ruleDay'), day),
    el('label', { for: `rule-from-${n}` }, t('ruleFrom'), hour('from', w.from)),
    el('label', { for: `rule-to-${n}` }, t('ruleTo'), hour('to', w.to)));
}

function addRuleRow(kinds, mode = 'straight', value = 2000, window = null) {
  const box = $('rules');
  const n = box.querySelectorAll('.rule').length + 1;
  const options = { ...TARGETS };
  if (!options[kinds]) options[kinds] = { de: kinds, en: kinds };
  const select = el('select', { id: `rule-kinds-${n}`, class: 'rule-kinds' }, Object.entries(options).map(([code, words]) =>
    el('option', { value: code, selected: code === kinds }, words[language()])));
  const offered = modes.includes(mode) ? modes : [...modes, mode];
  const how = el('select', { id: `rule-mode-${n}`, class: 'rule-mode' }, offered.map((m) =>
    el('option', { value: m, selected: m === mode }, t(`mode_${m}`))));
  const input = el('input', { id: `rule-radius-${n}`, class: 'rule-value', type: 'number', required: true });
  const unit = el('span', { class: 'rule-unit' });
  // By transit, when the journeys leave home: shown only for a transit rule.
  const when = windowFields(n, window);
  // Metres in a straight line, minutes along the network: the field follows the mode.
  const follow = (fresh) => {
    const minutes = how.value !== 'straight';
    Object.assign(input, minutes ? { min: 1, max: 180, step: 1 } : { min: 100, max: 50000, step: 100 });
    if (fresh) input.value = minutes ? (how.value === 'transit' ? 30 : 20) : 2000;
    replace(unit, t(minutes ? 'ruleMinutes' : 'ruleRadius'));
    when.hidden = how.value !== 'transit';
    when.querySelectorAll('input, select').forEach((field) => { field.disabled = when.hidden; });
  };
  input.value = value;
  follow(false);
  how.addEventListener('change', () => follow(true));
  const row = el('div', { class: 'rule' },
    el('label', { for: `rule-kinds-${n}` }, t('ruleKinds'), select),
    el('label', { for: `rule-mode-${n}` }, t('ruleMode'), how),
    el('label', { for: `rule-radius-${n}` }, unit, input),
    when,
    el('button', { type: 'button', class: 'secondary', onclick: () => row.remove(), 'aria-label': `${t('removeRule')} ${n}` }, '✕'));
  box.append(row);
}

// ---- the map ------------------------------------------------------------------------------------------

/** A rule in minutes is judged by minutes, one in metres by metres: the first rule's measure and limit. */
function firstRuleLimit() {
  const rule = answer.inputs.rules[0];
  return rule.minutes ? { minutes: true, limit: rule.minutes } : { minutes: false, limit: rule.radius_m };
}

function firstRuleDistance(v) {
  const rule = answer.inputs.rules[0];
  const missing = v.missing.find((m) => m.rule === rule.rule);
  if (!missing) return { metres: null, minutes: null, within: true };
  return { metres: missing.nearest_m, minutes: missing.nearest_min ?? null, within: false };
}

/** The first rule's measure of a village's nearest place: minutes for a rule in minutes, else metres. */
function firstRuleValue(d) {
  return firstRuleLimit().minutes ? d.minutes : d.metres;
}

function distanceText(d) {
  if (d.within) return '–';
  const value = firstRuleValue(d);
  if (value === null) return t('nearestNone');
  return firstRuleLimit().minutes ? `${number(value)} min` : `${number(value)} m`;
}

function colour(v) {
  const d = firstRuleDistance(v);
  if (d.within) return CLASSES[0].colour;
  const value = firstRuleValue(d);
  if (value === null) return NONE_COLOUR;
  const r = firstRuleLimit().limit;
  return CLASSES.find((c) => value <= c.upTo * r).colour;
}

function size(v) {
  return v.population ? Math.max(6, Math.min(28, 4 + Math.sqrt(v.population) / 2)) : 6;
}

function drawVillages() {
  villageLayer.clearLayers();
  circles.clear();
  for (const v of answer.villages) {
    const circle = L.circleMarker([v.lat, v.lon], {
      radius: size(v), color: '#222', weight: 1.5, dashArray: v.population_known ? null : '3 3',
      fillColor: colour(v), fillOpacity: 0.85,
    });
    circle.bindTooltip(() => el('span', {}, `${v.name} – ${populationText(v)} – ${distanceText(firstRuleDistance(v))}`));
    circle.on('click', () => selectVillage(v.id, true));
    circle.addTo(villageLayer);
    circles.set(v.id, circle);
  }
  highlight();
}

/** The legend folds: open beside a large map, closed on a phone (where it would cover the villages). */
function addLegend() {
  const legend = L.control({ position: 'bottomleft' });
  legend.onAdd = () => {
    const node = el('details', { class: 'legend', id: 'legend-box' },
      el('summary', { 'data-i18n': 'legendToggle' }, t('legendToggle')), el('div', { id: 'legend' }));
    node.open = !window.matchMedia('(max-width: 48rem)').matches;
    L.DomEvent.disableClickPropagation(node);
    return node;
  };
  legend.addTo(map);
}

function fillLegend() {
  const node = $('legend');
  if (!node || !answer) return;
  const { minutes, limit: r } = firstRuleLimit();
  const u = minutes ? 'min' : 'm';
  const rows = [
    [CLASSES[0].colour, t('legendWithin', { r: number(r), u })],
    [CLASSES[1].colour, t('legendFar', { a: number(r), b: number(1.5 * r), u })],
    [CLASSES[2].colour, t('legendFar', { a: number(1.5 * r), b: number(2.5 * r), u })],
    [CLASSES[3].colour, t('legendVeryFar', { r: number(2.5 * r), u })],
    [NONE_COLOUR, t('legendNone')],
  ];
  replace(node, el('p', {}, el('strong', {}, t('legendTitle', { kinds: firstRuleWords() }))),
    rows.map(([c, text]) => el('p', {}, el('span', { class: 'swatch', style: `background:${c}` }), text)),
    el('p', {}, t('legendSize')),
    el('p', {}, el('span', { class: 'swatch', style: 'background:#fff;border-style:dashed' }), t('legendDashed')));
}

// ---- the table ----------------------------------------------------------------------------------------

function populationText(v) {
  if (v.population === null || v.population === undefined) return t('populationUnknown');
  return v.population_known ? number(v.population) : t('populationEstimated', { n: number(v.population) });
}

function firstRuleWords() {
  const kinds = answer.inputs.rules[0].rule.split(':')[0];
  return TARGETS[kinds]?.[language()] ?? kinds;
}

function ruleWords(rule) {
  const r = parseRule(rule);
  const kinds = TARGETS[r.kinds]?.[language()] ?? r.kinds;
  if (r.mode === 'straight') return t('ruleShort', { kinds, radius: number(r.value) });
  if (r.mode === 'transit' && r.window) {
    return t('ruleShortTransit', { kinds, minutes: number(r.value), day: t(`dayShort_${r.window.day}`), from: r.window.from, to: r.window.to });
  }
  // The mode's name without the unit the rule form shows beside it ("zu Fuß (min)" → "zu Fuß").
  return t('ruleShortMinutes', { kinds, minutes: number(r.value), mode: t(`mode_${r.mode}`).replace(/ \((min|m)\)$/, '') });
}

const COLUMNS = [
  { key: 'rank', label: 'colRank', num: true, value: (v) => v.rank },
  { key: 'name', label: 'colVillage', value: (v) => v.name },
  { key: 'municipality', label: 'colMunicipality', value: (v) => v.municipality || '' },
  { key: 'population', label: 'colPopulation', num: true, value: (v) => v.population ?? null },
  { key: 'nearest', label: 'colNearest', num: true, value: (v) => { const d = firstRuleDistance(v); return d.within ? 0 : firstRuleValue(d) ?? Infinity; } },
  { key: 'missing', label: 'colMissing', value: (v) => v.missing.length },
];

function table() {
  const column = COLUMNS.find((c) => c.key === state.sort) || COLUMNS[0];
  // Unknown figures last, in either direction: "unbekannt" is not the smallest population.
  const rows = [...answer.villages].sort((a, b) => {
    const x = column.value(a); const y = column.value(b);
    if (x === null || y === null) return (x === null) - (y === null);
    const order = typeof x === 'string' ? x.localeCompare(y, language()) : x - y;
    return state.dir === 'asc' ? order : -order;
  });
  const head = el('tr', {}, COLUMNS.map((c) => el('th', {
    scope: 'col', class: c.num ? 'num' : null,
    'aria-sort': c.key === column.key ? (state.dir === 'asc' ? 'ascending' : 'descending') : null,
  }, el('button', { type: 'button', onclick: () => sortBy(c.key) }, t(c.label, { kinds: firstRuleWords() })))));
  const body = rows.map((v) => {
    const d = firstRuleDistance(v);
    return el('tr', { 'data-id': v.id, class: v.id === state.village ? 'selected' : null },
      el('td', { class: 'num' }, v.rank),
      el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link', onclick: () => selectVillage(v.id, false) }, v.name)),
      el('td', {}, v.municipality || ''),
      el('td', { class: 'num' }, populationText(v)),
      el('td', { class: 'num' }, distanceText(d)),
      el('td', {}, v.missing.map((m) => ruleWords(m.rule)).join('; ')));
  });
  replace($('villages-table'), el('table', { id: 'villages' }, el('caption', {}, t('tableCaption')),
    el('thead', {}, head), el('tbody', {}, body)));
  fillLegend();
}

function sortBy(key) {
  state.dir = state.sort === key && state.dir === 'asc' ? 'desc' : 'asc';
  state.sort = key;
  write(true);
  table();
  document.querySelector(`#villages th[aria-sort] button`)?.focus();
}

function selectVillage(id, fromMap) {
  state.village = id;
  write(true);
  highlight();
  document.querySelectorAll('#villages tbody tr').forEach((tr) => tr.classList.toggle('selected', Number(tr.dataset.id) === id));
  const circle = circles.get(id);
  if (!fromMap && circle) map.setView(circle.getLatLng(), Math.max(map.getZoom(), 13));
  if (fromMap) document.querySelector(`#villages tr[data-id="${Number(id)}"] button`)?.focus();
}

function highlight() {
  circles.forEach((circle, id) => circle.setStyle({ weight: id === state.village ? 4 : 1.5, color: id === state.village ? '#c2410c' : '#222' }));
}

// ---- candidate sites ------------------------------------------------------------------------------------

function candidates() {
  siteLayer.clearLayers();
  if (!sites || sites.error || sites.none) {
    replace($('coverage'), sites?.error ? t('planningFailed', { reason: describe(sites.error) }) : sites?.none ? t('candidatesNeedMetres') : '');
    replace($('candidates-table'));
    return;
  }
  const before = sites.totals.coverage_before;
  const after = sites.totals.coverage_after;
  replace($('coverage'), sites.sites.length ? t('coverage', {
    before: `${number(before.served_population)} (${number(before.served_villages)}/${number(before.villages)})`,
    after: `${number(after.served_population)} (${number(after.served_villages)}/${number(after.villages)})`,
  }) : t('noCandidates'));
  downloads($('candidate-downloads'), 'planning/candidates', { rule: sites.inputs.rule.rule, bbox: ruleParams().bbox, ags: state.ags });
  const ordered = [...sites.sites].sort((a, b) => (a.chosen_rank ?? 1e9) - (b.chosen_rank ?? 1e9) || a.rank_alone - b.rank_alone);
  for (const s of ordered) {
    L.marker([s.lat, s.lon], {
      icon: L.divIcon({ className: 'om-marker om-vacant_buildings', html: '<span aria-hidden="true">★</span>', iconSize: [30, 30] }),
      title: s.label, keyboard: true,
    }).addTo(siteLayer);
  }
  replace($('candidates-table'), el('table', { id: 'candidates' }, el('caption', {}, t('candidatesCaption')),
    el('thead', {}, el('tr', {}, [['colChosen', true], ['colCandidate'], ['colGain', true], ['colVillagesGain', true]]
      .map(([key, num]) => el('th', { scope: 'col', class: num ? 'num' : null }, t(key))))),
    el('tbody', {}, ordered.map((s) => el('tr', {},
      el('td', { class: 'num' }, s.chosen_rank ?? '–'),
      el('th', { scope: 'row' }, s.label || ''),
      el('td', { class: 'num' }, s.people_gained === null ? '–' : number(s.people_gained)),
      el('td', { class: 'num' }, s.villages_gained === null ? '–' : number(s.villages_gained)))))));
}

// ---- shares of the people within each rule, per municipality ---------------------------------------------

function percent(share) {
  return share === null || share === undefined ? '–' : `${number(Math.round(share * 1000) / 10)} %`;
}

function shares() {
  if (!coverage || coverage.error) {
    replace($('shares-table'), coverage?.error ? t('planningFailed', { reason: describe(coverage.error) }) : '');
    replace($('shares-downloads'));
    return;
  }
  const rules = coverage.inputs.rules.map((r) => r.rule);
  const rows = [...coverage.municipalities, { ...coverage.total, name: t('sharesTotal'), total: true }];
  replace($('shares-table'), el('table', { id: 'shares' }, el('caption', {}, t('sharesCaption')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('colMunicipality')), el('th', { scope: 'col', class: 'num' }, t('colPopulation')),
      rules.map((r) => el('th', { scope: 'col', class: 'num' }, ruleWords(r))))),
    el('tbody', {}, rows.map((a) => el('tr', { class: a.total ? 'total' : null, 'data-ags': a.ags || null },
      el('th', { scope: 'row' }, a.name),
      el('td', { class: 'num' }, number(a.population)),
      rules.map((r) => el('td', { class: 'num', title: t('sharesCell', { people: number(a.within[r].population), villages: number(a.within[r].villages) }) },
        percent(a.within[r].share))))))));
  downloads($('shares-downloads'), 'planning/coverage', ruleParams());
}

// ---- what the Mitfahrbänke connect, and isochrones ----------------------------------------------------------

async function benches() {
  const button = $('show-benches');
  button.disabled = true;
  replace($('benches-status'), t('computing'));
  benchLayer.clearLayers();
  isochroneLayer.clearLayers();
  try {
    const minutes = Math.round($('bench-minutes').value) || 15;
    const found = await getJson('planning/mitfahrbank', { minutes, bbox: ruleParams().bbox, ags: state.ags });
    for (const b of found.benches) {
      L.marker([b.lat, b.lon], {
        icon: L.divIcon({ className: 'om-marker om-mobility', html: '<span aria-hidden="true">⇄</span>', iconSize: [30, 30] }),
        title: b.name || t('benchUnnamed'), keyboard: true,
      }).bindTooltip(() => el('span', {}, t('benchTooltip', { name: b.name || t('benchUnnamed'), villages: number(b.villages_reached),
        people: number(b.population_reached), minutes: number(minutes) }))).on('click', () => isochrone(b, minutes)).addTo(benchLayer);
    }
    replace($('benches-status'), t('benchesSummary', { n: number(found.benches.length), minutes: number(minutes) }));
    replace($('benches-table'), found.benches.length ? el('table', { id: 'benches' }, el('caption', {}, t('benchesCaption', { minutes: number(minutes) })),
      el('thead', {}, el('tr', {}, ['benchName', 'benchVillages', 'colPopulation'].map((k, i) => el('th', { scope: 'col', class: i ? 'num' : null }, t(k))))),
      el('tbody', {}, found.benches.map((b) => el('tr', {},
        el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link', onclick: () => isochrone(b, minutes) }, b.name || t('benchUnnamed'))),
        el('td', { class: 'num', title: b.villages.map((v) => `${v.name} (${number(v.minutes)} min)`).join(', ') }, number(b.villages_reached)),
        el('td', { class: 'num' }, number(b.population_reached)))))) : null);
    downloads($('benches-downloads'), 'planning/mitfahrbank', { minutes, bbox: ruleParams().bbox, ags: state.ags });
  } catch (error) {
    replace($('benches-status'), el('span', { role: 'alert' }, t('planningFailed', { reason: describe(error) })));
  } finally {
    button.disabled = false;
  }
}

/**
 * The isochrones the county has published (the OGC collection planning_isochrones: the current run per area),
 * as a layer under the villages.
 */
async function publishedIsochrones(show) {
  publishedLayer.clearLayers();
  if (!show) { replace($('benches-status')); return; }
  try {
    const found = await getJson('collections/planning_isochrones/items', { limit: 1000 });
    L.geoJSON(found, {
      style: { color: '#6a3d9a', weight: 1.5, fillOpacity: 0.1 },
      onEachFeature: (f, layer) => layer.bindTooltip(() => el('span', {}, t('publishedIsochrone', {
        name: f.properties.place_name || f.properties.kind, minutes: number(f.properties.minutes),
        mode: t(`mode_${f.properties.mode}`).replace(/ \((min|m)\)$/, ''), area: f.properties.area }))),
    }).addTo(publishedLayer);
    publishedLayer.bringToBack();
    replace($('benches-status'), t('publishedIsochronesShown', { n: number(found.features.length) }));
  } catch (error) {
    replace($('benches-status'), el('span', { role: 'alert' }, t('planningFailed', { reason: describe(error) })));
  }
}

/** The area a bench reaches on foot within the minutes (the isochrone API): drawn under the markers. */
async function isochrone(bench, minutes) {
  isochroneLayer.clearLayers();
  try {
    const area = await getJson('planning/isochrone', { lon: bench.lon, lat: bench.lat, mode: 'walk', minutes });
    L.geoJSON(area, { interactive: false, style: { color: '#0b4f8a', weight: 2, fillOpacity: 0.15 } }).addTo(isochroneLayer);
    replace($('benches-status'), t('isochroneShown', { name: bench.name || t('benchUnnamed'), minutes: number(minutes) }));
  } catch (error) {
    replace($('benches-status'), el('span', { role: 'alert' }, t('planningFailed', { reason: describe(error) })));
  }
}

function downloads(node, path, params, perMunicipality = false) {
  const lang = language() === 'de' ? null : language();
  replace(node, t('download'),
    el('a', { class: 'button secondary', href: url(path, { ...params, f: 'csv', lang }), download: '' }, t('downloadCsv')),
    perMunicipality ? el('a', { class: 'button secondary', href: url(path, { ...params, per: 'municipality', f: 'csv', lang }), download: '' },
      t('downloadPerMunicipality')) : null,
    el('a', { class: 'button secondary', href: url(path, { ...params, f: 'geojson' }), download: '' }, t('downloadGeojson')));
}

main().catch((error) => replace($('summary'), t('planningFailed', { reason: describe(error) })));
