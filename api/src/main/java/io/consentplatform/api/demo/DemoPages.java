package io.consentplatform.api.demo;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.demo.DemoSite;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;

/**
 * A small imitation of the demo tenant's real portal (data.townofcary.org), served by the platform
 * under its own host name, {@value DemoSite#LOCAL_HOST}, so that a newcomer can watch the banner
 * work on a page and scan it: a home page, the list of datasets, a page per dataset, an about page,
 * a sitemap and a {@code robots.txt}. Every page says it is a demo. Only with {@code
 * consent.demo.enabled}.
 *
 * <p>Under that host name the platform serves nothing else, so that the cookies the pages and the
 * banner leave there never reach the back office or the API; under any other, the demo's paths
 * redirect to it.
 */
@ApplicationScoped
class DemoPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance home(String platform, List<Dataset> datasets);

    static native TemplateInstance explore(String platform, List<Dataset> datasets);

    static native TemplateInstance dataset(String platform, Dataset dataset);

    static native TemplateInstance about(String platform);

    static native TemplateInstance notFound(String platform);
  }

  // Ahead of BannerRoute (-1000), so that no request to the demo's host name reaches the API or
  // the back office. The route matches on the Host header alone, a string comparison per request.
  private static final int DEMO_HOST_ORDER = -1_100;

  private static final String SITEMAP = DemoSite.PATH + "sitemap.xml";
  private static final List<String> PAGES =
      List.of(
          "",
          "explore/",
          "explore/dataset/" + Dataset.ALL.get(0).id() + "/",
          "explore/dataset/" + Dataset.ALL.get(1).id() + "/",
          "pages/about/");

  private final DemoAddress address;
  private final boolean enabled;

  DemoPages(DemoAddress address, CoreConfig config) {
    this.address = address;
    this.enabled = config.demo().enabled();
  }

  void install(@Observes Router router) {
    if (!enabled) {
      return;
    }
    // Not Route.virtualHost: that runs a regular expression on every request's host, the
    // banner's too; a comparison does the same here.
    router
        .route()
        .order(DEMO_HOST_ORDER)
        .handler(
            context -> {
              if (isDemoHost(context.request().authority())) {
                serveDemoHost(context);
              } else {
                context.next();
              }
            });
    router
        .route(DemoSite.PATH.substring(0, DemoSite.PATH.length() - 1) + "*")
        .handler(this::redirectToDemoHost);
  }

  /** Whether a request was sent to the demo's host name (with or without a port). */
  static boolean isDemoHost(HostAndPort authority) {
    if (authority == null) {
      return false;
    }
    String host = authority.host();
    int length = DemoSite.LOCAL_HOST.length();
    return host.regionMatches(true, 0, DemoSite.LOCAL_HOST, 0, length)
        && (host.length() == length || host.charAt(length) == ':');
  }

  private void serveDemoHost(RoutingContext context) {
    HttpServerRequest request = context.request();
    String path = request.path();
    if (path == null) {
      path = "/";
    }
    switch (path) {
      case "/", "/demo", "/demo/", "/demo/townofcary" -> redirect(context, DemoSite.PATH);
      case "/robots.txt" -> text(context, "text/plain", robots(request));
      case SITEMAP -> text(context, "application/xml", sitemap(request));
      default -> {
        if (path.startsWith(DemoSite.PATH)) {
          page(context, path.substring(DemoSite.PATH.length()));
        } else {
          notFound(context);
        }
      }
    }
  }

  private void page(RoutingContext context, String rest) {
    String platform = address.platformBase();
    Optional<TemplateInstance> page =
        switch (rest) {
          case "" -> Optional.of(Templates.home(platform, Dataset.ALL));
          case "explore/" -> Optional.of(Templates.explore(platform, Dataset.ALL));
          case "pages/about/" -> Optional.of(Templates.about(platform));
          default -> {
            String prefix = "explore/dataset/";
            if (rest.startsWith(prefix) && rest.endsWith("/")) {
              String id = rest.substring(prefix.length(), rest.length() - 1);
              yield Dataset.byId(id).map(dataset -> Templates.dataset(platform, dataset));
            }
            yield Optional.empty();
          }
        };
    if (page.isEmpty()) {
      notFound(context);
      return;
    }
    HttpServerResponse response = context.response();
    for (String cookie : DemoCookies.missingFrom(context.request())) {
      response.headers().add(HttpHeaders.SET_COOKIE, cookie);
    }
    html(context, HttpResponseStatus.OK, page.get().render());
  }

  private void notFound(RoutingContext context) {
    html(
        context, HttpResponseStatus.NOT_FOUND, Templates.notFound(address.platformBase()).render());
  }

  private void html(RoutingContext context, HttpResponseStatus status, String body) {
    String platform = address.platformBase();
    context
        .response()
        .setStatusCode(status.code())
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "strict-origin-when-cross-origin")
        // The banner is the one script, from the platform, which it also talks to; it brings
        // its styles inline.
        .putHeader(
            "Content-Security-Policy",
            "default-src 'self'; script-src "
                + platform
                + "; connect-src "
                + platform
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none';"
                + " form-action 'self'; frame-ancestors 'none'")
        .end(body);
  }

  private static void text(RoutingContext context, String type, String body) {
    context
        .response()
        .putHeader(HttpHeaders.CONTENT_TYPE, type + "; charset=utf-8")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(body);
  }

  private static void redirect(RoutingContext context, String location) {
    context
        .response()
        .setStatusCode(HttpResponseStatus.FOUND.code())
        .putHeader(HttpHeaders.LOCATION, location)
        .end();
  }

  /** The same path and query on the demo's host name, at this start's port. */
  private void redirectToDemoHost(RoutingContext context) {
    if (address.port().isEmpty()) {
      context.next();
      return;
    }
    HttpServerRequest request = context.request();
    String query = request.query() == null ? "" : "?" + request.query();
    redirect(context, "http://" + address.demoDomain() + request.path() + query);
  }

  private static String robots(HttpServerRequest request) {
    return "User-agent: *\nAllow: /\n\nSitemap: " + origin(request) + SITEMAP + "\n";
  }

  private static String sitemap(HttpServerRequest request) {
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (String page : PAGES) {
      xml.append("  <url><loc>")
          .append(origin(request))
          .append(DemoSite.PATH)
          .append(page)
          .append("</loc></url>\n");
    }
    return xml.append("</urlset>\n").toString();
  }

  /** The demo host as this request reached it: its sitemap names the pages at that address. */
  private static String origin(HttpServerRequest request) {
    int port = request.authority().port();
    return "http://" + DemoSite.LOCAL_HOST + (port > 0 && port != 80 ? ":" + port : "");
  }
}
