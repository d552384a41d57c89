package io.consentplatform.core.access;

/**
 * Who acts, as the audit trail and a publication record them: an authenticated subject in its
 * issuer's namespace, and an e-mail only to show beside it. Local accounts are {@code
 * local:<email>}, API keys {@code api-key:<id>}, and a person signed in through an identity
 * provider is {@code <issuer>#<subject>}; an issuer has no fragment (OpenID Connect Discovery), so
 * the first {@code #} separates the two and no provider can name a subject of another's or a local
 * account.
 *
 * @param id the issuer-qualified subject: what the records trust
 * @param email what the records show for it, from the same authentication (null if unknown); never
 *     what an owner typed when adding a member
 */
public record Actor(String id, String email) {

  /** A person as an identity provider's signed token names them. */
  public static Actor ofToken(String issuer, String subject, String email) {
    if (issuer == null || issuer.isBlank() || subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("A token without an issuer or a subject names nobody");
    }
    return new Actor(issuer + "#" + subject, email);
  }
}
