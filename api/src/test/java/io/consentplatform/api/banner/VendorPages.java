package io.consentplatform.api.banner;

import io.consentplatform.core.testing.HtmlPages;

/**
 * A tenant's website on loopback, reached under any host name the browser maps to it: a page per
 * site with the banner and, as asked, recording stand-ins for the six vendors' globals ({@code
 * stubs}), or the queues UET's and Clarity's own tags set up before their scripts load ({@code
 * queues}). The vendors' scripts themselves are never served: their loaders find nothing.
 */
final class VendorPages implements AutoCloseable {

  private final HtmlPages server;
  private final String apiBase;

  VendorPages(String apiBase) {
    this.apiBase = apiBase;
    this.server =
        HtmlPages.serve(
            false,
            (uri, port) -> {
              String[] path = uri.getPath().split("/");
              return path.length == 3 && path[1].equals("page")
                  ? page(path[2], String.valueOf(uri.getQuery()))
                  : null;
            });
  }

  int port() {
    return server.port();
  }

  /** The page of {@code siteKey} at {@code host} (mapped to loopback), with the globals asked. */
  String url(String host, String siteKey, String globals) {
    return "http://" + host + ":" + port() + "/page/" + siteKey + "?" + globals;
  }

  private String page(String siteKey, String globals) {
    String vendors =
        switch (globals) {
          case "stubs" ->
              """
              window.calls = [];
              function record(name) {
                return function () { calls.push([name].concat([].slice.call(arguments))); };
              }
              window.gtag = record('gtag');
              window.uetq = { push: record('uetq.push') };
              window.clarity = record('clarity');
              window.fbq = record('fbq');
              window.ttq = { holdConsent: record('ttq.holdConsent'),
                grantConsent: record('ttq.grantConsent'), revokeConsent: record('ttq.revokeConsent') };
              // Amazon's builder, refusing what its library refuses: anything but a boolean.
              window.amznConsent = function () {
                calls.push(['amznConsent']);
                var builder = { build: function () { calls.push(['build']); } };
                builder.setCountryCode = function (code) {
                  calls.push(['setCountryCode', code]);
                  return builder;
                };
                ['setEnableAdStorage', 'setEnableUserData'].forEach(function (name) {
                  builder[name] = function (value) {
                    if (typeof value !== 'boolean') throw new TypeError(name + ' must be a boolean');
                    calls.push([name, value]);
                    return builder;
                  };
                });
                return builder;
              };
              """;
          case "queues" ->
              """
              // What UET's tag does before bat.js arrives: a plain array as the queue.
              window.uetq = window.uetq || [];
              // What Clarity's tag does before its script arrives: a function queueing its calls.
              window.clarity = window.clarity || function () {
                (window.clarity.q = window.clarity.q || []).push(arguments);
              };
              """;
          default -> "";
        };
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>A town's pages</title>
        <script>
        sessionStorage.setItem('cookies_preferences_region', 'DE');
        %s
        </script>
        <script src="%s/v1/sites/%s/banner.js"></script>
        </head>
        <body>
        <h1>Town hall</h1>
        <footer><a href="#" id="settings" data-consent-open>Cookie settings</a></footer>
        </body>
        </html>
        """
        .formatted(vendors, apiBase, siteKey);
  }

  @Override
  public void close() {
    server.close();
  }
}
