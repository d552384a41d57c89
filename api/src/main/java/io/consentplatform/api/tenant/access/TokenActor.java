package io.consentplatform.api.tenant.access;

import io.consentplatform.core.access.Actor;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Actor} a verified bearer token names: its issuer and subject, its e-mail to show. */
public final class TokenActor {

  private TokenActor() {}

  public static Actor of(JsonWebToken token) {
    Object email = token.getClaim(Claims.email.name());
    return Actor.ofToken(
        token.getIssuer(),
        token.getSubject(),
        email instanceof JsonString text
            ? text.getString()
            : email == null ? null : email.toString());
  }
}
