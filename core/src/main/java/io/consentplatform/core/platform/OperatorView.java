package io.consentplatform.core.platform;

import java.time.Instant;

/** Someone on the operators' list, as the console and the API show them. */
public record OperatorView(String subject, String email, String addedBy, Instant addedAt) {

  static OperatorView of(PlatformOperator operator) {
    return new OperatorView(operator.subject, operator.email, operator.addedBy, operator.addedAt);
  }
}
