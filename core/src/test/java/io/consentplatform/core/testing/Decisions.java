package io.consentplatform.core.testing;

import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.Decision;

/** Decisions as most tests need them: made on the banner of version 1, in English, nothing else. */
public final class Decisions {

  private Decisions() {}

  public static Decision onBanner(ConsentAction action) {
    return new Decision(null, 1, action, null, "en", ConsentMethod.BANNER, false, null, null);
  }
}
