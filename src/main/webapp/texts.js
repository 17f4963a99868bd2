// The sentences of the static pages in the reader's language. GET api/texts answers the browser bundle in
// the language the browser's Accept-Language chooses; an element with data-text="key" then shows that
// sentence (the page's own English stays until then, and if the request fails), <html lang> says which.
// Scripts wait for HallpassTexts.ready and take sentences with HallpassTexts.t(key, ...values).
(function (global) {
  'use strict';
  let texts = {};

  function t(key, ...values) {
    const text = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
    return text.replace(/\{(\d+)\}/g, (placeholder, i) => (i < values.length ? String(values[i]) : placeholder));
  }

  function apply(root) {
    root.querySelectorAll('[data-text]').forEach((element) => {
      if (Object.prototype.hasOwnProperty.call(texts, element.dataset.text)) {
        element.textContent = texts[element.dataset.text];
      }
    });
  }

  const ready = fetch('api/texts', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((bundle) => {
      if (bundle) {
        texts = bundle.texts;
        document.documentElement.lang = bundle.language;
        apply(document);
      }
    })
    .catch(() => {});

  global.HallpassTexts = { ready: ready, t: t, apply: apply };
}(window));
