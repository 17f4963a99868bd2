/*
 * hallpass.js: the browser client of Hallpass. No build step, no dependencies.
 *
 *   const hallpass = Hallpass.create({
 *     onSessionEnded: (notice) => showLogin(notice.message),   // {reason, message}
 *     onSessionExpiring: (warning) => showBanner(warning.message),
 *     onLoginRequired: () => showLogin('Please log in again.'),
 *     tokenOrigins: ['https://api.example.com'],    // default []: the token goes to this page's origin only
 *     shareAcrossTabs: false,                         // default true: see below
 *   });
 *   await hallpass.start();                         // after the cookie login
 *
 *   const cart = await hallpass.data.get('cart');     // shared by all the user's devices, versioned
 *   await hallpass.data.patch('cart', { apple: 2 });  // JSON Merge Patch; set() replaces (If-Match)
 *   hallpass.data.subscribe('cart', (value) => render(value)); // changes made on any other device
 *
 * Unless showNotices is false, the client also shows the server's words itself, in an element the app
 * styles: <div class="hallpass-notice hallpass-expiring|hallpass-ended" role="alert">.
 *   const me = await (await hallpass.fetch('api/auth/me')).json();
 *
 * hallpass.fetch() adds the bearer token only to requests for this page's origin or for one of
 * tokenOrigins (default []; each entry is reduced to its origin, so a path in it does not narrow it). Any
 * other URL is fetched as given, without the token and without the refresh and retry on a 401: a URL
 * that came from a user or a server must not receive the token.
 *
 * The access token lives in this object's memory; the refresh token only in its HttpOnly cookie.
 * Tokens are refreshed ahead of expiry (refreshMarginSeconds) and when the tab becomes visible again.
 * Every caller that needs a refresh at the same moment shares one request, and across the tabs of this
 * browser only one refreshes at a time (Web Locks). With shareAcrossTabs (default true) the others
 * receive its token (BroadcastChannel 'hallpass-tokens'), so the token also travels in messages that
 * every script of this origin, in any tab, can read; a received token is taken only if it looks like one
 * this tab could have got itself. With shareAcrossTabs: false the token never leaves this object: each tab
 * refreshes for itself, one after the other under the lock.
 */
(function (global) {
  'use strict';

  const CHANNEL = 'hallpass-tokens';
  const LOCK = 'hallpass-refresh';
  const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
  const MAX_TOKEN_LENGTH = 8192;
  const CLOCK_TOLERANCE = 5000;              // ms another tab's receivedAt may lie ahead of this one's clock
  const MAX_LIFETIME = 24 * 60 * 60 * 1000;  // no access token lives longer; a longer one is not ours
  const script = global.document && global.document.currentScript;
  const DEFAULT_BASE = script ? script.src.replace(/[^/]*$/, '') : '';

  /** tokenOrigins reduced to origins ('https://API.example.com:443/v1' → 'https://api.example.com'). */
  function originsOf(list) {
    if (list == null) {
      return new Set();
    }
    if (!Array.isArray(list)) {
      throw new TypeError('Hallpass: tokenOrigins must be an array of origins');
    }
    return new Set(list.map((entry) => {
      let origin;
      try {
        origin = new URL(entry).origin;
      } catch (malformed) {
        origin = 'null';
      }
      if (origin === 'null') { // relative, malformed, or a scheme without an origin (data:, file:)
        throw new TypeError('Hallpass: tokenOrigins: not an origin: ' + entry);
      }
      return origin;
    }));
  }

  /**
   * The token in a message from another tab, if it is one this tab could have got itself: JWT-shaped,
   * already received (give or take the clock tolerance), not yet expired, living no longer than a day;
   * otherwise null. Any script of this origin can post on the channel, and a receivedAt far ahead would
   * win every freshness comparison and so pin its token against every later refresh.
   */
  function broadcastToken(data) {
    const now = Date.now();
    const t = data && data.type === 'token' ? data.token : null;
    if (!t || typeof t.value !== 'string' || t.value.length > MAX_TOKEN_LENGTH || !JWT.test(t.value)
        || !Number.isFinite(t.expiresAt) || !Number.isFinite(t.receivedAt)
        || t.receivedAt > now + CLOCK_TOLERANCE
        || t.expiresAt <= now || t.expiresAt > t.receivedAt + MAX_LIFETIME) {
      return null;
    }
    // received no later than now, as far as this tab is concerned: a message cannot claim the future
    return { value: t.value, expiresAt: t.expiresAt, receivedAt: Math.min(t.receivedAt, now) };
  }

  function create(options) {
    const settings = Object.assign({
      baseUrl: DEFAULT_BASE,
      refreshMarginSeconds: 60,
      events: true,
      showNotices: true,
      tokenOrigins: [],
      shareAcrossTabs: true,
      onSessionEnded: () => {},
      onSessionExpiring: () => {},
      onLoginRequired: () => {},
      onTokenRefreshed: () => {},
    }, options || {});
    const url = (path) => new URL(path, settings.baseUrl || global.location.href).toString();
    const margin = settings.refreshMarginSeconds * 1000;
    const tokenOrigins = originsOf(settings.tokenOrigins);
    const channel = settings.shareAcrossTabs && 'BroadcastChannel' in global ? new BroadcastChannel(CHANNEL) : null;

    let token = null;      // {value, expiresAt, receivedAt}: times in ms since the epoch
    let inFlight = null;   // the refresh this tab is doing or waiting for
    let timer = null;
    let stream = null;
    let ended = false;
    const dataListeners = new Set(); // {name, scope, callback}: subscribers of data-updated events

    function adopt(next, broadcast) {
      // a stored receivedAt ahead of the clock would refuse every later token: it counts as now at most
      if (ended || (token && next.receivedAt <= Math.min(token.receivedAt, Date.now()))) {
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
        const next = broadcastToken(message.data);
        if (next) {
          adopt(next, false);
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
          if (waited && channel) {
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
      stream.addEventListener('data-updated', (event) => {
        const change = JSON.parse(event.data);
        dataListeners.forEach((entry) => {
          if (entry.name === change.name && entry.scope === change.scope) {
            entry.callback(change);
          }
        });
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

    /** Where fetch(input) goes: a string resolved as url() does, a Request's or URL's own address. */
    function target(input) {
      if (typeof input === 'string') {
        return url(input);
      }
      if (global.Request && input instanceof global.Request) {
        return input.url;
      }
      return new URL(String(input), global.location.href).toString();
    }

    /** This page's origin or one of tokenOrigins: no opaque origin ('null'), even if this page has one. */
    function mayCarryToken(address) {
      const origin = new URL(address, global.location.href).origin;
      return origin !== 'null' && (origin === global.location.origin || tokenOrigins.has(origin));
    }

    function onVisible() {
      if (global.document.visibilityState === 'visible' && token && token.expiresAt - margin <= Date.now()) {
        refresh().catch(() => {});
      }
    }

    /**
     * The data API: JSON documents of the user ({scope: 'user'}, the default: every session of theirs shares
     * them) or of this session ({scope: 'session'}), with their versions (ETags). set() replaces only the
     * version this tab last saw (If-Match), or creates only (If-None-Match: *) when it saw none; a document
     * changed meanwhile on another device fails with error.status 412: read it again and reapply. patch()
     * applies a JSON Merge Patch to whatever is current. subscribe() calls back with the new value (null when
     * deleted) whenever the document changes on any device, this tab's own writes excepted.
     */
    function dataApi(client) {
      const etags = new Map(); // 'scope/name' → the ETag this tab last saw
      const scopeOf = (options) => (options && options.scope === 'session' ? 'session' : 'user');
      const keyOf = (name, options) => scopeOf(options) + '/' + name;
      const path = (name, options) => url((scopeOf(options) === 'session' ? 'api/sessions/current/data/' : 'api/me/data/')
          + encodeURIComponent(name));

      async function failure(response) {
        let detail = response.statusText;
        try {
          detail = (await response.json()).detail || detail;
        } catch (notJson) {
          // keep the status text
        }
        const error = new Error('Hallpass data: ' + response.status + ' ' + detail);
        error.status = response.status;
        return error;
      }

      async function write(method, name, options, body, headers) {
        const response = await client.fetch(path(name, options), { method: method, headers: headers, body: body });
        if (!response.ok) {
          throw await failure(response);
        }
        etags.set(keyOf(name, options), response.headers.get('ETag'));
        return response.status === 204 ? null : response.json();
      }

      const api = {
        /** The document's value, or null if there is none. */
        async get(name, options) {
          const response = await client.fetch(path(name, options), { headers: { Accept: 'application/json' } });
          if (response.status === 404) {
            etags.delete(keyOf(name, options));
            return null;
          }
          if (!response.ok) {
            throw await failure(response);
          }
          etags.set(keyOf(name, options), response.headers.get('ETag'));
          return response.json();
        },

        /** The documents there are: [{name, version, etag, updatedAt, updatedBy}], by name (asks without a 404). */
        async list(options) {
          const response = await client.fetch(url(scopeOf(options) === 'session' ? 'api/sessions/current/data' : 'api/me/data'),
              { headers: { Accept: 'application/json' } });
          if (!response.ok) {
            throw await failure(response);
          }
          const documents = (await response.json()).documents;
          const present = new Set(documents.map((document) => keyOf(document.name, options)));
          Array.from(etags.keys()).filter((key) => key.startsWith(scopeOf(options) + '/') && !present.has(key))
            .forEach((gone) => etags.delete(gone)); // deleted elsewhere: a set() creates it again
          return documents;
        },

        /** The ETag this tab last saw of the document ('"7"'), or undefined. */
        etag(name, options) {
          return etags.get(keyOf(name, options));
        },

        /** Replaces the version this tab last saw (or options.etag); creates it if this tab saw none. */
        set(name, value, options) {
          const etag = options && 'etag' in options ? options.etag : etags.get(keyOf(name, options));
          const headers = { 'Content-Type': 'application/json' };
          headers[etag ? 'If-Match' : 'If-None-Match'] = etag || '*';
          return write('PUT', name, options, JSON.stringify(value), headers);
        },

        /** Applies a JSON Merge Patch (RFC 7396) to the current version (only to options.etag if given). */
        patch(name, mergePatch, options) {
          const headers = { 'Content-Type': 'application/merge-patch+json' };
          if (options && options.etag) {
            headers['If-Match'] = options.etag;
          }
          return write('PATCH', name, options, JSON.stringify(mergePatch), headers);
        },

        async remove(name, options) {
          const headers = options && options.etag ? { 'If-Match': options.etag } : {};
          await write('DELETE', name, options, undefined, headers);
          etags.delete(keyOf(name, options));
        },

        /**
         * Calls callback(value, change) whenever the document changes on another device or tab (change:
         * {scope, name, version, etag, session, deleted}). Returns a function that unsubscribes.
         */
        subscribe(name, callback, options) {
          const entry = {
            name: name,
            scope: scopeOf(options),
            callback: (change) => {
              if (change.etag === etags.get(keyOf(name, options))) {
                return; // this tab's own write, or a version it already has
              }
              (change.deleted ? Promise.resolve(null) : api.get(name, options))
                .then((value) => callback(value, change), () => {});
            },
          };
          dataListeners.add(entry);
          return () => dataListeners.delete(entry);
        },
      };
      return api;
    }

    const client = {
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
       * fetch() with the bearer token, for this page's origin and tokenOrigins. A 401 is retried once
       * after a refresh (unless another call refreshed meanwhile, then with that token); if the refresh
       * fails, onLoginRequired is called and the answer is a 401. It never throws for an ended session.
       * Any other URL is the plain fetch(): no token, no refresh, no retry.
       */
      async fetch(input, init) {
        const address = target(input); // a string url() cannot resolve rejects here, as it always did
        const resource = typeof input === 'string' ? address : input;
        if (!mayCarryToken(address)) {
          return global.fetch(resource, init);
        }
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
          return global.fetch(resource, request);
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

      /** Forgets the token and stops listening; tokens other tabs announce are ignored until start() again. */
      stop() {
        ended = true;
        forget();
        global.document.removeEventListener('visibilitychange', onVisible);
      },
    };
    client.data = dataApi(client);
    return client;
  }

  global.Hallpass = { create: create };
}(window));
