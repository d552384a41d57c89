package io.consentplatform.admin;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A strict policy for the back office: its own scripts and styles only (no inline code at all),
 * never framed, forms posting only to itself.
 */
public class SecurityHeaders {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @ServerResponseFilter
  public void secure(ContainerRequestContext request, HttpServerResponse response) {
    if (request.getUriInfo().getPath().startsWith("/admin")) {
      response.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.putHeader("X-Content-Type-Options", "nosniff");
      response.putHeader("Referrer-Policy", "same-origin");
      response.putHeader("X-Frame-Options", "DENY");
      response.putHeader("Cache-Control", "no-store");
    }
  }
}
