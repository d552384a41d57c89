package io.consentplatform.admin;

import io.consentplatform.core.CoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * The platform's address as people outside reach it, for what leaves the back office: embed
 * snippets pasted into tenants' pages and links sent by e-mail. {@code consent.public-base-url}
 * when set, which behind a proxy is the only trustworthy answer (a mailed link must never follow a
 * forged {@code Host} header); else the scheme, host and port this request came to.
 */
@ApplicationScoped
public class PublicAddress {

  private final Optional<String> configured;

  public PublicAddress(CoreConfig config) {
    this.configured = config.publicBaseUrl().map(String::strip).filter(s -> !s.isEmpty());
  }

  /** The address, without a trailing slash. */
  public String base(UriInfo request) {
    String base =
        configured.orElseGet(
            () -> {
              var uri = request.getBaseUri();
              return uri.getScheme() + "://" + uri.getRawAuthority();
            });
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
