package io.consentplatform.core.platform;

import io.consentplatform.core.access.Actor;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.hash.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' API keys: they act on the platform API as an operator and reach no tenant's own
 * API. They belong to no tenant, so every operation runs under the platform's own role.
 */
@ApplicationScoped
public class PlatformKeys {

  /** Every operator key starts so: secret scanners and the API tell it from a tenant's. */
  public static final String KEY_PREFIX = "cpo_";

  /** The actor an operator key acts as, followed by its id. */
  public static final String ACTOR_PREFIX = "platform-key:";

  // As for tenants' keys: noting every use would turn reads into writes.
  private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

  private final SecureRandom random = new SecureRandom();
  private final Audit audit;

  public PlatformKeys(Audit audit) {
    this.audit = audit;
  }

  @Transactional
  public CreatedPlatformKey create(Actor operator, String name) {
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty() || stripped.length() > 100) {
      throw new Rejected("name", "A key needs a name of 1 to 100 characters");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    PlatformApiKey key = new PlatformApiKey();
    key.name = stripped;
    key.prefix = secret.substring(0, KEY_PREFIX.length() + 6);
    key.keyHash = Sha256.hex(secret);
    key.createdBy = operator.id();
    key.persist();
    PlatformApiKey.flush();
    PlatformApiKey.getEntityManager().refresh(key);
    audit.recordPlatform(operator, "create", "platform-api-key", key.id, null, describe(key));
    return new CreatedPlatformKey(PlatformKeyView.of(key), secret);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PlatformKeyView> list() {
    return PlatformApiKey.listNewestFirst().stream().map(PlatformKeyView::of).toList();
  }

  @Transactional
  public void revoke(Actor operator, long keyId) {
    PlatformApiKey key =
        PlatformApiKey.<PlatformApiKey>findByIdOptional(keyId)
            .filter(k -> k.revokedAt == null)
            .orElseThrow(() -> new NotFound("Operator key " + keyId));
    Object before = describe(key);
    key.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    audit.recordPlatform(operator, "revoke", "platform-api-key", key.id, before, describe(key));
  }

  /** The operator a live key acts as; notes when it was last used. */
  @Transactional
  public Optional<Actor> authenticate(String secret) {
    if (secret == null || !secret.startsWith(KEY_PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    return PlatformApiKey.findActiveByHash(Sha256.hex(secret))
        .map(
            key -> {
              Instant now = Instant.now();
              if (key.lastUsedAt == null
                  || key.lastUsedAt.isBefore(now.minus(LAST_USE_PRECISION))) {
                key.lastUsedAt = now.truncatedTo(ChronoUnit.MICROS);
              }
              return new Actor(ACTOR_PREFIX + key.id, null);
            });
  }

  private static Object describe(PlatformApiKey key) {
    return Map.of("name", key.name, "prefix", key.prefix, "revoked", key.revokedAt != null);
  }
}
