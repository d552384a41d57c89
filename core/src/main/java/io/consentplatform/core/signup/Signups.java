package io.consentplatform.core.signup;

import io.consentplatform.core.access.Actor;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.hash.Sha256;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.MemberService;
import io.consentplatform.core.tenant.PasswordRules;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.Tenant;
import io.consentplatform.core.tenant.TenantView;
import io.consentplatform.core.tenant.UnusableLink;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Self-service sign-up: a request makes nothing but its own row and a confirmation link; the
 * tenant, its owner membership and (when the address has none) the local account exist only once
 * the link is used with a password. Like one-time links, the link's secret is what names the row.
 */
@ApplicationScoped
public class Signups {

  /** What {@code action} the new tenant's audit trail records the sign-up under. */
  public static final String AUDIT_ACTION = "sign-up";

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  private final SecureRandom random = new SecureRandom();
  private final SignupConfig config;
  private final MemberService members;
  private final Audit audit;

  public Signups(SignupConfig config, MemberService members, Audit audit) {
    this.config = config;
    this.members = members;
    this.audit = audit;
  }

  /** Whether sign-up is switched on. */
  public boolean enabled() {
    return config.enabled();
  }

  /**
   * Records a sign-up and makes its confirmation link, or nothing when the address asked too often
   * lately: the caller answers the same either way, so the limit tells nobody anything.
   *
   * @throws Rejected when the address or the organisation's name is not acceptable
   */
  @Transactional
  public Optional<SignupLink> request(String email, String organisation, String language) {
    String address = email == null ? "" : email.strip();
    String name = organisation == null ? "" : organisation.strip();
    if (address.length() > 320 || !EMAIL.matcher(address).matches()) {
      throw new Rejected("email", "INVALID");
    }
    if (name.isEmpty() || name.length() > 100) {
      throw new Rejected("organisation", "INVALID");
    }
    Instant now = Instant.now();
    if (SignupRequest.countForAddressSince(address, now.minus(config.addressWindow()))
        >= config.perAddress()) {
      return Optional.empty();
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    SignupRequest request = new SignupRequest();
    request.email = address;
    request.organisation = name;
    request.language = "fr".equals(language) ? "fr" : "en";
    request.tokenHash = Sha256.hex(token);
    request.requestedAt = now;
    request.expiresAt = now.plus(config.confirmationValidity()).truncatedTo(ChronoUnit.SECONDS);
    request.persist();
    boolean hasAccount = LocalAccount.findByEmail(address).isPresent();
    return Optional.of(
        new SignupLink(address, name, request.language, token, request.expiresAt, hasAccount));
  }

  /**
   * What the confirmation link is for, to show before the password; opening it uses nothing.
   *
   * @throws UnusableLink when it is unknown, confirmed already or expired
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public OpenSignup open(String token) {
    SignupRequest request = usable(find(token, false));
    return new OpenSignup(
        request.email,
        request.organisation,
        LocalAccount.findByEmail(request.email).isPresent(),
        request.expiresAt);
  }

  /**
   * Confirms the sign-up in one transaction: the account when the address has none (with {@code
   * password} as its password), else a check of that account's password; then the tenant, its owner
   * and the request marked confirmed.
   *
   * @throws UnusableLink when it is unknown, confirmed already or expired
   * @throws Rejected on a password that breaks a rule or is not the existing account's; the link
   *     stays usable
   */
  @Transactional
  public TenantView confirm(String token, String password) {
    SignupRequest request = usable(find(token, true));
    Optional<LocalAccount> existing = LocalAccount.findByEmail(request.email);
    if (existing.isPresent()) {
      if (password == null || !BcryptUtil.matches(password, existing.get().passwordHash)) {
        throw new Rejected("password", "WRONG_PASSWORD");
      }
    } else {
      PasswordRules.check(request.email, password)
          .ifPresent(
              fault -> {
                throw new Rejected("password", fault.name());
              });
      LocalAccount account = new LocalAccount();
      account.email = request.email;
      account.passwordHash = BcryptUtil.bcryptHash(password);
      account.persist();
    }
    String email = existing.map(a -> a.email).orElse(request.email);
    Actor person = new Actor(LocalAccount.subjectOf(email), email);
    TenantView tenant =
        members.createTenant(
            person, Slugs.unique(request.organisation), request.organisation, person.id(), email);
    audit.record(
        new Caller(tenant.id(), person, Role.OWNER),
        AUDIT_ACTION,
        "tenant",
        tenant.id(),
        null,
        Map.of("organisation", request.organisation, "email", email));
    request.confirmedAt = Instant.now();
    request.tenantId = tenant.id();
    return tenant;
  }

  private static Optional<SignupRequest> find(String token, boolean lock) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    String hash = Sha256.hex(token);
    return lock ? SignupRequest.lockByTokenHash(hash) : SignupRequest.findByTokenHash(hash);
  }

  private static SignupRequest usable(Optional<SignupRequest> found) {
    return found.filter(r -> r.usableAt(Instant.now())).orElseThrow(UnusableLink::new);
  }

  /** Tenant slugs made from an organisation's name. */
  static final class Slugs {

    private Slugs() {}

    /** The name in the slug's alphabet, with a number added when that slug is taken. */
    static String unique(String organisation) {
      String base = of(organisation);
      String slug = base;
      for (int n = 2; Tenant.findBySlug(slug).isPresent(); n++) {
        slug = base + "-" + n;
      }
      return slug;
    }

    static String of(String organisation) {
      String plain =
          java.text.Normalizer.normalize(organisation, java.text.Normalizer.Form.NFD)
              .replaceAll("\\p{M}", "")
              .toLowerCase(java.util.Locale.ROOT)
              .replaceAll("[^a-z0-9]+", "-")
              .replaceAll("^-+|-+$", "");
      // Room for a "-<n>" suffix within the 63 characters a slug may have.
      if (plain.length() > 50) {
        plain = plain.substring(0, 50).replaceAll("-+$", "");
      }
      return plain.length() < 2 ? "organisation" : plain;
    }
  }
}
