/*
 * hallpass.js: the browser client of Hallpass. No build step, no dependencies.
 *
 *   const hallpass = Hallpass.create({
 *     onSessionEnded: (notice) => showLogin(notice.message),   // {reason, message}
 *     onSessionExpiring: (warning) => showBanner(warning.message),
 *     onLoginRequired: () => showLogin('Please log in again.'),
 *   });
 *   await hallpass.start();                         // after the cookie login
 *
 * Unless showNotices is false, the client also shows the server's words itself, in an element the app
 * styles: <div class="hallpass-notice hallpass-expiring|hallpass-ended" role="alert">.
 *   const me = await (await hallpass.fetch('api/auth/me')).json();
 *
 * The access token lives only in this object's memory; the refresh token only in its HttpOnly cookie.
 * Tokens are refreshed ahead of expiry (refreshMarginSeconds) and when the tab becomes visible again.
 * Every caller that needs a refresh at the same moment shares one request, and across the tabs of this
 * browser only one refreshes (Web Locks) while the others receive its token (BroadcastChannel).
 */
(function (global) {
  'use strict';

  const CHANNEL = 'hallpass-tokens';
  const LOCK = 'hallpass-refresh';
  const script = global.document && global.document.currentScript;
  const DEFAULT_BASE = script ? script.src.replace(/[^/]*$/, '') : '';

  function create(options) {
    const settings = Object.assign({
      baseUrl: DEFAULT_BASE,
      refreshMarginSeconds: 60,
      events: true,
      showNotices: true,
      onSessionEnded: () => {},
      onSessionExpiring: () => {},
      onLoginRequired: () => {},
      onTokenRefreshed: () => {},
    }, options || {});
    const url = (path) => new URL(path, settings.baseUrl || global.location.href).toString();
    const margin = settings.refreshMarginSeconds * 1000;
    const channel = 'BroadcastChannel' in global ? new BroadcastChannel(CHANNEL) : null;

    let token = null;      // {value, expiresAt, receivedAt}: times in ms since the epoch
    let inFlight = null;   // the refresh this tab is doing or waiting for
    let timer = null;
    let stream = null;
    let ended = false;

    function adopt(next, broadcast) {
      if (ended || (token && next.receivedAt <= token.receivedAt)) {
        return;
      }
      token = next;
      schedule();
      settings.onTokenRefreshed({ expiresAt: new Date(token.expiresAt) });
      if (broadcast && channel) {
        channel.postMessage({ type: 'token', token: next });
      }
    }

    if (channel) {
      channel.onmessage = (message) => {
        if (message.data && message.data.type === 'token') {
          adopt(message.data.token, false);
        }
      };
    }

    function schedule() {
      clearTimeout(timer);
      if (token) {
        timer = setTimeout(() => refresh().catch(() => {}), Math.max(0, token.expiresAt - margin - Date.now()));
      }
    }

    async function tokenFrom(response) {
      const body = await response.json();
      const receivedAt = Date.now();
      return { value: body.access_token, expiresAt: receivedAt + body.expires_in * 1000, receivedAt: receivedAt };
    }

    /**
     * Runs work(waited) holding the cross-tab refresh lock; waited tells whether another tab held it
     * first (and so has probably just refreshed).
     */
    function withLock(work) {
      const locks = global.navigator && global.navigator.locks;
      if (!locks) {
        return work(false);
      }
      return locks.request(LOCK, { ifAvailable: true }, (lock) => (lock ? work(false) : locks.request(LOCK, () => work(true))));
    }

    /** Resolves once a token received at or after `since` is here (its broadcast may still be on the way), or after `ms`. */
    function tokenSince(since, ms) {
      return new Promise((resolve) => {
        const started = Date.now();
        (function poll() {
          if ((token && token.receivedAt >= since) || Date.now() - started >= ms) {
            resolve();
          } else {
            setTimeout(poll, 10);
          }
        }());
      });
    }

    /** One refresh for every caller of this tab at this moment, and one for all tabs (the lock). */
    function refresh() {
      if (!inFlight) {
        const askedAt = Date.now();
        inFlight = withLock(async (waited) => {
          if (waited) {
            await tokenSince(askedAt, 250); // the tab that held the lock broadcasts what it got
          }
          if (token && token.receivedAt >= askedAt) {
            return token; // another tab refreshed while this one waited for the lock
          }
          const response = await global.fetch(url('api/auth/refresh'), {
            method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' },
          });
          if (!response.ok) {
            loginRequired();
            throw new Error('Hallpass: the refresh was refused (' + response.status + ')');
          }
          const next = await tokenFrom(response);
          adopt(next, true);
          return next;
        }).finally(() => { inFlight = null; });
      }
      return inFlight;
    }

    function loginRequired() {
      forget();
      settings.onLoginRequired();
    }

    function forget() {
      token = null;
      clearTimeout(timer);
      if (stream) {
        stream.close();
        stream = null;
      }
    }

    /** A token good for at least the margin: the current one, or a fresh one. */
    async function current() {
      if (token && token.expiresAt - margin > Date.now()) {
        return token;
      }
      return refresh();
    }

    /**
     * With showNotices, the client shows what the server says in one element the app can style:
     * <div class="hallpass-notice hallpass-expiring|hallpass-ended" role="alert">…</div>.
     */
    function notice(kind, message) {
      if (!settings.showNotices || !global.document.body) {
        return;
      }
      let element = global.document.querySelector('.hallpass-notice');
      if (!message) {
        if (element) {
          element.remove();
        }
        return;
      }
      if (!element) {
        element = global.document.createElement('div');
        element.setAttribute('role', 'alert');
        global.document.body.prepend(element);
      }
      element.className = 'hallpass-notice hallpass-' + kind;
      element.textContent = message;
    }

    function listen() {
      if (!settings.events || !('EventSource' in global) || stream) {
        return;
      }
      stream = new EventSource(url('api/events'), { withCredentials: true });
      stream.addEventListener('session-ended', (event) => {
        const ending = JSON.parse(event.data);
        ended = true;
        forget();
        notice('ended', ending.message);
        settings.onSessionEnded(ending);
      });
      stream.addEventListener('session-expiring', (event) => {
        const warning = JSON.parse(event.data);
        notice('expiring', warning.message);
        settings.onSessionExpiring(warning);
      });
      stream.onerror = () => {
        // the browser reconnects by itself; a closed stream (401: no session) is not retried by it
        if (stream && stream.readyState === EventSource.CLOSED) {
          stream = null;
        }
      };
    }

    function onVisible() {
      if (global.document.visibilityState === 'visible' && token && token.expiresAt - margin <= Date.now()) {
        refresh().catch(() => {});
      }
    }

    return {
      /** After the cookie login: the first access token (and the refresh cookie), and the event stream. */
      async start() {
        ended = false;
        notice(null, null);
        const response = await global.fetch(url('api/auth/token'), {
          method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' },
        });
        if (!response.ok) {
          loginRequired();
          throw new Error('Hallpass: no session to get a token for (' + response.status + ')');
        }
        adopt(await tokenFrom(response), true);
        listen();
        global.document.addEventListener('visibilitychange', onVisible);
        return token;
      },

      /**
       * fetch() with the bearer token. A 401 is retried once after a refresh (unless another call
       * refreshed meanwhile, then with that token); if the refresh fails, onLoginRequired is called and
       * the answer is a 401. It never throws for an ended session.
       */
      async fetch(input, init) {
        let used;
        try {
          used = await current();
        } catch (refused) {
          return new Response(null, { status: 401, statusText: 'Login required' }); // onLoginRequired was called
        }
        const send = (t) => {
          const request = Object.assign({}, init);
          request.headers = new Headers(request.headers || {});
          request.headers.set('Authorization', 'Bearer ' + t.value);
          return global.fetch(typeof input === 'string' ? url(input) : input, request);
        };
        const response = await send(used);
        if (response.status !== 401) {
          return response;
        }
        let next = token && token !== used ? token : null;
        if (!next) {
          try {
            next = await refresh();
          } catch (refused) {
            return response; // onLoginRequired has been called
          }
        }
        return send(next);
      },

      refresh: refresh,

      /** The current access token's expiry, or null. */
      expiresAt() {
        return token ? new Date(token.expiresAt) : null;
      },

      /** Ends this session (and its tokens) on the server, then forgets everything here. */
      async logout(everywhere) {
        await global.fetch(url(everywhere ? 'api/auth/logout-all' : 'api/auth/logout'), {
          method: 'POST', credentials: 'same-origin',
        });
        ended = true;
        forget();
      },

      stop() {
        forget();
        global.document.removeEventListener('visibilitychange', onVisible);
      },
    };
  }

  global.Hallpass = { create: create };
}(window));
