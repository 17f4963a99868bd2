// Minimal login page for a one-node trial: log in, see the session, log out. Its sentences come from
// texts.js (the reader's language); problems come from the server already in it.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);

  function show(me) {
    $('login-section').hidden = !!me;
    $('session-section').hidden = !me;
    if (me) {
      $('username').textContent = me.username;
      $('roles').textContent = me.roles.join(', ') || HallpassTexts.t('index.no-roles');
      $('handle').textContent = me.session.handle;
      $('idle').textContent = new Date(me.session.idleExpiresAt).toLocaleString();
      $('absolute').textContent = new Date(me.session.absoluteExpiresAt).toLocaleString();
    }
  }

  async function problem(response) {
    try { return (await response.json()).detail; } catch (e) { return response.statusText; }
  }

  // status answers "not logged in" with a 200, so an anonymous visitor's console shows no failed request
  async function refresh() {
    await HallpassTexts.ready;
    const status = await (await fetch('api/auth/status', { credentials: 'same-origin' })).json();
    const response = status.authenticated ? await fetch('api/auth/me', { credentials: 'same-origin' }) : null;
    show(response && response.ok ? await response.json() : null);
  }

  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const response = await fetch('api/auth/login', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: form.get('username'), password: form.get('password'),
                             rememberMe: form.get('rememberMe') === 'on' })
    });
    $('message').textContent = response.ok ? '' : await problem(response);
    if (response.ok) { show(await response.json()); event.target.reset(); }
  });

  $('logout').addEventListener('click', async () => {
    await fetch('api/auth/logout', { method: 'POST', credentials: 'same-origin' });
    show(null);
  });

  refresh();
}());
