package io.consentplatform.api.web;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Security headers of everything outside the back office (which sets its own, stricter): no content
 * sniffing, no referrer sent to other sites, and for the public HTML pages a policy that allows
 * only their own stylesheet. The policy page may be framed: a tenant may show it inside its own
 * pages, and it holds nothing to click.
 */
public class PublicHeaders {

  static final String PAGE_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none';"
          + " form-action 'none'; frame-ancestors *";

  /** JSON and scripts never need to load anything, nor to be framed. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  @ServerResponseFilter
  public void secure(
      ContainerRequestContext request,
      ContainerResponseContext answer,
      HttpServerResponse response) {
    if (request.getUriInfo().getPath().startsWith("/admin")) {
      return;
    }
    response.putHeader("X-Content-Type-Options", "nosniff");
    response.putHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    MediaType type = answer.getMediaType();
    boolean html = type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
    response.putHeader("Content-Security-Policy", html ? PAGE_POLICY : API_POLICY);
  }
}
