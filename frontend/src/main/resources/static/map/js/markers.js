// Places on the map: one coloured, lettered marker per place (the filter list shows the same badges, so
// it is the legend), clustered where they crowd; keyboard-focusable, named for screen readers.
import { t, label, placeName } from './i18n.js';
import { pointOf } from './geo.js';

const L = window.L;

export const GROUP_LETTER = {
  de: { third_places: 'T', clubs: 'V', meeting_rooms: 'R', mobility: 'M', vacant_buildings: 'L', supply: 'E' },
  en: { third_places: 'P', clubs: 'C', meeting_rooms: 'R', mobility: 'M', vacant_buildings: 'V', supply: 'S' },
};

export function letter(group) {
  return GROUP_LETTER[document.documentElement.lang]?.[group] ?? GROUP_LETTER.de[group] ?? '•';
}

function icon(group, selected) {
  // The markup is ours; the letter comes from the table above, never from data.
  return L.divIcon({
    className: `om-marker om-${group}${selected ? ' om-selected' : ''}`,
    html: `<span aria-hidden="true">${letter(group)}</span>`,
    iconSize: [32, 32],
    iconAnchor: [16, 16],
  });
}

/** A layer of places; onSelect(id) when one is chosen by click, tap or Enter. */
export function placesLayer(map, onSelect) {
  const cluster = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 45,
    spiderfyOnMaxZoom: true,
    iconCreateFunction(c) {
      const n = Number(c.getChildCount());
      return L.divIcon({
        className: 'om-cluster',
        html: `<span>${n}</span>`,
        iconSize: [40, 40],
      });
    },
  });
  cluster.on('animationend spiderfied', () => labelClusters(cluster));
  map.on('zoomend moveend', () => labelClusters(cluster));
  cluster.addTo(map);
  const markers = new Map();
  let selectedId = null;

  function set(features) {
    cluster.clearLayers();
    markers.clear();
    const added = [];
    for (const f of features) {
      const at = pointOf(f.geometry);
      if (!at) continue;
      const p = f.properties;
      const name = placeName(p);
      const marker = L.marker([at.lat, at.lon], {
        icon: icon(p.group, f.id === selectedId),
        title: name,
        keyboard: true,
        riseOnHover: true,
      });
      marker.featureId = f.id;
      marker.accessibleName = `${name}, ${label(p, 'kind_label')}`;
      marker.on('click', () => onSelect(f.id));
      marker.on('add', () => marker.getElement()?.setAttribute('aria-label', marker.accessibleName));
      markers.set(f.id, { marker, group: p.group });
      added.push(marker);
    }
    cluster.addLayers(added);
    labelClusters(cluster);
  }

  function select(id) {
    const before = markers.get(selectedId);
    if (before) before.marker.setIcon(icon(before.group, false));
    selectedId = id;
    const now = markers.get(id);
    if (now) {
      now.marker.setIcon(icon(now.group, true));
      now.marker.getElement()?.setAttribute('aria-label', now.marker.accessibleName);
    }
  }

  /** Opens the clusters around a place so its marker is visible. */
  function reveal(id) {
    const entry = markers.get(id);
    if (entry) cluster.zoomToShowLayer(entry.marker, () => {});
  }

  return { set, select, reveal, cluster };
}

function labelClusters(cluster) {
  cluster._featureGroup?.eachLayer((layer) => {
    if (layer.getChildCount) {
      const element = layer.getElement();
      element?.setAttribute('aria-label', t('clusterLabel', { n: layer.getChildCount() }));
      element?.setAttribute('role', 'button');
    }
  });
}
