// The Leaflet map every page shares: the configured basemap (or none), a fallback when it cannot be
// reached (our layers still show, over municipality outlines where the service offers them), and an
// attribution line built as text.
import { el, replace } from './dom.js';
import { t } from './i18n.js';
import { getJson } from './api.js';

const L = window.L;

/** Creates the map in container; returns {map, attribution} where attribution.setData(list) names data sources. */
export function createMap(container, config, options = {}) {
  const map = L.map(container, {
    attributionControl: false,
    zoomControl: false,  // ours below: Leaflet's says "Zoom in" on a German page
    keyboard: true,
    minZoom: 5,
    maxZoom: 19,
    ...options,
  });
  L.control.zoom({ zoomInTitle: t('zoomIn'), zoomOutTitle: t('zoomOut') }).addTo(map);
  for (const [cls, key] of [['in', 'zoomIn'], ['out', 'zoomOut']]) {
    const button = container.querySelector(`.leaflet-control-zoom-${cls}`);
    if (button) { button.dataset.i18nLabel = key; button.dataset.i18nTitle = key; button.setAttribute('aria-label', t(key)); }
  }
  const attribution = new AttributionControl();
  attribution.addTo(map);
  if (config.basemap) {
    addBasemap(map, config, attribution);
  } else {
    showNoBasemap(map, config, false);
  }
  return { map, attribution };
}

function addBasemap(map, config, attribution) {
  const layer = L.tileLayer(config.basemap.url, { maxZoom: config.basemap.max_zoom, crossOrigin: false });
  let loaded = 0;
  let failed = 0;
  layer.on('tileload', () => { loaded += 1; });
  layer.on('tileerror', () => {
    failed += 1;
    // No tile came through after several tries: stop asking (it costs a weak connection) and say so.
    if (loaded === 0 && failed >= 4 && map.hasLayer(layer)) {
      map.removeLayer(layer);
      attribution.setBasemap(null);
      showNoBasemap(map, config, true);
    }
  });
  layer.addTo(map);
  attribution.setBasemap(config.basemap.attribution);
}

function showNoBasemap(map, config, unreachable) {
  map.getContainer().classList.add('no-basemap');
  if (unreachable) {
    const note = L.control({ position: 'topright' });
    note.onAdd = () => {
      const node = el('p', { class: 'map-note', role: 'status' }, el('span', {}, t('basemapDown')),
        el('button', { type: 'button', class: 'secondary', 'aria-label': t('close'), onclick: () => note.remove() }, '✕'));
      L.DomEvent.disableClickPropagation(node);
      return node;
    };
    note.addTo(map);
  }
  const municipalities = config.layers.find((l) => l.code === 'municipalities')?.items_url;
  if (municipalities) addOutlines(map, municipalities);
  const villages = config.layers.find((l) => l.code === 'villages')?.items_url;
  if (villages) addVillageNames(map, villages);
}

/** Village names as quiet labels from zoom 12 on, for orientation without a basemap (decorative: hidden from screen readers). */
function addVillageNames(map, itemsUrl) {
  const names = L.layerGroup().addTo(map);
  const seen = new Set();
  const load = () => {
    if (map.getZoom() < 12) { names.clearLayers(); seen.clear(); return; }
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(4)).join(',');
    getJson(itemsUrl, { bbox, limit: 200 }).then((collection) => {
      for (const f of collection.features || []) {
        if (seen.has(f.id) || f.geometry?.type !== 'Point') continue;
        seen.add(f.id);
        const [lon, lat] = f.geometry.coordinates;
        L.marker([lat, lon], {
          interactive: false, keyboard: false, pane: 'overlayPane',
          icon: L.divIcon({ className: 'village-name', html: el('span', { 'aria-hidden': 'true' }, f.properties.name), iconSize: null }),
        }).addTo(names);
      }
    }).catch(() => { /* names are a courtesy */ });
  };
  map.whenReady(load);
  map.on('moveend', load);
}

/** Municipality outlines, so the map keeps its bearings without a basemap; loaded for the view only. */
function addOutlines(map, itemsUrl) {
  const outlines = L.geoJSON(null, {
    interactive: false,
    style: { color: '#6b6b6b', weight: 1, fill: false },
  }).addTo(map);
  const seen = new Set();
  const load = () => {
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(4)).join(',');
    getJson(itemsUrl, { bbox, limit: 100 }).then((collection) => {
      for (const f of collection.features || []) {
        if (!seen.has(f.id)) {
          seen.add(f.id);
          outlines.addData(f);
        }
      }
    }).catch(() => { /* outlines are a courtesy; the places matter */ });
  };
  map.whenReady(load);
  map.on('moveend', load);
}

/** Attribution as text: the basemap's, then every data source on the map. */
const AttributionControl = L.Control.extend({
  options: { position: 'bottomright' },
  onAdd() {
    this.node = el('div', { class: 'om-attribution leaflet-control' });
    L.DomEvent.disableClickPropagation(this.node);
    this.basemap = null;
    this.data = [];
    this.render();
    return this.node;
  },
  setBasemap(text) {
    this.basemap = text;
    this.render();
  },
  setData(attributions) {
    this.data = [...new Set(attributions.filter(Boolean))];
    this.render();
  },
  render() {
    if (!this.node) return;
    const parts = [];
    if (this.basemap) parts.push(el('span', {}, this.basemap));
    if (this.data.length) parts.push(el('span', {}, t('dataBy', { list: this.data.join(' · ') })));
    replace(this.node, ...parts.flatMap((p, i) => (i ? [' | ', p] : [p])));
  },
});
