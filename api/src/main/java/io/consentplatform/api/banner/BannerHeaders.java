package io.consentplatform.api.banner;

import io.consentplatform.api.ApiConfig;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.util.function.BiConsumer;

/**
 * The status and headers of a banner configuration, written the same way by {@link BannerRoute} and
 * by its fallback {@link BannerResource}: a cache in front must not tell which one answered.
 */
@ApplicationScoped
class BannerHeaders {

  // Vert.x writes these pre-encoded names and values without copying them on the hot path.
  private static final CharSequence JSON =
      HttpHeaders.createOptimized("application/json;charset=UTF-8");
  private static final CharSequence ANY = HttpHeaders.createOptimized("*");
  private static final CharSequence ORIGIN = HttpHeaders.createOptimized("Origin");
  private static final CharSequence ACCEPT_LANGUAGE_AND_ORIGIN =
      HttpHeaders.createOptimized("Accept-Language, Origin");

  private final CharSequence caching;
  private final CharSequence privateCaching;

  BannerHeaders(ApiConfig config) {
    this.caching =
        HttpHeaders.createOptimized(
            "public, max-age="
                + config.bannerMaxAge().toSeconds()
                + ", stale-while-revalidate="
                + config.bannerStaleWhileRevalidate().toSeconds());
    this.privateCaching =
        HttpHeaders.createOptimized("private, max-age=" + config.bannerMaxAge().toSeconds());
  }

  /**
   * Gives {@code header} every header of {@code answer} and says the status to answer with: 304
   * when the client holds the document already (no body, no Content-Type), else 200.
   */
  Status write(BannerDocuments.Answer answer, BiConsumer<CharSequence, CharSequence> header) {
    header.accept(HttpHeaders.ETAG, answer.document().etag());
    // An answer for the request's own region (no region in the URL) must not reach another visitor
    // through a cache that ignores Vary; the browser may still keep its own.
    header.accept(HttpHeaders.CACHE_CONTROL, answer.sharedCacheable() ? caching : privateCaching);
    // Public, read-only data: any page may fetch it.
    header.accept(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ANY);
    // Whether the asking page's origin is declared is part of the answer.
    header.accept(HttpHeaders.VARY, answer.variesByBrowser() ? ACCEPT_LANGUAGE_AND_ORIGIN : ORIGIN);
    if (answer.notModified()) {
      return Status.NOT_MODIFIED;
    }
    header.accept(HttpHeaders.CONTENT_TYPE, JSON);
    return Status.OK;
  }
}
