// The demo of hallpass.js: log in with the cookie session, then work with bearer tokens the client
// keeps fresh; a session ended anywhere (logout elsewhere, admin kill, theft…) brings the login back
// with the reason.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let refreshes = 0;

  const client = Hallpass.create({
    refreshMarginSeconds: 30,
    showNotices: false, // this page shows the warning and the reason in its own places
    onTokenRefreshed: (token) => {
      $('expiry').textContent = token.expiresAt.toLocaleTimeString();
      $('refreshes').textContent = String(++refreshes);
    },
    onSessionExpiring: (warning) => {
      $('warning').textContent = warning.message;
      $('warning').hidden = false;
    },
    onSessionEnded: (notice) => showLogin(notice),
    onLoginRequired: () => showLogin({ reason: 'login-required', message: 'Please log in again.' }),
  });
  window.demo = { client: client };

  function showLogin(notice) {
    $('app-section').hidden = true;
    $('login-section').hidden = false;
    $('reason').hidden = !notice;
    if (notice) {
      $('reason').textContent = notice.message;
      $('reason').dataset.reason = notice.reason;
    }
  }

  async function showApp(username) {
    $('username').textContent = username;
    $('margin').textContent = '30';
    $('login-section').hidden = true;
    $('app-section').hidden = false;
    $('warning').hidden = true;
    await client.start();
    document.body.dataset.ready = 'true';
  }

  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const response = await fetch('api/auth/login', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
    });
    if (!response.ok) {
      $('message').textContent = (await response.json()).detail;
      return;
    }
    $('message').textContent = '';
    event.target.reset();
    await showApp((await response.json()).username);
  });

  $('call').addEventListener('click', async () => {
    const response = await client.fetch('api/auth/me');
    $('result').textContent = response.status + ' ' + JSON.stringify(await response.json(), null, 2);
  });
  $('refresh').addEventListener('click', () => client.refresh().catch(() => {}));
  $('logout').addEventListener('click', async () => { await client.logout(false); showLogin(null); });
  $('logout-all').addEventListener('click', async () => { await client.logout(true); showLogin(null); });

  fetch('api/auth/status', { credentials: 'same-origin' })
    .then((response) => response.json())
    .then((status) => (status.authenticated ? showApp(status.username) : showLogin(null)));
}());
