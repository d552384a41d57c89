package io.consentplatform.core.tenant;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.db.DatabaseReady;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.platform.PlatformOperators;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Local back-office accounts, and the first owner of a fresh installation: created at the first
 * start from configuration; else, on the embedded database (the newcomer's laptop), with a
 * generated password printed once in the log, and on any other database with a one-time set-up link
 * printed instead, so that no password of a production platform ever sits in its logs.
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

  private static final String FIRST_OWNER_SETUP = "first-owner-setup";

  private final EntityManager entityManager;
  private final String ownerEmail;
  private final Optional<String> ownerPassword;
  private final String ownerTenant;
  private final boolean embedded;
  private final String base;
  private final OneTimeLinks links;
  private final PlatformOperators operators;

  public LocalAccounts(
      EntityManager entityManager,
      CoreConfig config,
      OneTimeLinks links,
      PlatformOperators operators) {
    this.entityManager = entityManager;
    this.links = links;
    this.operators = operators;
    this.embedded = config.embeddedDb().running();
    // Relative when unset: the operator knows where the platform is reached.
    this.base = config.publicBaseUrl().map(String::strip).orElse("");
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
    firstOwner(embedded).ifPresent(LOG::info);
  }

  /**
   * Creates the first owner when there is no local account yet, and says how they sign in: their
   * configured password, a generated one ({@code embedded} only), or a one-time set-up link. A
   * first owner whose set-up link was never used gets a new one at each start (the older end).
   *
   * @return the line for the log, if there is something to tell
   */
  @Transactional
  Optional<String> firstOwner(boolean embedded) {
    entityManager
        .createNativeQuery("select pg_advisory_xact_lock(?1)")
        .setParameter(1, FIRST_OWNER_LOCK)
        .getSingleResult();
    if (LocalAccount.count() > 0) {
      // The embedded database's first owner never had a link: its password was in the log.
      return !embedded && awaitingSetUp(ownerEmail) ? Optional.of(setUpLink()) : Optional.empty();
    }
    if (ownerPassword.isPresent()) {
      createFirstOwner(ownerPassword.get());
      return Optional.of(
          String.format(
              "Back office: created the first owner %s from the configuration", ownerEmail));
    }
    if (embedded) {
      String password = generatedPassword();
      createFirstOwner(password);
      // Printed this once: the hash is all that is kept.
      return Optional.of(
          String.format(
              "Back office: sign in at /admin as %s with the password %s (shown only now)",
              ownerEmail, password));
    }
    // A password nobody ever sees: the account opens only through the link.
    createFirstOwner(generatedPassword() + generatedPassword());
    return Optional.of(setUpLink());
  }

  /**
   * The first account runs the platform: it is an operator, and owns the demo when there is one.
   */
  private void createFirstOwner(String password) {
    create(ownerEmail, password);
    operators.list(LocalAccount.subjectOf(ownerEmail), ownerEmail, "first-start");
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
  }

  /** A new set-up link for the first owner, its older ones ended; the line that shows it. */
  private String setUpLink() {
    // Ended by expiry, not marked used: "used" keeps meaning that the owner chose a password.
    Instant now = Instant.now();
    OneTimeLink.<OneTimeLink>list(
            "email = ?1 and purpose = ?2 and usedAt is null and expiresAt > ?3",
            ownerEmail,
            LinkPurpose.FIRST_OWNER_SETUP,
            now)
        .forEach(older -> older.expiresAt = now);
    IssuedLink link =
        links.issue(LinkPurpose.FIRST_OWNER_SETUP, null, ownerEmail, FIRST_OWNER_SETUP);
    return String.format(
        "Back office: the first owner %s chooses their password with this one-time link, valid"
            + " until %s: %s (until it is used, each start prints a new one)",
        ownerEmail, link.expiresAt(), link.url(base));
  }

  /**
   * Whether the account has set-up links and none is marked used: it has no password yet (setting a
   * password with any link marks all of the account's links used).
   */
  private static boolean awaitingSetUp(String email) {
    return OneTimeLink.count("email = ?1 and purpose = ?2", email, LinkPurpose.FIRST_OWNER_SETUP)
            > 0
        && OneTimeLink.count(
                "email = ?1 and purpose = ?2 and usedAt is not null",
                email,
                LinkPurpose.FIRST_OWNER_SETUP)
            == 0;
  }

  private static String generatedPassword() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
