// Distances on the map: good enough for sorting and showing "350 m" (the server measures exactly).

const EARTH_M = 6371008.8;

export function metres(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "80 m", "1,2 km", "12 km" in the page's language. */
export function distanceText(m, lang) {
  if (m === null || m === undefined || Number.isNaN(m)) return '';
  if (m < 1000) return `${Math.round(m / 10) * 10} m`;
  const km = m / 1000;
  return `${km.toLocaleString(lang, { maximumFractionDigits: km < 10 ? 1 : 0 })} km`;
}

/** The point of a GeoJSON geometry to put a marker on (points as they are, areas at their first vertex's ring centre). */
export function pointOf(geometry) {
  if (!geometry) return null;
  if (geometry.type === 'Point') return { lon: geometry.coordinates[0], lat: geometry.coordinates[1] };
  const ring = geometry.type === 'Polygon' ? geometry.coordinates[0]
    : geometry.type === 'MultiPolygon' ? geometry.coordinates[0][0] : null;
  if (!ring) return null;
  const sum = ring.reduce((s, [lon, lat]) => ({ lon: s.lon + lon, lat: s.lat + lat }), { lon: 0, lat: 0 });
  return { lon: sum.lon / ring.length, lat: sum.lat / ring.length };
}
