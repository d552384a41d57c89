package io.consentplatform.core.consent;

import io.consentplatform.core.error.Forbidden;

/**
 * A decision named a visitor id without that visitor's token (or with another's): whoever sent it
 * may have read the id somewhere, which does not make them the visitor.
 */
public class VisitorTokenRefused extends Forbidden {

  /** The request field at fault, so that a banner can tell this refusal from an origin's. */
  public static final String FIELD = "visitorToken";

  public VisitorTokenRefused() {
    super(
        "A decision under an existing visitorId must carry that visitor's visitorToken, as given"
            + " with their earlier decision");
  }
}
