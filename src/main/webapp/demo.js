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
    onLoginRequired: () => showLogin({ reason: 'login-required', message: HallpassTexts.t('demo.login-again') }),
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
    await showCart();
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
  // The cart: a user document ("cart": {item: count}) every device of the user sees change at once.
  let unsubscribe = null;

  function renderCart(cart, change) {
    const list = $('cart');
    list.replaceChildren(...Object.entries(cart || {}).map(([item, count]) => {
      const row = document.createElement('li');
      row.textContent = item + ' × ' + count;
      return row;
    }));
    $('cart-status').textContent = change ? 'v' + change.version : '';
  }

  /** The cart now, or null: asked through the list first, so a user without one causes no 404. */
  async function currentCart() {
    const documents = await client.data.list();
    return documents.some((document) => document.name === 'cart') ? client.data.get('cart') : null;
  }

  async function showCart() {
    renderCart(await currentCart(), null);
    if (unsubscribe) {
      unsubscribe();
    }
    unsubscribe = client.data.subscribe('cart', renderCart);
  }

  $('cart-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const item = $('cart-item').value.trim();
    // read, add, write back only over the version read: another device's add in between is a 412, then again
    for (let attempt = 0; attempt < 5; attempt++) {
      const cart = (await currentCart()) || {};
      cart[item] = (cart[item] || 0) + 1;
      try {
        renderCart(await client.data.set('cart', cart), null);
        $('cart-item').value = '';
        return;
      } catch (error) {
        if (error.status !== 412) {
          $('cart-status').textContent = error.message;
          return;
        }
      }
    }
  });
  $('cart-clear').addEventListener('click', async () => {
    if (await currentCart()) {
      await client.data.remove('cart').catch(() => {});
    }
    renderCart(null, null);
  });
  $('logout-all').addEventListener('click', async () => { await client.logout(true); showLogin(null); });

  HallpassTexts.ready.then(() => fetch('api/auth/status', { credentials: 'same-origin' }))
    .then((response) => response.json())
    .then((status) => (status.authenticated ? showApp(status.username) : showLogin(null)));
}());
