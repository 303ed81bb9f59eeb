// The service's APIs, addressed relative to the page (so a proxy prefix keeps working).
import { t, language } from './i18n.js';

const ROOT = new URL(document.querySelector('meta[name="ortsanker-root"]')?.content ?? './', document.baseURI);

/** An absolute URL of the service: url('places/nearby', {lon: 1}) → https://…/places/nearby?lon=1 */
export function url(path, params = {}) {
  const u = new URL(path, ROOT);
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    for (const v of Array.isArray(value) ? value : [value]) u.searchParams.append(key, String(v));
  }
  return u.href;
}

/** A problem document (RFC 9457) the service answered with, as an error. */
export class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

/** GETs JSON; a 4xx/5xx becomes a Problem; an abort (a newer request replaced this one) is rethrown as is. */
export async function getJson(path, params = {}, signal) {
  const response = await fetch(url(path, params), {
    signal, headers: { Accept: 'application/json, application/geo+json', 'Accept-Language': language() },
  });
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new Problem(response.status, body);
  return body;
}

/**
 * What went wrong, in the page's language. The service's problem documents explain in English; an English
 * page shows that, a German one says which of its inputs the service could not use, and in what way.
 */
export function describe(error) {
  if (!(error instanceof Problem)) return t('problemNetwork');
  if (language() === 'en') return error.message;
  const params = (error.body['invalid-params'] || []).map((p) => p.name).filter(Boolean);
  if (error.status === 400 && params.length) return t('problemInvalid', { params: params.join(', ') });
  if (error.status === 404) return t('problemNotFound');
  if (error.status === 503) return t('problemUnavailable');
  if (error.status >= 500) return t('problemServer', { status: error.status });
  return t('problemOther', { status: error.status, title: error.body.title || '' });
}

/** Only the latest call of a kind matters (typing, panning): each new one aborts the one before. */
export function latestOnly() {
  let controller;
  return (path, params) => {
    controller?.abort();
    controller = new AbortController();
    return getJson(path, params, controller.signal);
  };
}

let configPromise;
/** The web map's configuration (basemap, start view, layers), fetched once per page. */
export function config() {
  configPromise ??= getJson('map/config.json');
  return configPromise;
}
