package io.consentplatform.admin;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A strict policy for the back office: its own scripts and styles only (no inline code at all),
 * never framed, forms posting only to itself.
 */
public class SecurityHeaders {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /**
   * The banner preview runs the visitors' banner script, which injects its stylesheet as a style
   * element (one file to embed on a site): that page alone allows inline styles, still no inline
   * script, and only the back office itself may frame it.
   */
  static final String PREVIEW_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors"
          + " 'self'";

  private static final Pattern PREVIEW = Pattern.compile("/admin/sites/\\d+/texts/preview");

  @ServerResponseFilter
  public void secure(ContainerRequestContext request, HttpServerResponse response) {
    String path = request.getUriInfo().getPath();
    if (path.startsWith("/admin")) {
      boolean preview = PREVIEW.matcher(path).matches();
      response.putHeader(
          "Content-Security-Policy", preview ? PREVIEW_POLICY : CONTENT_SECURITY_POLICY);
      response.putHeader("X-Frame-Options", preview ? "SAMEORIGIN" : "DENY");
      response.putHeader("X-Content-Type-Options", "nosniff");
      response.putHeader("Referrer-Policy", "same-origin");
      response.putHeader("Cache-Control", "no-store");
    }
  }
}
