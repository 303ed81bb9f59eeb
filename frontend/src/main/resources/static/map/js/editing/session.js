// Who is signed in, and writes on their behalf. The session is Spring Security's form login; every write
// of a signed-in page carries the session's CSRF token (X-CSRF-TOKEN), fetched from the service when
// needed and again after signing in (Spring gives a new one then). Problems come back as api.js's Problem.
import { url, Problem } from '../api.js';
import { language } from '../i18n.js';

let csrf = null;

async function token(fresh = false) {
  if (!csrf || fresh) {
    const response = await fetch(url('account/csrf'), { credentials: 'same-origin', cache: 'no-store' });
    csrf = await response.json();
  }
  return csrf;
}

async function body(response) {
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

/** The signed-in account ({account, roles}), or null. */
export async function me() {
  const response = await fetch(url('account'), {
    credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' },
  });
  if (response.status === 401) return null;
  if (!response.ok) throw new Problem(response.status, await body(response));
  return response.json();
}

/** Signs in; true when it worked (the service sends a failed sign-in back to /login?error). */
export async function signIn(login, password) {
  const { parameter, token: value } = await token(true);
  const form = new URLSearchParams({ username: login, password, [parameter]: value });
  const response = await fetch(url('login'), { method: 'POST', body: form, credentials: 'same-origin', redirect: 'follow' });
  csrf = null;
  return response.ok && !new URL(response.url).search.includes('error') && (await me()) !== null;
}

export async function signOut() {
  const { parameter, token: value } = await token(true);
  await fetch(url('logout'), {
    method: 'POST', body: new URLSearchParams({ [parameter]: value }), credentials: 'same-origin',
  });
  csrf = null;
}

/** The sign-in page's address, coming back here afterwards. */
export function signInUrl() {
  const back = location.pathname + location.search;
  return url('map/login', { return: back, lang: language() === 'en' ? 'en' : null });
}

/**
 * A request as the signed-in user: JSON in and out, the CSRF token, headers (If-Match …). Answers
 * {status, etag, body}; 4xx/5xx become a Problem. A 401 sends the page to the sign-in page.
 */
export async function send(method, path, payload, headers = {}) {
  const { header, token: value } = await token();
  const init = {
    method, credentials: 'same-origin', cache: 'no-store',
    headers: { Accept: 'application/json', 'Accept-Language': language(), [header]: value, ...headers },
  };
  if (payload !== undefined) {
    init.body = JSON.stringify(payload);
    init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url(path), init);
  const answer = await body(response);
  if (response.status === 401) {
    location.assign(signInUrl());
  }
  if (!response.ok) throw new Problem(response.status, answer);
  return { status: response.status, etag: response.headers.get('ETag'), body: answer };
}

/** GET as the signed-in user (private answers: never cached). */
export function read(path, params) {
  return fetch(url(path, params), {
    credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json', 'Accept-Language': language() },
  }).then(async (response) => {
    const answer = await body(response);
    if (!response.ok) throw new Problem(response.status, answer);
    return { status: response.status, etag: response.headers.get('ETag'), body: answer };
  });
}
