package io.consentplatform.core.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The platform's own list of operators. It is honoured besides the identity provider's client role
 * {@code platform-operator}: whoever is on either is an operator. Reads run under the platform's
 * own role (the list belongs to no tenant).
 */
@ApplicationScoped
public class PlatformOperators {

  /** The role an operator's identity carries, in the API and the back office. */
  public static final String ROLE = "platform-operator";

  /** Whether {@code actorId} ({@code local:<email>}, {@code <issuer>#<subject>}) is listed. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean isOperator(String actorId) {
    return actorId != null && PlatformOperator.findByIdOptional(actorId).isPresent();
  }

  /**
   * Lists {@code subject} as an operator, in the current transaction; nothing happens when it is
   * already listed.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void list(String subject, String email, String addedBy) {
    if (PlatformOperator.findByIdOptional(subject).isEmpty()) {
      PlatformOperator operator = new PlatformOperator();
      operator.subject = subject;
      operator.email = email;
      operator.addedBy = addedBy;
      operator.persist();
    }
  }
}
