package io.consentplatform.core.consent;

import io.consentplatform.core.region.Region;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A visitor's decision as it arrives, not yet checked against the policy version.
 *
 * @param visitorId the id from the visitor's cookie; null on a first decision
 * @param policyVersion the number of the version the banner showed
 * @param choices per category key; may be empty for accept all, reject all and withdraw
 * @param language the language the banner was shown in; null means the site's default
 * @param userAgent the raw User-Agent header; only its family is kept
 * @param clientAddress the client's IP address as text; only its network part is kept
 * @param visitorToken the token given with the visitor's earlier decision; required with a {@code
 *     visitorId} ({@link VisitorTokens})
 * @param region where the visitor is, as the platform resolved it from the request; null when
 *     unknown
 */
public record Decision(
    UUID visitorId,
    int policyVersion,
    ConsentAction action,
    Map<String, Boolean> choices,
    String language,
    ConsentMethod method,
    boolean gpc,
    String userAgent,
    String clientAddress,
    String visitorToken,
    Region region) {

  /** A decision from a visitor whose region is unknown. */
  public Decision(
      UUID visitorId,
      int policyVersion,
      ConsentAction action,
      Map<String, Boolean> choices,
      String language,
      ConsentMethod method,
      boolean gpc,
      String userAgent,
      String clientAddress,
      String visitorToken) {
    this(
        visitorId,
        policyVersion,
        action,
        choices,
        language,
        method,
        gpc,
        userAgent,
        clientAddress,
        visitorToken,
        null);
  }

  /** A decision without a visitor token: a visitor's first, or one a test makes. */
  public Decision(
      UUID visitorId,
      int policyVersion,
      ConsentAction action,
      Map<String, Boolean> choices,
      String language,
      ConsentMethod method,
      boolean gpc,
      String userAgent,
      String clientAddress) {
    this(
        visitorId,
        policyVersion,
        action,
        choices,
        language,
        method,
        gpc,
        userAgent,
        clientAddress,
        null);
  }

  /** Action and method are read from the wire once, by {@link WireName}: here they are given. */
  public Decision {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(method, "method");
  }
}
