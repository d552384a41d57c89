package io.consentplatform.api.proof;

import io.consentplatform.core.CoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The address of the page that verifies a receipt, carried by the receipt itself: under {@code
 * consent.public-base-url}, or a path on the platform when that is unset (the receipt is read from
 * the platform, so the path resolves against it).
 */
@ApplicationScoped
public class VerifyLinks {

  private final String base;

  public VerifyLinks(CoreConfig config) {
    Optional<String> configured =
        config.publicBaseUrl().map(String::strip).filter(url -> !url.isEmpty());
    this.base = configured.map(url -> url.replaceAll("/+$", "")).orElse("");
  }

  /** {@code <base>/verify#<siteKey>/<consentId>}: the page reads both from the fragment. */
  public String of(String siteKey, UUID consentId) {
    return base + "/verify#" + URLEncoder.encode(siteKey, StandardCharsets.UTF_8) + "/" + consentId;
  }
}
