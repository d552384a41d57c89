package io.consentplatform.core.platform;

import io.consentplatform.core.access.Actor;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.tenant.LocalAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The platform's own list of operators. It is honoured besides the identity provider's client role
 * {@code platform-operator}: whoever is on either is an operator. Reads run under the platform's
 * own role (the list belongs to no tenant).
 */
@ApplicationScoped
public class PlatformOperators {

  /** The role an operator's identity carries, in the API and the back office. */
  public static final String ROLE = "platform-operator";

  // Loose on purpose: the e-mail only has to be one a local account could sign in with.
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private final Audit audit;

  public PlatformOperators(Audit audit) {
    this.audit = audit;
  }

  /** Everyone on the list, by subject. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OperatorView> all() {
    return PlatformOperator.<PlatformOperator>list("order by subject").stream()
        .map(OperatorView::of)
        .toList();
  }

  /**
   * Makes the local account {@code email} an operator (it may not exist yet: whoever creates it
   * later is one); listing someone twice changes nothing.
   */
  @Transactional
  public OperatorView addLocal(Actor operator, String email) {
    String address = email == null ? "" : email.strip();
    if (!EMAIL.matcher(address).matches() || address.length() > 320) {
      throw new Rejected("email", "An e-mail address is needed");
    }
    return add(operator, LocalAccount.subjectOf(address), address);
  }

  /**
   * Makes an identity provider's subject an operator, as its tokens name it: {@code
   * <issuer>#<subject>}.
   */
  @Transactional
  public OperatorView addFromIdentityProvider(
      Actor operator, String issuer, String subject, String email) {
    String iss = issuer == null ? "" : issuer.strip();
    String sub = subject == null ? "" : subject.strip();
    if (iss.isEmpty() || iss.contains("#") || iss.length() > 300) {
      throw new Rejected("issuer", "An issuer's URL without a fragment is needed");
    }
    if (sub.isEmpty() || sub.length() > 255) {
      throw new Rejected("subject", "The identity provider's subject is needed");
    }
    String shown = email == null || email.isBlank() ? null : email.strip();
    return add(operator, Actor.ofToken(iss, sub, shown).id(), shown);
  }

  private OperatorView add(Actor operator, String subject, String email) {
    PlatformOperator listed = PlatformOperator.findById(subject);
    if (listed == null) {
      list(subject, email, operator.id());
      PlatformOperator.flush();
      listed = PlatformOperator.findById(subject);
      PlatformOperator.getEntityManager().refresh(listed);
      audit.recordPlatform(
          operator, "create", "platform-operator", subject, null, Map.of("subject", subject));
    }
    return OperatorView.of(listed);
  }

  /**
   * Takes {@code subject} off the list; an identity provider's role still makes them an operator.
   *
   * @throws LastOperator when nobody else is on the list
   */
  @Transactional
  public void remove(Actor operator, String subject) {
    PlatformOperator listed =
        PlatformOperator.<PlatformOperator>findByIdOptional(subject == null ? "" : subject)
            .orElseThrow(() -> new NotFound("Operator " + subject));
    // Serialises removals, so that two operators removing each other cannot empty the list.
    PlatformOperator.getEntityManager()
        .createNativeQuery("lock table platform_operator in share row exclusive mode")
        .executeUpdate();
    if (PlatformOperator.count() <= 1) {
      throw new LastOperator();
    }
    audit.recordPlatform(
        operator, "delete", "platform-operator", subject, Map.of("subject", subject), null);
    listed.delete();
  }

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
