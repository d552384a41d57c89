package io.consentplatform.api.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Security headers of everything outside the back office (which sets its own, stricter): no content
 * sniffing, no referrer sent to other sites, and for the public HTML pages a policy that allows
 * only their own stylesheet. The policy page may be framed: a tenant may show it inside its own
 * pages, and the only thing on it to click is a link back to one of that tenant's declared pages.
 */
public class PublicHeaders {

  static final String PAGE_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none';"
          + " form-action 'none'; frame-ancestors *";

  /**
   * The {@code /verify} page runs its own script, which reads the proof and the keys from this
   * origin; nobody may frame it, so that nobody can dress a failed check up as a passed one.
   */
  static final String VERIFY_POLICY =
      "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self';"
          + " img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** JSON and scripts never need to load anything, nor to be framed. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  @ServerResponseFilter
  public void secure(
      ContainerRequestContext request,
      ContainerResponseContext answer,
      HttpServerResponse response) {
    String path = request.getUriInfo().getPath();
    if (path.startsWith("/admin")) {
      return;
    }
    MediaType type = answer.getMediaType();
    addTo(response.headers(), type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE));
    if ("/verify".equals(path)) {
      response.headers().set("Content-Security-Policy", VERIFY_POLICY);
    }
  }

  /** The headers themselves, for routes answered outside the REST layer too. */
  public static void addTo(MultiMap headers, boolean html) {
    headers
        .set("X-Content-Type-Options", "nosniff")
        .set("Referrer-Policy", "strict-origin-when-cross-origin")
        .set("Content-Security-Policy", html ? PAGE_POLICY : API_POLICY);
  }
}
