package io.consentplatform.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.db.DomainJson;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.hash.Sha256;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.SiteArchived;
import io.consentplatform.core.webhook.WebhookEvents;
import io.consentplatform.core.webhook.WebhookOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Publishes policy versions and reads the published ones. */
@ApplicationScoped
@TenantScoped
public class PolicyService {

  private final EntityManager entityManager;
  private final Event<PolicyPublished> published;

  public PolicyService(EntityManager entityManager, Event<PolicyPublished> published) {
    this.entityManager = entityManager;
    this.published = published;
  }

  /**
   * Freezes the site's current declarations as its next policy version; visitors are asked again
   * only when {@link ReconsentRule} finds a material change.
   *
   * @throws Conflict when nothing changed since the latest version
   */
  @Transactional
  public PublishedPolicy publish(long siteId, String publishedBy) {
    return publish(siteId, publishedBy, false);
  }

  /**
   * Freezes the site's current declarations as its next policy version. Visitors who decided on an
   * earlier version are asked again when this is the first version, when {@link ReconsentRule}
   * finds a material change, or when {@code forceReconsent}; otherwise their decisions stand.
   *
   * @throws Conflict when nothing changed since the latest version
   */
  @Transactional
  public PublishedPolicy publish(long siteId, String publishedBy, boolean forceReconsent) {
    return publish(siteId, publishedBy, null, forceReconsent);
  }

  /**
   * Publishes as {@link #publish(long, String, boolean)} does, recording the e-mail shown for the
   * publisher beside who they are.
   */
  @Transactional
  public PublishedPolicy publish(
      long siteId, String publishedBy, String publishedByEmail, boolean forceReconsent) {
    // The lock serialises concurrent publications of one site, so numbers never collide.
    Site site =
        Site.<Site>findByIdOptional(siteId, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> new NotFound("Site " + siteId));
    if (site.isArchived()) {
      throw new Conflict("Site " + site.key + " is archived: bring it back before publishing");
    }
    PolicySnapshot draft = SnapshotBuilder.snapshotOf(site);
    String snapshot = canonicalJson(draft);
    String hash = Sha256.hex(snapshot);
    Optional<PolicyVersion> latest = PolicyVersion.findLatest(site);
    if (latest.isPresent() && sameContent(latest.get(), snapshot)) {
      throw new Conflict("Nothing changed since version " + latest.get().number);
    }
    PolicyVersion version = new PolicyVersion();
    version.site = site;
    version.number = latest.map(v -> v.number + 1).orElse(1);
    version.consentRevision =
        latest.isEmpty()
                || forceReconsent
                || !ReconsentRule.changes(PublishedPolicy.of(latest.get()).snapshot(), draft)
                    .isEmpty()
            ? version.number
            : latest.get().consentRevision;
    version.snapshot = snapshot;
    version.contentHash = hash;
    version.publishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    version.publishedBy = publishedBy;
    version.publishedByEmail = publishedByEmail;
    version.persist();
    // Delivered on commit to every instance, this one included; the event covers this instance
    // at once, without waiting for the notification to come back.
    entityManager
        .createNativeQuery("select pg_notify(?1, ?2)")
        .setParameter(1, PolicyPublished.CHANNEL)
        .setParameter(2, site.key)
        .getSingleResult();
    WebhookOutbox.emit(
        entityManager,
        site.tenant.id,
        site.id,
        WebhookEvents.POLICY_PUBLISHED,
        version.publishedAt,
        publishedEvent(site, version));
    published.fire(new PolicyPublished(site.key, version.number));
    return PublishedPolicy.of(version);
  }

  /**
   * The version visitors of the site are asked about now, if it was ever published.
   *
   * @throws SiteArchived when its owner archived the site: its visitors are asked nothing
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PublishedPolicy> current(String siteKey) {
    Optional<Site> site = Site.findByKey(siteKey);
    if (site.isPresent() && site.get().isArchived()) {
      throw SiteArchived.of(site.get());
    }
    return site.flatMap(PolicyVersion::findLatest).map(PublishedPolicy::of);
  }

  /** A given version of the site. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PublishedPolicy> version(String siteKey, int number) {
    return Site.findByKey(siteKey)
        .flatMap(site -> PolicyVersion.findByNumber(site, number))
        .map(PublishedPolicy::of);
  }

  /**
   * Whether {@code version} holds the same content as the canonical JSON {@code snapshot}. The
   * version is compared as read back, not by its stored hash: a version published before a field
   * left the snapshot (the declared domains) still hashes that field, and must not count as changed
   * for it.
   */
  static boolean sameContent(PolicyVersion version, String snapshot) {
    return version.snapshot.equals(snapshot)
        || canonicalJson(PublishedPolicy.of(version).snapshot()).equals(snapshot);
  }

  static String canonicalJson(PolicySnapshot snapshot) {
    try {
      return DomainJson.mapper().writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a {@code policy.published} webhook says: the version as the versions API shows it. */
  private static Map<String, Object> publishedEvent(Site site, PolicyVersion version) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("site", site.key);
    data.put("version", version.number);
    data.put("contentHash", version.contentHash);
    data.put("consentRevision", version.consentRevision);
    data.put("publishedAt", version.publishedAt.toString());
    return data;
  }
}
