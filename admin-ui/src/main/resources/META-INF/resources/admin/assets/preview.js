/* The banner preview: fetches the draft's configuration and shows it through the real banner
   script, with any unsaved texts the editor beside it sends (same origin only). */
(function (w, d) {
  'use strict';
  var config, pending = { settings: false };
  var source = d.currentScript.getAttribute('data-config');

  function show() {
    if (!config || !w.ConsentPlatform || !w.ConsentPlatform.preview) return;
    if (pending.texts) {
      for (var k in pending.texts) if (pending.texts[k]) config.texts[k] = pending.texts[k];
    }
    if (pending.theme) config.theme = pending.theme;
    w.ConsentPlatform.preview(config, pending.settings);
  }

  w.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !e.data || typeof e.data !== 'object') return;
    pending = { texts: e.data.texts || pending.texts, theme: e.data.theme || pending.theme,
      settings: !!e.data.settings };
    show();
  });

  fetch(source, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { if (!r.ok) throw new Error('draft ' + r.status); return r.json(); })
    .then(function (c) { config = c; show(); d.body.setAttribute('data-preview-ready', ''); })
    ['catch'](function (e) { d.body.textContent = 'The preview is unavailable: ' + e.message; });
})(window, document);
