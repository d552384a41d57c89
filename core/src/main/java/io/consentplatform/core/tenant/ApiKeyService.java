package io.consentplatform.core.tenant;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.hash.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Creates, checks and revokes tenants' API keys. */
@ApplicationScoped
@TenantScoped
public class ApiKeyService {

  /** Every key starts so, which lets secret scanners recognise a leaked one. */
  public static final String KEY_PREFIX = "cpk_";

  // Writing the last use on every call would turn reads into writes; once a minute is precise
  // enough to tell a key in use from a forgotten one.
  private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

  private final SecureRandom random = new SecureRandom();
  private final Audit audit;

  public ApiKeyService(Audit audit) {
    this.audit = audit;
  }

  @Transactional
  public CreatedApiKey create(Caller caller, @Valid @NotNull NewApiKey newKey) {
    caller.require(Role.OWNER);
    String name = newKey.stripped().name();
    Role role = newKey.role();
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ApiKey key = new ApiKey();
    key.tenantId = caller.tenantId();
    key.name = name;
    key.prefix = secret.substring(0, KEY_PREFIX.length() + 6);
    key.keyHash = hash(secret);
    key.role = role;
    key.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    key.createdBy = caller.actor();
    key.persist();
    audit.record(caller, "create", "api-key", key.id, null, describe(key));
    return new CreatedApiKey(ApiKeyView.of(key), secret);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ApiKeyView> list(Caller caller) {
    caller.requireToRead(Role.OWNER);
    return ApiKey.listForTenant(caller.tenantId()).stream().map(ApiKeyView::of).toList();
  }

  @Transactional
  public void revoke(Caller caller, long keyId) {
    caller.require(Role.OWNER);
    ApiKey key =
        ApiKey.<ApiKey>findByIdOptional(keyId)
            .filter(k -> k.tenantId == caller.tenantId() && k.revokedAt == null)
            .orElseThrow(() -> new NotFound("API key " + keyId));
    Object before = describe(key);
    key.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    audit.record(caller, "revoke", "api-key", key.id, before, describe(key));
  }

  /**
   * The caller a key stands for, if it is a live key of a tenant that is not archived; notes when
   * it was last used. A suspended tenant's key still reads.
   */
  @Transactional
  public Optional<Caller> authenticate(String secret) {
    if (secret == null || !secret.startsWith(KEY_PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    Optional<ApiKey> found = ApiKey.findActiveByHash(hash(secret));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiKey key = found.get();
    TenantState state = Tenant.<Tenant>findById(key.tenantId).state;
    if (state == TenantState.ARCHIVED) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USE_PRECISION))) {
      key.lastUsedAt = now.truncatedTo(ChronoUnit.MICROS);
    }
    return Optional.of(
        new Caller(
            key.tenantId, "api-key:" + key.id, null, key.role, state == TenantState.SUSPENDED));
  }

  private static Object describe(ApiKey key) {
    return java.util.Map.of(
        "name",
        key.name,
        "prefix",
        key.prefix,
        "role",
        key.role.name(),
        "revoked",
        key.revokedAt != null);
  }

  static String hash(String secret) {
    return Sha256.hex(secret);
  }
}
