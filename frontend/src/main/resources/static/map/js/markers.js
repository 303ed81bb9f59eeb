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
  // Two answers race on a deep link (/map/?place=…&view=…): the places around (set) and the chosen place
  // (reveal). leaflet.markercluster zooms in steps it queues for later and zoomToShowLayer waits for the end of
  // its zoom with listeners on the marker's cluster; replacing the markers meanwhile (clearLayers) left both
  // working on markers without a cluster — the TypeErrors of issue 17 — and a place chosen before its marker
  // existed was never revealed. So: the place to show is a wish kept until its marker is on the map, markers
  // are replaced only while the group rests, and answers that come meanwhile wait for that.
  let wanted = null;     // the id to reveal once its marker is in the group
  let revealing = null;  // the timer ending a reveal that never reported back (the user zoomed away)
  let waiting = null;    // the newest features that came while the group was moving

  function moving() {
    return revealing !== null || cluster._inZoomAnimation > 0 || map._animatingZoom === true;
  }

  function settled() {
    if (moving()) return;
    if (waiting) {
      const features = waiting;
      waiting = null;
      set(features);
    } else {
      show();
    }
  }
  cluster.on('animationend', settled);
  map.on('zoomend moveend', settled);

  function set(features) {
    if (moving()) {
      waiting = features;  // drawn when the group rests (settled)
      return;
    }
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
    show();
  }

  function select(id) {
    const before = markers.get(selectedId);
    if (before) before.marker.setIcon(icon(before.group, false));
    selectedId = id;
    if (wanted !== id) wanted = null;  // another place (or none) chosen: the old wish is void
    const now = markers.get(id);
    if (now) {
      now.marker.setIcon(icon(now.group, true));
      now.marker.getElement()?.setAttribute('aria-label', now.marker.accessibleName);
    }
  }

  /** Opens the clusters around a place so its marker is visible — now, or as soon as its marker is drawn. */
  function reveal(id) {
    wanted = id;
    show();
  }

  function show() {
    const entry = wanted === null ? null : markers.get(wanted);
    // Not (yet) among the places drawn, or not in the group: kept for the next answer.
    if (!entry || !entry.marker.__parent || moving()) return;
    wanted = null;
    const done = () => {
      clearTimeout(revealing);
      revealing = null;
      settled();
    };
    revealing = setTimeout(done, 3000);
    cluster.zoomToShowLayer(entry.marker, done);
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
