package io.consentplatform.core.tenant;

import java.time.Instant;

/**
 * A one-time link just made: its secret exists only in this value, to be shown once and mailed.
 *
 * @param token the secret the link's address carries
 */
public record IssuedLink(LinkPurpose purpose, String email, String token, Instant expiresAt) {

  /** The link's address under {@code base}, the platform's public address. */
  public String url(String base) {
    return (base.endsWith("/") ? base : base + "/") + "admin/link/" + token;
  }
}
