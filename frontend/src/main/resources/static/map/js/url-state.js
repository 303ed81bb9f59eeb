// The citizen map's state lives in its address: a link shows the same view, search, filters and place,
// and the back button steps through what the user did (searches, filters, places; not every pan).

const LAYER_ID = /^[a-z_]+$/;
// Shared links made before every layer had one id ticked groups by their old codes.
const OLD_LAYER_IDS = { third_place: 'third_places', club: 'clubs', meeting_room: 'meeting_rooms', vacant: 'vacant_buildings' };

/** The layer an id of before meant (null when the id is not one of them). */
export function oldLayerId(code) {
  return OLD_LAYER_IDS[code] || null;
}

/** Layer ids from a page address, old ids read as the layers they meant. */
export function layerIds(value) {
  return value.split(',').filter((k) => LAYER_ID.test(k)).map((k) => OLD_LAYER_IDS[k] || k);
}

export function read(search = location.search) {
  const q = new URLSearchParams(search);
  const pair = (value) => {
    const parts = (value || '').split(',').map(Number);
    return parts.length >= 2 && parts.every(Number.isFinite) ? parts : null;
  };
  const at = pair(q.get('at'));
  const view = pair(q.get('view'));
  const place = Number(q.get('place'));
  return {
    lang: q.get('lang') === 'en' ? 'en' : 'de',
    q: q.get('q') || '',
    at: at ? { lat: at[0], lon: at[1] } : null,
    me: q.get('me') === '1',
    view: view && view.length === 3 ? { lat: view[0], lon: view[1], zoom: view[2] } : null,
    kinds: q.has('kinds') ? layerIds(q.get('kinds')) : null,
    open: q.get('open') === '1',
    step: q.get('step') === '1',
    free: q.get('free') === '1',
    place: Number.isInteger(place) && place > 0 ? place : null,
  };
}

export function write(state, push) {
  const q = new URLSearchParams();
  if (state.lang !== 'de') q.set('lang', state.lang);
  if (state.q) q.set('q', state.q);
  // "Near me" goes into a shareable address rounded to about 100 m: the doorstep need not travel with it.
  const digits = state.me ? 3 : 5;
  if (state.at) q.set('at', `${state.at.lat.toFixed(digits)},${state.at.lon.toFixed(digits)}`);
  if (state.me) q.set('me', '1');
  if (state.kinds) q.set('kinds', state.kinds.join(','));
  if (state.open) q.set('open', '1');
  if (state.step) q.set('step', '1');
  if (state.free) q.set('free', '1');
  if (state.place) q.set('place', String(state.place));
  if (state.view) q.set('view', `${state.view.lat.toFixed(5)},${state.view.lon.toFixed(5)},${state.view.zoom}`);
  const address = `${location.pathname}?${q.toString().replace(/%2C/g, ',')}`;
  if (address === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', address); else history.replaceState(null, '', address);
}
