/* Back office enhancements; every page works without them. No inline code: the CSP forbids it. */
(function (d) {
  'use strict';

  // Banner texts: the framed preview shows what is typed, before it is saved.
  var frame = d.getElementById('banner-preview');
  var form = d.querySelector('form[data-preview]');
  var layer = d.querySelector('[data-preview-layer]');
  if (frame) {
    var timer;
    var send = function () {
      var message = { settings: !!(layer && layer.checked) };
      if (form && form.hasAttribute('data-preview-theme')) {
        message.theme = look(form);
      } else if (form) {
        message.texts = {};
        var fields = form.querySelectorAll('input[name]:not([type=hidden]),textarea[name]');
        for (var i = 0; i < fields.length; i++) {
          message.texts[fields[i].name] = fields[i].value.trim() || fields[i].placeholder;
        }
      }
      frame.contentWindow.postMessage(message, location.origin);
    };
    if (form) {
      form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(send, 120); });
    }
    frame.addEventListener('load', send);
    if (layer) layer.addEventListener('change', send);
  }

  // Banner look: what is typed, as the banner's configuration writes it; half-typed colours and
  // numbers are left out (the platform's stand in) rather than shown broken.
  function look(form) {
    var f = form.elements, colour = /^#[0-9a-fA-F]{6}$/, t = { layout: f.layout.value, dark: f.dark.checked };
    ['background', 'text', 'accent', 'accentText'].forEach(function (k) {
      if (colour.test(f[k].value.trim())) t[k] = f[k].value.trim();
    });
    if (f.font.value.trim() && !/[;{}<>\\()]/.test(f.font.value)) t.font = f.font.value.trim();
    if (/^\d+$/.test(f.radius.value)) t.radius = +f.radius.value;
    return t;
  }

  // Long operations (imports, exports): say that work is under way and keep the button from a
  // second press, which would start it twice.
  var long = d.querySelectorAll('form[data-progress]');
  for (var j = 0; j < long.length; j++) {
    long[j].addEventListener('submit', function (e) {
      var f = e.currentTarget;
      var status = f.querySelector('.progress');
      if (status) status.hidden = false;
      var buttons = f.querySelectorAll('button[type=submit]');
      for (var k = 0; k < buttons.length; k++) buttons[k].disabled = true;
      if (f.hasAttribute('data-download')) {
        // A download leaves the page where it is: give the buttons back once it has started.
        setTimeout(function () {
          for (var k = 0; k < buttons.length; k++) buttons[k].disabled = false;
          if (status) status.hidden = true;
        }, 3000);
      }
    });
  }

  // Copy buttons (embed snippets, a new API key): the text of the element the button names goes to
  // the clipboard; where the browser refuses, the text is selected for the person to copy.
  var copies = d.querySelectorAll('button[data-copy]');
  for (var m = 0; m < copies.length; m++) {
    copies[m].addEventListener('click', function (e) {
      var button = e.currentTarget;
      var source = d.getElementById(button.getAttribute('data-copy'));
      if (!source) return;
      var label = button.getAttribute('data-label') || button.textContent;
      button.setAttribute('data-label', label);
      var said = function (text) {
        button.textContent = text;
        setTimeout(function () { button.textContent = label; }, 2500);
      };
      var select = function () {
        var range = d.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        var done = false;
        try { done = d.execCommand('copy'); } catch (ignored) { /* old browsers: selected only */ }
        said(button.getAttribute(done ? 'data-copied' : 'data-copy-failed'));
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(source.textContent).then(function () {
          said(button.getAttribute('data-copied'));
        }, select);
      } else {
        select();
      }
    });
  }

  // A scan under way: its progress is fetched again every few seconds and replaces itself, so the
  // page keeps its scroll; once the scan has ended, the page is loaded once more to show the
  // report or the failure. Without scripts, the progress carries a link to reload it.
  var poll = function (region) {
    var url = region.getAttribute('data-poll');
    setTimeout(function () {
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(region.id);
          if (!fresh) return;
          region.replaceWith(fresh);
          if (fresh.hasAttribute('data-poll')) {
            poll(fresh);
          } else {
            // The notice that the scan was requested has served: the report comes without it.
            location.replace(location.pathname);
          }
        }, function () { poll(region); });
    }, 2000);
  };
  var polled = d.querySelectorAll('[data-poll]');
  for (var n = 0; n < polled.length; n++) poll(polled[n]);
})(document);
