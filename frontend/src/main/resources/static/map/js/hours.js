// Opening hours in words: "Open now, until 18:00", then one line per day of the coming week.
import { el } from './dom.js';
import { t, language } from './i18n.js';

function weekday(isoDate, style = 'long') {
  return new Date(`${isoDate}T12:00:00`).toLocaleDateString(language(), { weekday: style });
}

function time(hhmm) {
  return hhmm.slice(0, 5);
}

/** "Open now, until 18:00" / "Closed now, opens Monday at 09:00" / unknown. */
export function openStatus(p) {
  if (p.open_now === true) {
    const until = p.next_change ? ` – ${t('untilTime', { time: time(p.next_change.slice(11)) })}` : '';
    return { text: t('openStatusOpen') + until, state: 'open' };
  }
  if (p.open_now === false) {
    let opens = '';
    if (p.next_change) {
      const day = p.next_change.slice(0, 10);
      // "Today" as the place sees it (Europe/Berlin), not as the device's clock in UTC would say.
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
      opens = ` – ${t('opensAt', { day: day === today ? t('today').toLowerCase() : weekday(day), time: time(p.next_change.slice(11)) })}`;
    }
    return { text: t('openStatusClosed') + opens, state: 'closed' };
  }
  return p.opening_hours ? { text: t('openStatusUnknown'), state: 'unknown' } : null;
}

/** The coming week as a description list, today first; the source's own text below it. */
export function weekList(p) {
  if (!p.opening_hours) return el('p', {}, t('noHours'));
  const parts = [];
  if (Array.isArray(p.hours) && p.hours.length) {
    const list = el('dl', { class: 'hours' });
    p.hours.forEach((day, i) => {
      const name = i === 0 ? `${t('today')} (${weekday(day.date, 'short')})` : i === 1 ? `${t('tomorrow')} (${weekday(day.date, 'short')})` : weekday(day.date);
      const spans = day.spans || [];
      const text = spans.length === 0 ? t('closedAllDay')
        : spans.map((s) => `${time(s.from)}–${time(s.to)}${s.status === 'unknown' ? ` (${t('hoursUnknown')})` : ''}`).join(', ');
      list.append(el('dt', {}, name), el('dd', {}, text, day.holiday ? el('span', { class: 'holiday' }, ` · ${t('holiday', { name: day.holiday })}`) : null));
    });
    parts.push(list);
  }
  parts.push(el('p', { class: 'muted' }, t('hoursAsWritten', { text: p.opening_hours })));
  return parts;
}
