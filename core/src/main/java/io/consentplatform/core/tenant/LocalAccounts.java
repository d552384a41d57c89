package io.consentplatform.core.tenant;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.db.DatabaseReady;
import io.consentplatform.core.error.Rejected;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Local back-office accounts, and the first owner of a fresh installation: created at the first
 * start from configuration, or with a generated password printed once in the log.
 */
@ApplicationScoped
public class LocalAccounts {

  /**
   * The attribute that marks the authentication failure of a wrong e-mail or password typed in the
   * back office's sign-in form, which is answered with the form again, never with a problem
   * document.
   */
  public static final String SIGN_IN_FORM = "consent.sign-in-form";

  private static final Logger LOG = Logger.getLogger(LocalAccounts.class);
  private static final long FIRST_OWNER_LOCK = 0x5EED_0002L;
  private static final String NO_ACCOUNT = BcryptUtil.bcryptHash("no such account");

  private final EntityManager entityManager;
  private final String ownerEmail;
  private final Optional<String> ownerPassword;
  private final String ownerTenant;

  public LocalAccounts(EntityManager entityManager, CoreConfig config) {
    this.entityManager = entityManager;
    this.ownerEmail = config.admin().firstOwner().email();
    this.ownerPassword = config.admin().firstOwner().password();
    this.ownerTenant = config.admin().firstOwner().tenant();
  }

  /** Creates an account; its subject is {@code local:<email>}. */
  @Transactional
  public LocalAccount create(String email, String password) {
    LocalAccount account = new LocalAccount();
    account.email = email;
    account.passwordHash = BcryptUtil.bcryptHash(password);
    account.persist();
    return account;
  }

  /** Whether the e-mail and password belong to an account; the same time for a wrong e-mail. */
  @Transactional
  public boolean verify(String email, String password) {
    Optional<LocalAccount> account = LocalAccount.findByEmail(email);
    // Checking against a dummy hash too keeps an unknown e-mail from answering faster.
    String hash = account.map(a -> a.passwordHash).orElse(NO_ACCOUNT);
    return BcryptUtil.matches(password, hash) && account.isPresent();
  }

  @Transactional
  public boolean exists(String email) {
    return LocalAccount.findByEmail(email).isPresent();
  }

  /** The account's current session version, or nothing when there is no such account. */
  @Transactional
  public Optional<Integer> sessionVersion(String email) {
    return LocalAccount.findByEmail(email).map(a -> a.sessionVersion);
  }

  /** Ends every open session of the account: their cookies carry the version this replaces. */
  @Transactional
  public void endSessions(String email) {
    LocalAccount.findByEmail(email).ifPresent(a -> a.sessionVersion++);
  }

  /**
   * Changes the password of the account when {@code current} is its password now, and ends the
   * account's open sessions: whoever copied a session cookie of the old password is out.
   *
   * @return false, changing nothing, when {@code current} is not the account's password
   * @throws Rejected when the new password breaks a {@link PasswordRules rule}
   */
  @Transactional
  public boolean changePassword(String email, String current, String password) {
    Optional<LocalAccount> found = LocalAccount.findByEmail(email);
    if (found.isEmpty()
        || current == null
        || !BcryptUtil.matches(current, found.get().passwordHash)) {
      return false;
    }
    PasswordRules.check(email, password)
        .ifPresent(
            fault -> {
              throw new Rejected("password", fault.name());
            });
    LocalAccount account = found.get();
    account.passwordHash = BcryptUtil.bcryptHash(password);
    account.sessionVersion++;
    return true;
  }

  // After the demo tenant exists (its observer has the default priority, APPLICATION + 500), so
  // that the first owner can own it.
  void onDatabaseReady(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 1000) DatabaseReady ready) {
    createFirstOwner();
  }

  @Transactional
  void createFirstOwner() {
    entityManager
        .createNativeQuery("select pg_advisory_xact_lock(?1)")
        .setParameter(1, FIRST_OWNER_LOCK)
        .getSingleResult();
    if (LocalAccount.count() > 0) {
      return;
    }
    String password = ownerPassword.orElseGet(LocalAccounts::generatedPassword);
    create(ownerEmail, password);
    Tenant.findBySlug(ownerTenant)
        .ifPresent(
            tenant -> {
              TenantMember owner = new TenantMember();
              owner.tenant = tenant;
              owner.subject = LocalAccount.subjectOf(ownerEmail);
              owner.email = ownerEmail;
              owner.role = Role.OWNER;
              owner.persist();
            });
    if (ownerPassword.isEmpty()) {
      // Printed this once: the hash is all that is kept.
      LOG.infof(
          "Back office: sign in at /admin as %s with the password %s (shown only now)",
          ownerEmail, password);
    } else {
      LOG.infof("Back office: created the first owner %s from the configuration", ownerEmail);
    }
  }

  private static String generatedPassword() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
