// The detail panel: what a citizen asks before setting off — open now? step-free? free? who runs it,
// whom to ask, how to get there without a car — and where the data comes from.
import { el, replace, safeLink } from './dom.js';
import { t, label, number, dateText, placeName } from './i18n.js';
import { distanceText } from './geo.js';
import { openStatus, weekList } from './hours.js';
import { letter } from './markers.js';

function section(heading, ...content) {
  const items = content.flat().filter(Boolean);
  if (!items.length) return null;
  return el('section', {}, el('h3', {}, heading), ...items);
}

function address(p) {
  const street = [p.addr_street, p.addr_housenumber].filter(Boolean).join(' ');
  const town = [p.addr_postcode, p.addr_city].filter(Boolean).join(' ');
  return [street, town].filter(Boolean).join(', ');
}

/**
 * Renders the place's detail into panel. handlers: close(), select(id) for a nearby place, and optionally
 * journey(container, feature) to fill in the way there and the departures (journey.js).
 */
export function renderDetail(panel, feature, lang, handlers) {
  const p = feature.properties;
  const name = placeName(p);
  const status = openStatus(p);
  const closeButton = el('button', { type: 'button', class: 'close', onclick: handlers.close }, t('backToList'));
  const heading = el('h2', { id: 'detail-name', tabindex: '-1' }, name);

  const access = [
    el('p', { class: `access access-${p.wheelchair || 'unknown'}` }, t(`wheelchair_${p.wheelchair || 'unknown'}`)),
    p.free_entry === true || p.free_entry === false ? el('p', {}, t(`free_${p.free_entry}`)) : null,
    p.capacity ? el('p', {}, t('capacity', { n: number(p.capacity) })) : null,
    p.equipment?.length ? el('p', {}, t('equipment', { list: p.equipment.join(', ') })) : null,
  ];

  const operator = p.operator ? el('p', {}, p.operator,
    p.operator_type ? ` (${t(`operator_${p.operator_type}`)})` : '') : null;

  const contact = [
    p.contact_role ? el('p', {}, p.contact_role) : null,
    p.contact_phone ? el('p', {}, safeLink(`tel:${p.contact_phone.replace(/[^+\d]/g, '')}`, p.contact_phone)) : null,
    p.contact_email ? el('p', {}, safeLink(`mailto:${p.contact_email}`, p.contact_email)) : null,
    p.website ? el('p', {}, safeLink(p.website, t('website'))) : null,
    p.booking_url ? el('p', {}, safeLink(p.booking_url, t('booking'))) : null,
  ];

  const around = p.getting_there || [];
  const gettingThere = around.length
    ? el('ul', { class: 'nearby' }, around.map((n) => el('li', {},
      el('button', { type: 'button', class: 'link', onclick: () => handlers.select(n.id) },
        el('span', { class: `badge om-${'mobility'}`, 'aria-hidden': 'true' }, letter('mobility')),
        n.name && n.name !== label(n, 'kind_label') ? `${label(n, 'kind_label')}: ${n.name}` : placeName(n)),
      ` – ${t('distanceAway', { d: distanceText(n.distance_m, lang) })}`)))
    : el('p', {}, t('gettingThereNone'));

  const journey = handlers.journey ? el('div', { class: 'journey', id: 'journey' }) : null;
  if (journey) handlers.journey(journey, feature);

  const source = [
    el('p', {}, t('source', { source: p.source_title || p.source })),
    el('p', {}, t('licence', { licence: p.licence })),
    el('p', {}, p.attribution),
    // A check only where someone checked; an edit date is said to be one.
    p.last_verified ? el('p', {}, t('lastVerified', { date: dateText(p.last_verified) }))
      : p.source_edited ? el('p', {}, t(p.source_title === 'OpenStreetMap' ? 'editedInOsm' : 'editedAtSource', { date: dateText(p.source_edited) }))
        : null,
    p.source_url ? el('p', {}, safeLink(p.source_url, t('sourceRecord'))) : null,
  ];

  replace(panel,
    closeButton,
    el('p', { class: 'kind' }, el('span', { class: `badge om-${p.group}`, 'aria-hidden': 'true' }, letter(p.group)),
      ` ${label(p, 'kind_label')}`),
    heading,
    address(p) ? el('p', { class: 'address' }, address(p)) : null,
    p.distance_m != null ? el('p', { class: 'muted' }, t('distanceAway', { d: distanceText(p.distance_m, lang) })) : null,
    status ? el('p', { class: `open-status ${status.state}` }, status.text) : null,
    p.description ? el('p', { class: 'description' }, p.description) : null,
    section(t('hoursHeading'), weekList(p)),
    section(t('accessHeading'), access),
    section(t('gettingThereHeading'), journey, gettingThere),
    section(t('operatorHeading'), operator),
    section(t('contactHeading'), contact),
    section(t('sourceHeading'), source),
  );
  return heading;
}
