package io.consentplatform.api.banner;

import io.consentplatform.core.testing.HtmlPages;

/**
 * A tenant's website on loopback: pages that embed the banner script from the API (another origin,
 * as in real life) and carry blocked scripts of several categories.
 */
final class TestSitePages implements AutoCloseable {

  private final HtmlPages server;
  private final String apiBase;

  TestSitePages(String apiBase) {
    this.apiBase = apiBase;
    this.server =
        HtmlPages.serve(
            false,
            (uri, port) -> {
              String query = String.valueOf(uri.getQuery());
              return page(
                  uri.getPath().substring(1), query.equals("gpc"), query.equals("own-link"));
            });
  }

  /** The domain the site's pages are served under, as a tenant declares it. */
  String domain() {
    return "127.0.0.1:" + server.port();
  }

  String url(String siteKey) {
    return "http://" + domain() + "/" + siteKey;
  }

  /** The page of {@code siteKey} in a browser that sends the Global Privacy Control signal. */
  String urlWithGpc(String siteKey) {
    return url(siteKey) + "?gpc";
  }

  /**
   * The page of {@code siteKey} with a "Do Not Sell" link of its own, left empty for the banner.
   */
  String urlWithOwnLink(String siteKey) {
    return url(siteKey) + "?own-link";
  }

  private String page(String siteKey, boolean gpc, boolean ownLink) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>A tenant's shop</title>
        <script>window.dataLayer = []; function gtag() { dataLayer.push(arguments); }</script>
        %s
        <script src="%s/v1/sites/%s/banner.js"></script>
        <script type="text/plain" data-category="statistics">
          document.cookie = "stats_ran=yes; path=/"; window.statsRan = true;
        </script>
        <script type="text/plain" data-category="marketing">window.marketingRan = true;</script>
        </head>
        <body>
        <h1>Welcome to the shop</h1>
        <p><button id="buy">Buy</button></p>
        <iframe title="Video" data-category="marketing" data-src="about:blank#video"></iframe>
        <footer><a href="#" id="settings" data-consent-open>Cookie settings</a>%s</footer>
        </body>
        </html>
        """
        .formatted(
            gpc
                ? "<script>Object.defineProperty(navigator, 'globalPrivacyControl',"
                    + " {value: true});</script>"
                : "",
            apiBase,
            siteKey,
            ownLink ? " <a href=\"#\" id=\"own-link\" data-consent-do-not-sell></a>" : "");
  }

  @Override
  public void close() {
    server.close();
  }
}
