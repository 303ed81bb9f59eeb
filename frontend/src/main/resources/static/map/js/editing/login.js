// The sign-in page: the service's form login, through fetch (with the CSRF token), then back to the page
// that asked (only an address of this site: ?return= never sends anyone elsewhere).
import { t, setLanguage, translatePage, language } from '../i18n.js';
import { url } from '../api.js';
import { signIn, me, signOut } from './session.js';
import './words.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

function back() {
  const target = params.get('return') || '';
  // A path of this site only: "/map/…" yes; "//evil", "https://…" no.
  return /^\/(?!\/)[^\\]*$/.test(target) ? new URL(target, location.origin).href : url('map/');
}

async function main() {
  setLanguage(params.get('lang'));
  translatePage();
  document.title = `Ortsanker – ${t('signInTitle')}`;
  $('lang').addEventListener('click', () => {
    params.set('lang', language() === 'de' ? 'en' : 'de');
    setLanguage(params.get('lang'));
    history.replaceState(null, '', `?${params}`);
    translatePage();
  });
  const who = await me().catch(() => null);
  if (who) {
    const note = $('signed-in');
    note.hidden = false;
    note.textContent = t('signedInAs', { name: who.account.display_name || who.account.login });
    const out = document.createElement('button');
    out.type = 'button';
    out.className = 'secondary';
    out.textContent = t('signOut');
    out.addEventListener('click', async () => { await signOut(); location.reload(); });
    note.append(' ', out);
  }
  $('sign-in').addEventListener('submit', async (e) => {
    e.preventDefault();
    const status = $('sign-in-status');
    const login = $('login').value.trim();
    const password = $('password').value;
    if (!login || !password) {
      status.textContent = t('signInMissing');
      (login ? $('password') : $('login')).focus();
      return;
    }
    status.textContent = '';
    e.submitter?.setAttribute('aria-busy', 'true');
    try {
      if (await signIn(login, password)) {
        location.assign(back());
        return;
      }
      status.textContent = t('signInFailed');
      $('password').value = '';
      $('password').focus();
    } catch {
      status.textContent = t('problemNetwork');
    } finally {
      e.submitter?.removeAttribute('aria-busy');
    }
  });
  $('login').focus();
}

main();
