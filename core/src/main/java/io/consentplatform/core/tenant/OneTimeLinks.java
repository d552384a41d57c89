package io.consentplatform.core.tenant;

import io.consentplatform.core.access.Actor;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.hash.Sha256;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes and uses the one-time links that set a local account's password: invitations and owners'
 * reset links for members (made by {@link MemberService} in the tenant's transaction) and password
 * resets. Using a link runs under the platform's own role, since its holder is not signed in: the
 * link's secret is what names the row, and {@link UnusableLink} is all a wrong, old or used one
 * learns.
 */
@ApplicationScoped
public class OneTimeLinks {

  // 32 random bytes in URL-safe Base64: what issue() makes; anything else is not worth a query.
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final SecureRandom random = new SecureRandom();
  private final AccountsConfig config;
  private final Audit audit;

  public OneTimeLinks(AccountsConfig config, Audit audit) {
    this.config = config;
    this.audit = audit;
  }

  /** Makes a link in the current transaction; its secret is in the answer only. */
  @Transactional(TxType.MANDATORY)
  IssuedLink issue(LinkPurpose purpose, Long tenantId, String email, String createdBy) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Duration validity =
        switch (purpose) {
          case INVITATION -> config.invitationValidity();
          case PASSWORD_RESET -> config.passwordResetValidity();
          case MEMBER_RESET -> config.memberResetValidity();
          case FIRST_OWNER_SETUP -> config.invitationValidity();
        };
    OneTimeLink link = new OneTimeLink();
    link.tenantId = tenantId;
    link.purpose = purpose;
    link.email = email;
    link.tokenHash = Sha256.hex(token);
    link.expiresAt = Instant.now().plus(validity).truncatedTo(ChronoUnit.SECONDS);
    link.createdBy = createdBy;
    link.persist();
    return new IssuedLink(purpose, email, token, link.expiresAt);
  }

  /**
   * A reset link for the account {@code email}, or nothing when there is no such account. The
   * caller answers the same either way, so that nobody learns which addresses have accounts.
   */
  @Transactional
  public Optional<IssuedLink> passwordReset(String email) {
    if (email == null || LocalAccount.findByEmail(email.strip()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        issue(LinkPurpose.PASSWORD_RESET, null, email.strip(), "password-reset-request"));
  }

  /**
   * Whether the account {@code email} exists and works in the tenant {@code tenantId} only. Its own
   * transaction under the platform's role: a tenant's transaction sees its own members only.
   */
  @Transactional(TxType.REQUIRES_NEW)
  boolean onlyIn(long tenantId, String email) {
    return LocalAccount.findByEmail(email).isPresent() && belongsOnlyTo(tenantId, email);
  }

  private static boolean belongsOnlyTo(Long tenantId, String email) {
    String subject = LocalAccount.subjectOf(email);
    return TenantMember.count("subject", subject) == 1
        && TenantMember.count("tenant.id = ?1 and subject = ?2", tenantId, subject) == 1;
  }

  /**
   * What the link is for, to show before the password is set; it stays usable.
   *
   * @throws UnusableLink when it is unknown, used, expired, or its purpose is gone
   */
  @Transactional(TxType.SUPPORTS)
  public OpenLink open(String token) {
    OneTimeLink link = usable(find(token, false));
    String tenantName = link.tenantId == null ? null : Tenant.<Tenant>findById(link.tenantId).name;
    return new OpenLink(link.purpose, link.email, tenantName, link.expiresAt);
  }

  /**
   * Uses the link: sets the account's password (creating the account for an invitation) and makes
   * the link unusable, in one transaction.
   *
   * @return the account's e-mail, to sign in with
   * @throws UnusableLink when it is unknown, used, expired, or its purpose is gone
   * @throws Rejected when the password breaks a {@link PasswordRules rule}; the link stays usable
   */
  @Transactional
  public String setPassword(String token, String password) {
    OneTimeLink link = usable(find(token, true));
    PasswordRules.check(link.email, password)
        .ifPresent(
            fault -> {
              throw new Rejected("password", fault.name());
            });
    if (link.purpose == LinkPurpose.INVITATION) {
      LocalAccount account = new LocalAccount();
      account.email = link.email;
      account.passwordHash = BcryptUtil.bcryptHash(password);
      account.persist();
    } else {
      LocalAccount account = LocalAccount.findByEmail(link.email).orElseThrow(UnusableLink::new);
      account.passwordHash = BcryptUtil.bcryptHash(password);
      // Whoever held a session of the old password (perhaps the reason for the reset) is out.
      account.sessionVersion++;
    }
    link.usedAt = Instant.now();
    // The account's other open links (another tenant's invitation, an older reset) would now set
    // a password it has: they end here too.
    OneTimeLink.update("usedAt = ?1 where email = ?2 and usedAt is null", link.usedAt, link.email);
    return link.email;
  }

  /**
   * Uses an invitation by signing in through the identity provider instead of choosing a password:
   * the invited membership now belongs to {@code subject}, the provider's subject as sign-in gives
   * it, no local account is created, and the link is used up. Audited in the inviting tenant.
   *
   * @param who the person signed in through the provider, for the audit trail
   * @return the inviting tenant's slug, to work in
   * @throws UnusableLink when it is unknown, used, expired, not an invitation, or its membership is
   *     gone
   * @throws Conflict when that sign-in is a member of the tenant already
   */
  @Transactional
  public String linkIdentity(String token, String subject, Actor who) {
    OneTimeLink link = usable(find(token, true));
    if (link.purpose != LinkPurpose.INVITATION) {
      throw new UnusableLink();
    }
    TenantMember member =
        TenantMember.<TenantMember>find(
                "tenant.id = ?1 and subject = ?2",
                link.tenantId,
                LocalAccount.subjectOf(link.email))
            .firstResultOptional()
            .orElseThrow(UnusableLink::new);
    if (TenantMember.count("tenant.id = ?1 and subject = ?2", link.tenantId, subject) > 0) {
      throw new Conflict("This sign-in is a member of the tenant already");
    }
    String before = member.subject;
    member.subject = subject;
    link.usedAt = Instant.now();
    audit.record(
        new Caller(link.tenantId, who, member.role),
        "link-identity",
        "member",
        member.id,
        Map.of("subject", before, "email", link.email),
        Map.of("subject", subject, "email", link.email));
    return member.tenant.slug;
  }

  private static Optional<OneTimeLink> find(String token, boolean lock) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    String hash = Sha256.hex(token);
    return lock ? OneTimeLink.lockByTokenHash(hash) : OneTimeLink.findByTokenHash(hash);
  }

  /**
   * The link, if it can be used now: an invitation only while its membership is still there and its
   * account does not exist yet (an invitation never sets the password of an account that has one:
   * that would let one tenant's owner take over another tenant's member).
   */
  private static OneTimeLink usable(Optional<OneTimeLink> found) {
    OneTimeLink link = found.filter(l -> l.usableAt(Instant.now())).orElseThrow(UnusableLink::new);
    boolean stillValid =
        switch (link.purpose) {
          case INVITATION ->
              LocalAccount.findByEmail(link.email).isEmpty()
                  && TenantMember.count(
                          "tenant.id = ?1 and subject = ?2",
                          link.tenantId,
                          LocalAccount.subjectOf(link.email))
                      > 0;
          case PASSWORD_RESET, FIRST_OWNER_SETUP ->
              LocalAccount.findByEmail(link.email).isPresent();
          // Only while the account still works in the owner's tenant, and there only.
          case MEMBER_RESET ->
              LocalAccount.findByEmail(link.email).isPresent()
                  && belongsOnlyTo(link.tenantId, link.email);
        };
    if (!stillValid) {
      throw new UnusableLink();
    }
    return link;
  }
}
