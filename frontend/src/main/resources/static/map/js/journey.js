// "Ohne Auto hinkommen" on a place's detail: from the user's position or a chosen village, the way on foot
// and by bike (drawn on the map), the next departures toward the place on a chosen day from the imported
// timetable — and plainly "no bus on Sunday" when the timetable says so — on-demand buses, and a link to
// the regional journey planner for the whole trip. Everything from the service goes in as text.
import { el, replace, safeLink } from './dom.js';
import { t, language, number } from './i18n.js';
import { getJson, describe } from './api.js';
import { distanceText } from './geo.js';

const L = window.L;
const DAYS_AHEAD = 13;        // two weeks: always two of each weekday, Sundays included

let routeLayer = null;
let generation = 0;           // a newer detail or start makes older answers stale

/** Removes the drawn way (the detail closed or shows another place). */
export function clearJourney(map) {
  generation++;
  if (routeLayer && map) map.removeLayer(routeLayer);
  routeLayer = null;
}

function isoDate(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function dayOptions() {
  const out = [];
  const today = new Date();
  for (let i = 0; i <= DAYS_AHEAD; i++) {
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + i);
    const name = d.toLocaleDateString(language(), { weekday: 'long', day: 'numeric', month: 'short' });
    const text = i === 0 ? `${t('today')} (${name})` : i === 1 ? `${t('tomorrow')} (${name})` : name;
    out.push(el('option', { value: i === 0 ? '' : isoDate(d), 'data-weekday': d.getDay() }, text));
  }
  return out;
}

/**
 * Renders the journey part into container for the place (a GeoJSON feature). ctx: {map, origin} where origin
 * is the map's current start ({lon, lat, name} or {lon, lat, here: true}) if the user searched a village or asked "near me".
 */
export function renderJourney(container, feature, ctx) {
  clearJourney(ctx.map);
  const mine = generation;
  const id = feature.id ?? feature.properties.id;
  let start = null;                // {lon, lat} or {village, name}

  const status = el('p', { class: 'journey-status', role: 'status', 'aria-live': 'polite' });
  const ways = el('div', { class: 'journey-ways' });
  const daySelect = el('select', { id: 'journey-day', onchange: () => loadDepartures() }, dayOptions());
  const departures = el('div', { class: 'journey-departures', 'aria-live': 'polite' });
  const villageSelect = el('select', { id: 'journey-village', onchange: () => {
    const o = villageSelect.selectedOptions[0];
    if (!o || !o.value) return;
    choose({ village: o.value, name: o.dataset.name });
  } }, el('option', { value: '' }, t('journeyChooseVillage')));
  const locate = el('button', { type: 'button', class: 'secondary', id: 'journey-locate', onclick: () => {
    if (!navigator.geolocation) { status.textContent = t('locationUnsupported'); return; }
    status.textContent = t('locating');
    navigator.geolocation.getCurrentPosition(
      (p) => choose({ lon: p.coords.longitude, lat: p.coords.latitude, here: true }),
      (error) => { status.textContent = t('locationDenied', { reason: error.message || error.code }); },
      { timeout: 15000, maximumAge: 60000 });
  } }, t('journeyUseLocation'));

  replace(container,
    el('h4', {}, t('journeyHeading')),
    el('div', { class: 'journey-start' },
      locate,
      el('label', { for: 'journey-village' }, t('journeyOrVillage')), villageSelect),
    status, ways,
    el('div', { class: 'journey-day' }, el('label', { for: 'journey-day' }, t('journeyDay')), daySelect),
    departures);

  // The hundred nearest, listed by name: a native list lets a keyboard jump to a village by typing its name.
  getJson(`places/${id}/villages`, { limit: 100 }).then((villages) => {
    if (mine !== generation) return;
    villages.sort((a, b) => a.name.localeCompare(b.name, language()));
    for (const v of villages) {
      villageSelect.append(el('option', { value: v.id, 'data-name': v.name }, `${v.name} (${distanceText(v.distance_m, language())})`));
    }
  }).catch(() => { /* the position still works */ });

  function params() {
    return start.village ? { village: start.village } : { lon: start.lon.toFixed(6), lat: start.lat.toFixed(6) };
  }

  async function choose(next) {
    start = next;
    status.textContent = next.here || !next.name ? t('journeyFromHere') : t('journeyFrom', { name: next.name });
    replace(ways, el('p', { class: 'muted' }, t('loading')));
    loadDepartures();
    const [walk, bike] = await Promise.allSettled(['walk', 'bike'].map((mode) => getJson(`places/${id}/way`, { mode, ...params() })));
    if (mine !== generation || start !== next) return;
    const lines = [];
    for (const [mode, answer] of [['walk', walk], ['bike', bike]]) {
      if (answer.status === 'fulfilled') {
        const p = answer.value.properties;
        lines.push(el('p', { class: `journey-way journey-${mode}`, 'data-minutes': p.minutes },
          t(`journey_${mode}`, { min: number(p.minutes), d: distanceText(p.distance_m, language()) })));
      } else {
        lines.push(el('p', { class: `journey-way journey-${mode} muted` }, `${t(`journey_${mode}_label`)}: ${describe(answer.reason)}`));
      }
    }
    replace(ways, lines);
    if (walk.status === 'fulfilled') draw(walk.value);
  }

  function draw(way) {
    if (routeLayer) ctx.map.removeLayer(routeLayer);
    const latlngs = way.geometry.coordinates.map(([lon, lat]) => [lat, lon]);
    routeLayer = L.polyline(latlngs, { className: 'journey-route', weight: 5, opacity: 0.85 }).addTo(ctx.map);
    ctx.map.fitBounds(routeLayer.getBounds(), { padding: [30, 30], maxZoom: 16 });
  }

  async function loadDepartures() {
    if (!start) { replace(departures, el('p', { class: 'muted' }, t('journeyChooseStart'))); return; }
    const asked = start;
    const date = daySelect.value;
    replace(departures, el('p', { class: 'muted' }, t('loading')));
    try {
      const a = await getJson(`places/${id}/departures`, { ...params(), date });
      if (mine !== generation || asked !== start || date !== daySelect.value) return;
      replace(departures, departureList(a));
    } catch (error) {
      if (mine !== generation) return;
      replace(departures, el('p', { role: 'alert' }, describe(error)));
    }
  }

  replace(departures, el('p', { class: 'muted' }, t('journeyChooseStart')));
  if (ctx.origin) choose(ctx.origin);
}

function statusText(a) {
  switch (a.status) {
    case 'no_service_on_day':
      return a.day_kind === 'sunday' ? t('journeyNoBusSunday') : a.day_kind === 'saturday' ? t('journeyNoBusSaturday') : t('journeyNoBusDay');
    case 'no_more_departures': return t('journeyNoMoreBus');
    case 'no_connection': return t('journeyNoConnection');
    case 'no_stop_near_start': return t('journeyNoStopStart', { d: distanceText(a.start_reach_m, language()) });
    case 'no_stop_near_place': return t('journeyNoStopPlace', { d: distanceText(a.place_reach_m, language()) });
    case 'no_timetable': return t('journeyNoTimetable');
    default: return null;
  }
}

function wheelchairText(value) {
  return value === 'yes' ? t('journeyWheelchairYes') : value === 'no' ? t('journeyWheelchairNo') : null;
}

function departureList(a) {
  const parts = [];
  const said = statusText(a);
  if (said) parts.push(el('p', { class: `journey-none journey-${a.status}` }, said));
  if (a.departures.length) {
    parts.push(el('ol', { class: 'journey-list' }, a.departures.map((d) => el('li', {},
      el('strong', {}, `${d.departure}`), ' ', t('journeyFromStop', { stop: d.from_stop.name, min: d.from_stop.walk_min }),
      ' → ', el('strong', {}, d.arrival), ' ', t('journeyToStop', { stop: d.to_stop.name }),
      el('br'),
      el('span', { class: 'muted' }, [t('journeyLine', { route: d.route ?? '' }), d.headsign ? t('journeyHeadsign', { headsign: d.headsign }) : null,
        wheelchairText(d.wheelchair_accessible)].filter(Boolean).join(' · '))))));
  }
  const demand = a.on_demand.filter((o) => o.runs_on_date);
  if (demand.length) {
    parts.push(el('ul', { class: 'journey-on-demand' }, demand.map((o) => el('li', {},
      t('journeyOnDemand', { name: o.name || o.route || '', from: o.window_start, to: o.window_end }),
      o.prior_notice_min ? ` ${t('journeyNotice', { min: o.prior_notice_min })}` : '',
      o.booking_phone ? [' ', safeLink(`tel:${o.booking_phone.replace(/[^+\d]/g, '')}`, o.booking_phone)] : '',
      o.booking_url ? [' ', safeLink(o.booking_url, t('booking'))] : ''))));
  }
  if (a.date_in_timetable_period === false) parts.push(el('p', { class: 'muted' }, t('journeyOutsidePeriod')));
  if (a.journey_planner?.url) {
    parts.push(el('p', {}, safeLink(a.journey_planner.url, t('journeyPlanner', { name: a.journey_planner.name }),
      { class: 'journey-planner', target: '_blank' })));
  }
  for (const f of a.attributions) {
    parts.push(el('p', { class: 'muted journey-attribution' },
      t('journeyTimetableSource', { attribution: f.attribution || f.publisher || f.source, licence: f.licence || '?' })));
  }
  return parts;
}
