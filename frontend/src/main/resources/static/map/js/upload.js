// The upload page of a municipal list (upload.html): the signed-in steward's municipalities from
// /uploads/session, a dry run (POST /uploads) shown as counts and findings, then the confirmation of exactly
// that file (POST /uploads/{id}/confirm). Everything from the server or the file is inserted as text.
// A session's state-changing requests carry the CSRF token /uploads/session gives.

const WORDS = {
  de: {
    skip: 'Zum Inhalt springen', navMap: 'Karte', title: 'Liste der Gemeinde hochladen',
    intro: 'Laden Sie die Liste Ihrer Gemeinde hoch (CSV oder Excel). Zuerst prüft Ortsanker sie und zeigt, was'
      + ' hinzukäme, sich änderte, entfiele oder abgelehnt würde – gespeichert wird dabei nichts. Erst wenn Sie'
      + ' bestätigen, wird genau diese Datei übernommen.',
    signedOut: 'Zum Hochladen melden Sie sich bitte an.', signIn: 'Anmelden',
    ags: 'Gemeinde (Gemeindeschlüssel)', agsHint: '8 Ziffern, z. B. 09472150', list: 'Name der Liste',
    listHint: 'Kleinbuchstaben, Ziffern und -, z. B. vereine. Dieselbe Liste nächsten Monat wieder unter diesem Namen'
      + ' hochladen.',
    licence: 'Lizenz', attribution: 'Namensnennung', file: 'Datei (.csv oder .xlsx)',
    check: 'Prüfen (ohne zu speichern)', counts: 'Anzahl', findings: 'Hinweise', noFindings: 'Keine.',
    colFile: 'Datei', colLine: 'Zeile', colField: 'Feld', colReason: 'Grund', colAction: 'Folge',
    confirm: 'Genau diese Datei übernehmen', checking: 'Die Liste wird geprüft …', importing: 'Die Liste wird übernommen …',
    dryRunOf: (file, source) => `Prüfung von ${file} (Quelle ${source}): noch nichts gespeichert`,
    resultOf: (file, source) => `${file} übernommen (Quelle ${source})`,
    signedInAs: (login) => `Angemeldet als ${login}.`,
    added: 'hinzu', updated: 'geändert', unchanged: 'unverändert', retired: 'entfallen', rejected: 'abgelehnt',
    conflicts: 'Konflikte mit Änderungen von Hand',
    actions: { rejected: 'abgelehnt', repaired: 'repariert', field_dropped: 'Feld weggelassen', skipped: 'ausgelassen',
      conflict: 'Konflikt', note: 'Hinweis' },
    tooLarge: (max) => `Die Datei ist zu groß (höchstens ${max} Bytes).`,
    failed: 'Das hat nicht geklappt: ', switchTo: 'English', switchLang: 'en',
  },
  en: {
    skip: 'Skip to content', navMap: 'Map', title: 'Upload your municipality\'s list',
    intro: 'Upload your municipality\'s list (CSV or Excel). Ortsanker checks it first and shows what would be added,'
      + ' changed, retired or rejected – nothing is stored then. Only when you confirm is exactly this file imported.',
    signedOut: 'Please sign in to upload.', signIn: 'Sign in',
    ags: 'Municipality (official key, AGS)', agsHint: '8 digits, e.g. 09472150', list: 'Name of the list',
    listHint: 'Lower-case letters, digits and -, e.g. vereine. Upload the same list under this name next month.',
    licence: 'Licence', attribution: 'Attribution', file: 'File (.csv or .xlsx)',
    check: 'Check (stores nothing)', counts: 'Counts', findings: 'Findings', noFindings: 'None.',
    colFile: 'File', colLine: 'Line', colField: 'Field', colReason: 'Reason', colAction: 'Outcome',
    confirm: 'Import exactly this file', checking: 'Checking the list …', importing: 'Importing the list …',
    dryRunOf: (file, source) => `Check of ${file} (source ${source}): nothing stored yet`,
    resultOf: (file, source) => `${file} imported (source ${source})`,
    signedInAs: (login) => `Signed in as ${login}.`,
    added: 'added', updated: 'changed', unchanged: 'unchanged', retired: 'retired', rejected: 'rejected',
    conflicts: 'conflicts with hand edits',
    actions: { rejected: 'rejected', repaired: 'repaired', field_dropped: 'field left out', skipped: 'skipped',
      conflict: 'conflict', note: 'note' },
    tooLarge: (max) => `The file is too large (at most ${max} bytes).`,
    failed: 'That did not work: ', switchTo: 'Deutsch', switchLang: 'de',
  },
};

const $ = (id) => document.getElementById(id);
let lang = new URLSearchParams(location.search).get('lang') === 'en'
  || (!new URLSearchParams(location.search).has('lang') && !navigator.language.startsWith('de')) ? 'en' : 'de';
let session = null;
let upload = null;

function t(key) {
  return WORDS[lang][key];
}

function translate() {
  document.documentElement.lang = lang;
  document.title = 'Ortsanker – ' + t('title');
  for (const el of document.querySelectorAll('[data-t]')) {
    el.textContent = t(el.dataset.t);
  }
  $('lang').textContent = t('switchTo');
  $('lang').lang = t('switchLang');
  if (session) {
    $('status').textContent = t('signedInAs')(session.login);
  }
  if (upload) {
    show(upload);
  }
}

function headers() {
  return session && session.csrf_token ? { [session.csrf_header]: session.csrf_token } : {};
}

async function problemText(response) {
  try {
    const p = await response.json();
    const params = (p['invalid-params'] || []).map((x) => `${x.name}: ${x.reason}`).join('; ');
    return params || p.detail || p.title || String(response.status);
  } catch (e) {
    return String(response.status);
  }
}

function fail(text) {
  $('error').textContent = t('failed') + text;
  $('error').hidden = false;
  $('error').focus?.();
}

function cell(row, text, header) {
  const c = document.createElement(header ? 'th' : 'td');
  if (header) {
    c.scope = 'row';
  }
  c.textContent = text == null ? '' : String(text);
  row.append(c);
}

function show(u) {
  const report = u.result || u.dry_run;
  $('report-heading').textContent = u.result ? t('resultOf')(u.file, u.source) : t('dryRunOf')(u.file, u.source);
  const counts = $('counts');
  counts.replaceChildren();
  for (const key of ['added', 'updated', 'unchanged', 'retired', 'rejected', 'conflicts']) {
    const row = document.createElement('tr');
    cell(row, t(key), true);
    cell(row, report[key]);
    counts.append(row);
  }
  const findings = $('findings');
  findings.replaceChildren();
  for (const f of report.findings || []) {
    const row = document.createElement('tr');
    cell(row, f.file);
    cell(row, f.line ?? f.row ?? '');
    cell(row, f.field ?? '');
    cell(row, f.reason);
    cell(row, t('actions')[f.action] || f.action);
    findings.append(row);
  }
  $('findings-table').hidden = (report.findings || []).length === 0;
  $('no-findings').hidden = (report.findings || []).length > 0;
  $('confirm').hidden = !u.confirm;
  $('report').hidden = false;
}

async function check(event) {
  event.preventDefault();
  $('error').hidden = true;
  const form = $('form');
  if (!form.reportValidity()) {
    return;
  }
  const file = $('file').files[0];
  if (file && session && file.size > session.max_bytes) {
    fail(t('tooLarge')(session.max_bytes));
    return;
  }
  $('check').disabled = true;
  $('status').textContent = t('checking');
  try {
    const response = await fetch('/uploads', { method: 'POST', body: new FormData(form), headers: headers(),
      credentials: 'same-origin' });
    if (!response.ok) {
      fail(await problemText(response));
      return;
    }
    upload = await response.json();
    show(upload);
    $('report').focus();
  } catch (e) {
    fail(e.message);
  } finally {
    $('check').disabled = false;
    $('status').textContent = '';
  }
}

async function confirm() {
  $('error').hidden = true;
  $('confirm').disabled = true;
  $('status').textContent = t('importing');
  try {
    const response = await fetch(upload.confirm, { method: 'POST', headers: headers(), credentials: 'same-origin' });
    if (!response.ok) {
      fail(await problemText(response));
      return;
    }
    upload = await response.json();
    show(upload);
    $('report').focus();
  } catch (e) {
    fail(e.message);
  } finally {
    $('confirm').disabled = false;
    $('status').textContent = '';
  }
}

async function start() {
  translate();
  $('lang').addEventListener('click', () => {
    lang = lang === 'de' ? 'en' : 'de';
    translate();
  });
  $('form').addEventListener('submit', check);
  $('confirm').addEventListener('click', confirm);
  const response = await fetch('/uploads/session', { credentials: 'same-origin' });
  if (response.status === 401) {
    $('signin').hidden = false;
    return;
  }
  if (!response.ok) {
    fail(await problemText(response));
    return;
  }
  session = await response.json();
  const options = $('municipalities');
  for (const ags of session.municipalities) {
    const option = document.createElement('option');
    option.value = ags;
    options.append(option);
  }
  if (session.municipalities.length === 1) {
    $('ags').value = session.municipalities[0];
  }
  $('form').hidden = false;
  translate();
}

start();
