/* Consent Platform banner. Plain JavaScript, no dependency; talks to the API it came from only. */
(function (w, d) {
  'use strict';
  if (w.ConsentPlatform) return;
  var me = d.currentScript;
  var src = new URL(me.src);
  var siteKey = decodeURIComponent(src.pathname.split('/')[3]);
  var base = src.origin + '/v1/sites/' + encodeURIComponent(siteKey);
  var COOKIE = 'cookies_preferences';
  // The mark of the cookie this script last wrote here (a decision it made, or a receipt it got or
  // checked): only such a cookie is this visitor's without asking the API. Named as the cookie, so
  // that scanners (the platform's own among them) know it as the platform's, strictly necessary.
  var MINE = COOKIE;
  // Kept in the browser: where the visitor is, for the session (REGION); a dismissed notice (NOTICE).
  // Named after the cookie too, for scanners to know them as the platform's.
  var REGION = COOKIE + '_region', NOTICE = COOKIE + '_notice';
  var gpc = navigator.globalPrivacyControl === true;
  var config, state = readCookie(), listeners = [], root, opener, dns, applied, skin;

  function gtag() {
    if (typeof w.gtag === 'function') w.gtag.apply(w, arguments);
  }
  // Google Consent Mode v2: everything denied until the visitor decides.
  gtag('consent', 'default', {
    analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied',
    ad_personalization: 'denied', functionality_storage: 'denied',
    personalization_storage: 'denied', wait_for_update: 500
  });

  // Tells the vendors the site chose (config.signals) what the visitor chose; choices null: no
  // decision yet, everything denied. Google's default above goes out before any configuration.
  // Each call as its vendor documents it (docs/integrations.md), only where its script is:
  // never a stub of ours (Meta's and TikTok's loaders do nothing if one exists), except UET's queue,
  // which Microsoft documents creating for the default.
  function signals(choices) {
    var on = config.signals, ads = choices ? byPurpose(choices, 'MARKETING') : 'denied',
      stats = choices ? byPurpose(choices, 'STATISTICS') : 'denied', yes = ads === 'granted', t = w.ttq,
      a = choices ? yes ? 'grantConsent' : 'revokeConsent' : 'holdConsent', b, r;
    function has(v) { return on.indexOf(v) >= 0; }
    if (choices && has('google')) gtag('consent', 'update', {
      analytics_storage: stats, ad_storage: ads, ad_user_data: ads,
      ad_personalization: ads, functionality_storage: byPurpose(choices, 'PREFERENCES'),
      personalization_storage: byPurpose(choices, 'PREFERENCES')
    });
    if (has('uet')) (w.uetq = w.uetq || []).push('consent', choices ? 'update' : 'default', { ad_storage: ads });
    // Clarity's v2 call has no default mode, and without any call Clarity keeps no cookie: a visitor
    // with a stored decision gets that decision's call only, not a denial just before it.
    if (has('clarity') && (choices || !state) && typeof w.clarity === 'function') {
      w.clarity('consentv2', { ad_Storage: ads, analytics_Storage: stats });
    }
    if (has('meta') && typeof w.fbq === 'function') w.fbq('consent', yes ? 'grant' : 'revoke');
    if (has('tiktok') && t && t[a]) t[a]();
    // Amazon's library starts denied by itself; booleans, as it refuses anything else; the country
    // of the visitor's region (US-CA: US) where known, else Amazon's own conservative rules.
    if (has('amazon') && choices && typeof w.amznConsent === 'function') {
      b = w.amznConsent();
      try { r = sessionStorage.getItem(REGION); } catch (e) { /* the country is left out */ }
      if (/^[A-Z]{2}/.test(r)) b.setCountryCode(r.slice(0, 2));
      b.setEnableAdStorage(yes).setEnableUserData(yes).build();
    }
  }

  function readCookie() {
    var parts = d.cookie ? d.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].indexOf(COOKIE + '=') === 0) {
        try {
          var v = JSON.parse(decodeURIComponent(parts[i].slice(COOKIE.length + 1)));
          if (v && v.c && typeof v.c === 'object') return v;
        } catch (e) { /* an unreadable cookie counts as no decision */ }
      }
    }
    return null;
  }

  // A refusal of every optional category is kept the site's refusal interval (not asked again
  // before it ends), any other decision its consent lifetime.
  function lifetime(c) {
    var optional = config.categories.filter(function (x) { return !x.required; });
    return optional.length && optional.every(function (x) { return !c[x.key]; })
      ? config.refusalLifetimeDays : config.consentLifetimeDays;
  }

  function writeCookie(s) {
    // On the site's cookie domain where this page is under it: one decision for every subdomain.
    var c = config.cookieDomain, h = location.hostname;
    if (!c || h !== c && h.slice(-c.length - 1) !== '.' + c) c = '';
    // A cookie of this host alone, from before the cookie domain, would shadow the shared one.
    else d.cookie = COOKIE + '=; path=/; max-age=0';
    d.cookie = COOKIE + '=' + encodeURIComponent(JSON.stringify(s)) + '; path=/; max-age=' +
      lifetime(s.c) * 86400 + '; SameSite=Lax' + (c ? '; domain=' + c : '') +
      (location.protocol === 'https:' ? '; Secure' : '');
    try { localStorage.setItem(MINE, JSON.stringify(s)); } catch (e) { /* storage off: checked each page */ }
  }

  function marked(s) {
    try { return localStorage.getItem(MINE) === JSON.stringify(s); } catch (e) { return false; }
  }

  // A cookie this script did not write here (another subdomain's banner, a cleared storage, or one
  // planted by a sibling subdomain or the network) is a decision only if its receipt exists and says
  // the same; a cookie without a receipt is no decision. Then it is marked: one request, once.
  function check(s, done) {
    if (!s.i) return done();
    fetch(base + '/consents/' + encodeURIComponent(s.i), { credentials: 'omit' })
      .then(function (r) { return r.ok && r.json(); })
      .then(function (r) {
        return r && r.visitorId === s.v && r.policyVersion.number === s.p && same(r.choices, s.c) && r;
      })['catch'](function () {
        // Unanswered (offline, rate-limited): a cookie nobody can vouch for runs no tracker, so the
        // visitor is asked again; their answer is then marked, so it is not asked twice.
      })
      .then(function (r) {
        if (state) return; // the visitor answered meanwhile (the settings link)
        if (r) {
          s.t = Date.parse(r.recordedAt) || 0; // its age is the receipt's, not what the cookie claims
          writeCookie(state = s);
        }
        done();
      });
  }

  function same(a, b) {
    var k = Object.keys(a);
    return k.length === Object.keys(b).length && k.every(function (x) { return a[x] === b[x]; });
  }

  function stillValid(s) {
    if (!s || !(s.p >= config.consentRevision)) return false; // a text-only version does not ask again
    if (Date.now() - s.t > lifetime(s.c) * 864e5) return false;
    return config.categories.every(function (c) { return typeof s.c[c.key] === 'boolean'; });
  }

  // What a page writes for the banner to hold back until its category is accepted.
  var BLOCKED = 'script[type="text/plain"][data-category],iframe[data-category][data-src]';

  // Scripts and frames of a category run only once it is accepted, and only once.
  function activate(choices) {
    var blocked = d.querySelectorAll(BLOCKED);
    for (var i = 0; i < blocked.length; i++) {
      var el = blocked[i];
      if (!choices[el.getAttribute('data-category')] || el.hasAttribute('data-consent-active')) continue;
      el.setAttribute('data-consent-active', '');
      if (el.tagName === 'IFRAME') {
        el.src = el.getAttribute('data-src');
        continue;
      }
      var s = d.createElement('script');
      for (var j = 0; j < el.attributes.length; j++) {
        var a = el.attributes[j];
        if (a.name !== 'type' && a.name !== 'data-category') s.setAttribute(a.name, a.value);
      }
      if (el.hasAttribute('data-type')) s.type = el.getAttribute('data-type');
      if (!el.src) s.text = el.text;
      el.parentNode.replaceChild(s, el);
    }
  }

  // Blocked frames of a category not allowed yet stand as placeholders (config.categories' cookies
  // say what they would set), each with a one-time load and an "always allow" decision.
  function embeds(choices) {
    var f = d.querySelectorAll('iframe[data-category][data-src]');
    for (var i = 0; i < f.length; i++) placeholder(f[i], choices[f[i].getAttribute('data-category')]);
  }

  // The frame's placeholder, made once (embeds() runs again on every change) and gone once allowed.
  function placeholder(frame, allowed) {
    var p = frame.cpHolder, key = frame.getAttribute('data-category');
    if (!allowed && frame.hasAttribute('data-consent-active') && !frame.cpOnce) {
      // Withdrawn: the frame the category ran stops, and its placeholder is back.
      frame.removeAttribute('data-consent-active');
      frame.src = 'about:blank';
    }
    if (allowed || frame.hasAttribute('data-consent-active')) {
      if (p) {
        p.parentNode.removeChild(p);
        frame.style.display = '';
        frame.cpHolder = null;
      }
      return;
    }
    var c = config.categories.filter(function (x) { return x.key === key; })[0];
    if (p || !c) return;
    var t = config.texts, host = el('a', { href: frame.getAttribute('data-src') }).hostname;
    // The provider: the page names it (data-service), else the first of the category's providers
    // whose name's first word is part of the frame's host ("YouTube" on www.youtube-nocookie.com).
    var service = frame.getAttribute('data-service') || (c.cookies.filter(function (k) {
      return host.indexOf(k.service.toLowerCase().split(' ')[0]) >= 0;
    })[0] || {}).service || host;
    var names = c.cookies.filter(function (k) { return k.service === service; })
      .map(function (k) { return k.name; });
    var named = function (x) { return x.replace('{category}', c.name); };
    p = el('div', { 'class': skinned('cp-embed'), role: 'region', 'aria-label': service, lang: config.language });
    p.appendChild(el('p')).appendChild(el('strong', {}, service));
    p.appendChild(el('p', {}, named(t.embedMessage)));
    if (names.length) p.appendChild(el('p', { 'class': 'cp-cookies' }, names.join(', ')));
    var row = p.appendChild(el('div', { 'class': 'cp-actions' }));
    // This frame, this time: nothing is recorded, the next page shows the placeholder again.
    row.appendChild(el('button', { type: 'button' }, t.embedLoad)).onclick = function () {
      frame.setAttribute('data-consent-active', '');
      frame.cpOnce = 1;
      frame.src = frame.getAttribute('data-src');
      placeholder(frame, true);
      frame.focus();
    };
    // A decision, as the settings layer would record it with this category switched on.
    row.appendChild(el('button', { type: 'button' }, named(t.embedAllow))).onclick = function () {
      var given = {}, now = state ? state.c : defaults();
      config.categories.forEach(function (x) { given[x.key] = x.required || x.key === key || !!now[x.key]; });
      decide('custom', 'settings', given);
      frame.focus(); // its placeholder, where the focus was, is gone
    };
    // At the frame's size as laid out (its width and height attributes, or the page's CSS).
    if (frame.offsetWidth) p.style.width = frame.offsetWidth + 'px';
    if (frame.offsetHeight) p.style.height = frame.offsetHeight + 'px';
    frame.style.display = 'none';
    frame.cpHolder = p;
    frame.parentNode.insertBefore(p, frame);
  }

  function byPurpose(choices, purpose) {
    return config.categories.some(function (c) {
      return c.purpose === purpose && choices[c.key];
    }) ? 'granted' : 'denied';
  }

  // A refused category's declared cookies and storage keys (config.categories[].erase) go; the
  // platform's own stay. document.cookie shows neither a cookie's domain nor its path, so each name
  // is expired wherever it can be from this page: on the host alone, on the host and each parent
  // domain (the browser ignores a public suffix), at each prefix of the path. A declared domain
  // adds none: a page can only reach cookies of its host and its parents, all of them tried here.
  function erase(choices) {
    var names = d.cookie.split('; ').map(function (c) { return c.split('=')[0]; });
    var h = location.hostname, p = location.pathname, paths = [p], domains = [''];
    // The host alone (''), then the host and each parent but the top-level domain.
    for (; h.indexOf('.') > 0; h = h.slice(h.indexOf('.') + 1)) domains.push('; domain=' + h);
    for (var i = 0; i < p.length; i++) if (p[i] === '/') paths.push(p.slice(0, i) || '/', p.slice(0, i + 1));
    config.categories.forEach(function (c) {
      if (!choices[c.key]) c.erase.forEach(function (x) {
        var s = x.storage, found = names; // storage: LOCAL_STORAGE or SESSION_STORAGE; none, a cookie
        try {
          if (s) found = Object.keys(s = s === 'LOCAL_STORAGE' ? localStorage : sessionStorage);
        } catch (e) { return; } // storage off: nothing kept there
        found.forEach(function (n) {
          if (!n.indexOf(COOKIE) || (x.wildcard ? n.indexOf(x.name) : n !== x.name)) return;
          if (s) s.removeItem(n);
          else domains.forEach(function (dom) {
            paths.forEach(function (path) {
              d.cookie = n + '=; max-age=0; path=' + path + dom + (location.protocol === 'https:' ? '; Secure' : '');
            });
          });
        });
      });
    });
  }

  // Tells the page's own code: onChange listeners, then a consentplatform:change event on document
  // (it bubbles to window), its detail what getConsent() says.
  function announce() {
    for (var i = 0; i < listeners.length; i++) {
      try { listeners[i](platform.getConsent()); } catch (e) { setTimeout(function () { throw e; }); }
    }
    d.dispatchEvent(new CustomEvent('consentplatform:change', { bubbles: true, detail: platform.getConsent() }));
  }

  // What runs with these choices (a decision, or the defaults where no decision is asked for).
  function apply(choices) {
    applied = choices;
    signals(choices);
    erase(choices);
    activate(choices);
    embeds(choices);
    announce();
  }

  // What runs with no decision. Opt-in: the required only. Elsewhere every category but the
  // sensitive ones, which stay opt-in, and under opt-out minus marketing when GPC says no sale.
  function defaults() {
    var x = config.experience, c = {};
    config.categories.forEach(function (k) {
      c[k.key] = k.required || (x !== 'opt-in' && !k.sensitive &&
        !(x === 'opt-out' && gpc && k.purpose === 'MARKETING'));
    });
    return c;
  }

  function choicesFor(action) {
    var choices = {};
    config.categories.forEach(function (c) {
      var box = root && root.querySelector('input[name="' + c.key + '"]');
      choices[c.key] = c.required || (action === 'accept_all' && !(gpc && c.purpose === 'MARKETING')) ||
        (action === 'custom' && !!box && box.checked);
    });
    return choices;
  }

  function decide(action, method, given) {
    if (preview) return;
    var choices = given || choicesFor(action);
    if (action === 'accept_all' && gpc) action = 'custom'; // marketing stayed off
    if (action === 'reject_all' && state && config.categories.some(function (c) {
      return !c.required && state.c[c.key];
    })) action = 'withdraw';
    state = { v: state && state.v, k: state && state.k, p: config.version, t: Date.now(), c: choices,
      a: action, m: method };
    writeCookie(state);
    close();
    apply(choices);
    send();
  }

  // The decision is applied at once; its proof is recorded by the API, or retried on a later page.
  function send() {
    var body = { policyVersion: state.p, action: state.a, choices: state.c,
      lang: config.language, method: state.m, gpc: gpc };
    if (state.v) {
      body.visitorId = state.v;
      body.visitorToken = state.k;
    }
    fetch(base + '/consents', {
      method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (r) {
      if (r.ok) return r.json();
      // A token the API refuses (a cookie from before tokens, or planted): this visitor starts anew.
      if (r.status === 403 && body.visitorId) return r.json().then(function (p) {
        if (p.errors && p.errors[0].field === 'visitorToken') {
          delete state.v;
          delete state.k;
          send();
        }
      });
    }).then(function (receipt) {
      if (!receipt) return;
      state.i = receipt.consentId;
      state.v = receipt.visitorId;
      state.k = receipt.visitorToken;
      state.t = Date.parse(receipt.recordedAt) || state.t;
      writeCookie(state);
    }, function () { /* kept locally without a receipt: sent again on the next page */ });
  }

  function el(tag, attrs, text) {
    var e = d.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }

  function buttons(box) {
    var t = config.texts;
    var row = el('div', { 'class': 'cp-actions' });
    [['accept_all', t.acceptAll], ['reject_all', t.rejectAll]].forEach(function (b) {
      var btn = el('button', { type: 'button', 'data-action': b[0] }, b[1]);
      btn.onclick = function () { decide(b[0], box ? 'settings' : 'banner'); };
      row.appendChild(btn);
    });
    var third = box
      ? el('button', { type: 'button', 'data-action': 'custom' }, t.save)
      : el('button', { type: 'button', 'data-action': 'customize' }, t.customize);
    third.onclick = box ? function () { decide('custom', 'settings'); } : function () { render(true); };
    row.appendChild(third);
    return row;
  }

  function render(settings) {
    var t = config.texts;
    if (!root) {
      opener = d.activeElement;
      root = el('div', { 'class': skinned('cp-banner cp-' + ((config.theme || {}).layout || 'box').toLowerCase()), role: 'dialog', 'aria-modal': 'true',
        'aria-labelledby': 'cp-title', 'aria-describedby': 'cp-text', tabindex: '-1', lang: config.language });
      root.addEventListener('keydown', keys);
      d.body.appendChild(root);
    }
    root.textContent = '';
    root.appendChild(el('h2', { id: 'cp-title' }, settings ? t.settingsTitle : t.bannerTitle));
    root.appendChild(el('p', { id: 'cp-text' }, t.bannerMessage));
    if (gpc) root.appendChild(el('p', { 'class': 'cp-gpc' }, t.gpcNotice));
    if (settings) {
      var list = el('ul', { 'class': 'cp-categories' });
      config.categories.forEach(function (c) {
        var item = el('li');
        var label = el('label');
        var box = el('input', { type: 'checkbox', role: 'switch', name: c.key });
        box.checked = !!(state ? state.c : defaults())[c.key];
        box.disabled = c.required;
        label.appendChild(box);
        label.appendChild(d.createTextNode(' ' + c.name + (c.required ? ' (' + t.alwaysOn + ')' : '')));
        item.appendChild(label);
        item.appendChild(el('p', {}, c.description));
        if (c.cookies.length) {
          item.appendChild(el('p', { 'class': 'cp-cookies' }, c.cookies.map(function (k) {
            return k.name + ' (' + k.service + ')';
          }).join(', ')));
        }
        list.appendChild(item);
      });
      root.appendChild(list);
    }
    root.appendChild(buttons(settings));
    var link = el('a', { href: src.origin + config.policyPath, target: '_blank', rel: 'noopener' }, t.policyLink);
    root.appendChild(el('p', { 'class': 'cp-policy' })).appendChild(link);
    if (!preview) root.focus(); // a preview must not take the focus from the editor beside it
  }

  function keys(e) {
    if (e.key === 'Escape') {
      e.preventDefault();
      close(); // closing is not consent: the banner comes back on the next page
    } else if (e.key === 'Tab') {
      var f = root.querySelectorAll('button,input:not([disabled]),a[href]');
      var first = f[0], last = f[f.length - 1];
      if (e.shiftKey && (d.activeElement === first || d.activeElement === root)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && d.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  }

  function close() {
    if (!root) return;
    root.parentNode.removeChild(root);
    root = null;
    if (opener && opener.focus) opener.focus();
  }

  // Opt-out: no banner, a link to the choices ("Do Not Sell or Share"). The page's own
  // [data-consent-do-not-sell] elements are the link where it has any; else a small fixed one.
  function doNotSell() {
    var t = config.texts.doNotSell, own = d.querySelectorAll('[data-consent-do-not-sell]');
    for (var i = 0; i < own.length; i++) if (!own[i].textContent.trim()) own[i].textContent = t;
    if (own.length || dns) return;
    dns = el('a', { 'class': skinned('cp-dns'), href: '#', 'data-consent-do-not-sell': '', lang: config.language }, t);
    d.body.appendChild(dns);
  }

  // Notice: what the site does, its policy, an OK; dismissing it is kept in this browser only.
  function notice() {
    var t = config.texts, k = siteKey + '/' + config.version;
    try { if (localStorage.getItem(NOTICE) === k) return; } catch (e) { /* shown again */ }
    root = el('div', { 'class': skinned('cp-banner cp-notice'), role: 'region', 'aria-label': t.bannerTitle, lang: config.language });
    root.appendChild(el('p', {}, t.noticeMessage));
    var p = root.appendChild(el('p', { 'class': 'cp-policy' }));
    p.appendChild(el('a', { href: src.origin + config.policyPath, target: '_blank', rel: 'noopener' }, t.policyLink));
    var ok = el('button', { type: 'button', 'data-action': 'dismiss' }, t.dismiss);
    ok.onclick = function () {
      if (!preview) try { localStorage.setItem(NOTICE, k); } catch (e) { /* shown again on the next page */ }
      close();
    };
    root.appendChild(el('div', { 'class': 'cp-actions' })).appendChild(ok);
    d.body.appendChild(root);
  }

  // What a visitor without a (valid) decision sees and what runs for them.
  function first() {
    var x = config.experience;
    if (x === 'opt-in' || !x) {
      render(false);
      embeds(defaults());
      if (!preview && navigator.sendBeacon) navigator.sendBeacon(base + '/impressions');
      return;
    }
    if (x === 'notice') notice();
    if (preview) return;
    // GPC where the visitor may opt out is their opt-out: recorded once, as the signal's.
    if (x === 'opt-out' && gpc) decide('custom', 'signal', defaults());
    else apply(defaults());
  }

  // Blocked elements a page adds after load (single-page applications) run or become placeholders
  // as the applied choices say; before any decision under opt-in, nothing runs. The observer hands
  // over all the changes of a task at once, so a framework rendering a list costs one pass, and only
  // when blocked elements stand where nodes were added; the changes of that pass itself are dropped
  // (takeRecords), as they need no second look.
  function observe() {
    var mo = new MutationObserver(function (records) {
      if (!records.some(function (r) {
        return r.addedNodes.length && r.target.querySelector(BLOCKED);
      })) return;
      if (applied) activate(applied);
      embeds(applied || defaults());
      mo.takeRecords();
    });
    mo.observe(d.documentElement, { childList: true, subtree: true });
  }

  var platform = {
    // Where categories run without a decision (opt-out, notice, none), what runs is said too, with
    // no consent id nor date: integrations must not wait for a decision that may never come.
    getConsent: function () {
      if (!config) return null;
      if (state && stillValid(state)) {
        return { consentId: state.i || null, visitorId: state.v || null, version: state.p,
          choices: JSON.parse(JSON.stringify(state.c)), decidedAt: new Date(state.t).toISOString() };
      }
      return config.experience && config.experience !== 'opt-in'
        ? { consentId: null, visitorId: null, version: config.version, choices: defaults(),
            decidedAt: null, experience: config.experience }
        : null;
    },
    onChange: function (callback) { listeners.push(callback); },
    // Whether the category's scripts run now: decided, or by default where no decision is asked for.
    isGranted: function (category) { return !!(applied && applied[category]); },
    show: function () { if (config) render(true); }
  };
  w.ConsentPlatform = platform;

  d.addEventListener('click', function (e) {
    var t = e.target.closest && e.target.closest('[data-consent-open],[data-consent-do-not-sell]');
    if (t) {
      e.preventDefault();
      platform.show();
    }
  });

  // "#cookie-settings" opens the settings: the policy page's way back to change one's choice.
  function settingsAsked() { if (location.hash === '#cookie-settings') platform.show(); }
  w.addEventListener('hashchange', settingsAsked);

  var preview = me.hasAttribute('data-preview');
  if (preview) {
    // The back office's preview of a draft: it hands over the configuration; nothing is stored or sent.
    platform.preview = function (c, settings) {
      config = c;
      state = null;
      close();
      if (dns) dns.parentNode.removeChild(dns);
      dns = null;
      if (settings) render(true); else first();
      if (c.experience === 'opt-out') doNotSell();
    };
  } else load();
  injectStyle();

  // The visitor's region, asked once per session: the configuration's URL names it, so that
  // caches share one answer per region. Unanswered, the configuration is the request's own.
  function region(done) {
    var r;
    try { r = sessionStorage.getItem(REGION); } catch (e) { /* asked on each page */ }
    if (r) return done(r);
    fetch(src.origin + '/v1/region', { credentials: 'omit' })
      .then(function (x) { if (!x.ok) throw 0; return x.json(); })
      .then(function (x) {
        r = x.region || 'unknown';
        try { sessionStorage.setItem(REGION, r); } catch (e) { /* asked again */ }
        done(r);
      }, function () { done(''); });
  }

  function load() {
    region(fetchConfig);
  }

  function fetchConfig(where) {
    var lang = (d.documentElement.lang || navigator.language || '').slice(0, 2).toLowerCase();
    var q = [];
    if (lang) q.push('lang=' + encodeURIComponent(lang));
    if (where) q.push('region=' + encodeURIComponent(where));
    fetch(base + '/banner' + (q.length ? '?' + q.join('&') : ''), { credentials: 'omit' })
      .then(function (r) { if (!r.ok) throw new Error('banner ' + r.status); return r.json(); })
      .then(function (c) {
        config = c;
        signals(null);
        // The API refuses decisions from a page whose origin the site does not declare: say so once.
        if (c.originDeclared === false && w.console) console.warn('Consent banner: ' + location.origin +
          ' is not a declared domain of site "' + siteKey + '", so decisions made here are refused. Add ' +
          location.host + ' to Domains in the site\'s settings at ' + src.origin + '/admin');
        var decided = function () {
          if (stillValid(state)) {
            apply(state.c);
            if (!state.i && state.a) send();
          } else first();
          if (c.experience === 'opt-out') doNotSell();
          settingsAsked();
          observe();
        };
        // Nothing of a cookie runs, nor shows in getConsent(), until it is known to be the visitor's.
        var ready = function () {
          var s = state;
          if (!s || marked(s)) return decided();
          state = null;
          check(s, decided);
        };
        if (d.body) ready(); else d.addEventListener('DOMContentLoaded', ready);
      })['catch'](function (e) { if (w.console) console.warn('Consent banner unavailable:', e.message); });
  }

  function injectStyle() {
    var s = d.createElement('style');
    s.textContent = '__BANNER_CSS__';
    (d.head || d.documentElement).appendChild(s);
  }

  // An element's classes in the site's look: its theme (config.theme) is written as the CSS custom
  // properties banner.css reads, in a rule of its own after banner.css (same selector, so it wins by
  // coming later); dark mode, where the site follows it, wins over both (":root .cp-dark").
  function skinned(classes) {
    var t = config.theme || {}, v = '', k;
    for (k in t) if (k !== 'layout' && k !== 'dark') v += '--cp-' + k + ':' + t[k] + (k === 'radius' ? 'px;' : ';');
    if (!skin) skin = d.head.appendChild(el('style')); // rendering waits for the body: the head is there
    skin.textContent = '.cp-banner,.cp-embed,.cp-dns{' + v + '}';
    return classes + (t.dark ? ' cp-dark' : '');
  }
})(window, document);
