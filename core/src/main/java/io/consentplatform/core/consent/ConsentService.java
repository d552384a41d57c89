package io.consentplatform.core.consent;

import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.policy.BannerConfig;
import io.consentplatform.core.policy.CurrentPolicies;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.policy.PolicySnapshot;
import io.consentplatform.core.policy.PolicySnapshot.CategoryEntry;
import io.consentplatform.core.policy.PolicyVersion;
import io.consentplatform.core.policy.PublishedPolicy;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Records visitors' decisions as proof of consent, checked against the version they saw. */
@ApplicationScoped
public class ConsentService {

  private final PolicyService policies;
  private final CurrentPolicies current;
  private final ConsentWriter writer;
  private final VisitorTokens tokens;

  public ConsentService(
      PolicyService policies, CurrentPolicies current, ConsentWriter writer, VisitorTokens tokens) {
    this.policies = policies;
    this.current = current;
    this.writer = writer;
    this.tokens = tokens;
  }

  /**
   * Checks a decision against the policy version it names and stores it. Returns only once the
   * record is committed, so that an acknowledged decision is never lost; concurrent decisions share
   * their commit ({@link ConsentWriter}).
   *
   * @return the stored record, detached, with its policy version's number and hash
   * @throws NotFound when the site does not exist
   * @throws Rejected when the decision does not fit the version (unknown or missing category, a
   *     required category refused, a version that is not this site's)
   * @throws VisitorTokenRefused when the decision names a visitor id without that visitor's token
   */
  public ConsentRecord recordDecision(String siteKey, Decision decision) {
    try {
      return store(siteKey, policyOf(siteKey, decision.policyVersion()), decision).join();
    } catch (CompletionException e) {
      throw unwrapped(e);
    }
  }

  /**
   * Records a decision with no query at all, when memory holds the version it names (the site's
   * current one): the path of the I/O thread, which must never wait. Empty when memory cannot tell,
   * and nothing is recorded then: {@link #recordDecision} on a worker thread finds out.
   *
   * @return the record once committed; the future fails with the database's error
   * @throws Rejected, VisitorTokenRefused as {@link #recordDecision} does, before anything is
   *     queued
   */
  public Optional<CompletableFuture<ConsentRecord>> recordFromMemory(
      String siteKey, Decision decision) {
    return current
        .known(siteKey)
        .filter(policy -> policy.number() == decision.policyVersion())
        .map(policy -> store(siteKey, policy, decision));
  }

  /** What a failed write means to the caller: the database's own error where there is one. */
  public static RuntimeException unwrapped(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    return cause instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException("Recording a decision failed", cause);
  }

  private CompletableFuture<ConsentRecord> store(
      String siteKey, PublishedPolicy policy, Decision decision) {
    // Anyone who has seen a visitor id (a forwarded receipt, an export) could otherwise decide in
    // that visitor's name, and the visitor's own decision would read superseded.
    if (decision.visitorId() != null
        && !tokens.accepts(siteKey, decision.visitorId(), decision.visitorToken())) {
      throw new VisitorTokenRefused();
    }
    String language =
        decision.language() == null
            ? policy.snapshot().site().defaultLanguage()
            : decision.language();
    if (!policy.snapshot().site().languages().contains(language)) {
      throw new Rejected("lang", "The site is not offered in language " + language);
    }

    ConsentRecord record = new ConsentRecord();
    record.id = RandomIds.next();
    // What the receipt shows of the version comes from memory: nothing is read to record.
    PolicyVersion version = new PolicyVersion();
    version.id = policy.versionId();
    version.number = policy.number();
    version.contentHash = policy.contentHash();
    record.policyVersion = version;
    record.visitorId = decision.visitorId() != null ? decision.visitorId() : RandomIds.next();
    record.action = decision.action();
    record.method = decision.method();
    record.choices = effectiveChoices(policy.snapshot(), decision);
    record.language = language;
    record.gpc = decision.gpc();
    record.region = decision.region() == null ? null : decision.region().code();
    record.experience =
        BannerConfig.experienceFor(policy.snapshot(), Optional.ofNullable(decision.region()));
    if (record.method == ConsentMethod.SIGNAL) {
      signalled(policy.snapshot(), record);
    }
    // PostgreSQL keeps microseconds: truncate so that the receipt shows what the row holds.
    record.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    record.userAgentFamily = UserAgents.family(decision.userAgent());
    record.ipTruncated = ClientAddresses.truncate(decision.clientAddress());
    return writer.write(record, policy.siteId(), policy.versionId()).thenApply(written -> record);
  }

  /**
   * A decision the banner made by itself from Global Privacy Control stands only for what the
   * signal means where the visitor gets an opt-out: no sale, sharing or targeted advertising.
   * Anywhere else, or claiming more than that, nobody chose it.
   *
   * @throws Rejected naming {@code method}
   */
  private static void signalled(PolicySnapshot snapshot, ConsentRecord record) {
    if (!record.gpc) {
      throw new Rejected("method", "A signal decision needs the Global Privacy Control signal");
    }
    if (record.experience != Experience.OPT_OUT) {
      throw new Rejected(
          "method", "A signal decision applies only where the visitor's region gets opt-out");
    }
    for (CategoryEntry category : snapshot.categories()) {
      if (category.purpose() == Purpose.MARKETING
          && Boolean.TRUE.equals(record.choices.get(category.key()))) {
        throw new Rejected(
            "method", "A signal decision refuses every marketing category: " + category.key());
      }
    }
  }

  /**
   * The version a decision names. Nearly always the current one, which every instance keeps in
   * memory; an older version (a visitor who saw the banner just before a publication) is read.
   */
  private PublishedPolicy policyOf(String siteKey, int number) {
    return current
        .of(siteKey)
        .filter(policy -> policy.number() == number)
        .or(() -> policies.version(siteKey, number))
        .orElseThrow(
            () -> {
              if (Site.findByKey(siteKey).isEmpty()) {
                return new NotFound("Site " + siteKey);
              }
              return new Rejected(
                  "policyVersion",
                  "Version " + number + " is not a published version of site " + siteKey);
            });
  }

  /** A site's recorded decision; empty for another site's id. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<RecordedDecision> find(String siteKey, UUID consentId) {
    return Site.findByKey(siteKey)
        .flatMap(site -> ConsentRecord.findForSite(site, consentId))
        .map(RecordedDecision::of);
  }

  /**
   * What the decision means today for one category, for a tenant's back end deciding whether it may
   * set a cookie.
   *
   * @throws NotFound when the site has no such decision
   * @throws Rejected when the decision's version has no such category
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ConsentStatus status(String siteKey, UUID consentId, String category, Instant now) {
    ConsentRecord record =
        Site.findByKey(siteKey)
            .flatMap(site -> ConsentRecord.findForSite(site, consentId))
            .orElseThrow(() -> new NotFound("Consent " + consentId));
    Boolean granted = record.choices.get(category);
    if (granted == null) {
      throw new Rejected("category", "The decision's policy version has no category " + category);
    }
    // Only a version that asked visitors again supersedes a decision; one that changed texts only
    // leaves it standing, as the banner does.
    int consentRevision =
        PolicyVersion.findLatest(record.site)
            .map(v -> v.consentRevision)
            .orElse(record.policyVersion.number);
    boolean decidedAgain =
        ConsentRecord.count(
                "site = ?1 and visitorId = ?2 and recordedAt > ?3",
                record.site,
                record.visitorId,
                record.recordedAt)
            > 0;
    if (record.policyVersion.number < consentRevision || decidedAgain) {
      return ConsentStatus.SUPERSEDED;
    }
    // A refusal stands longer than a consent, as the banner keeps it (PreferenceCookie).
    int lifetimeDays =
        policyOf(siteKey, record.policyVersion.number)
                .snapshot()
                .refusesEveryOptional(record.choices)
            ? record.site.refusalLifetimeDays
            : record.site.consentLifetimeDays;
    if (record.recordedAt.plus(lifetimeDays, ChronoUnit.DAYS).isBefore(now)) {
      return ConsentStatus.EXPIRED;
    }
    return granted ? ConsentStatus.GRANTED : ConsentStatus.DENIED;
  }

  /**
   * The choice for every category of the version. For the all-or-nothing actions, choices the
   * client sent must agree with the action; for a custom decision, every category must be named.
   */
  static Map<String, Boolean> effectiveChoices(PolicySnapshot snapshot, Decision decision) {
    Map<String, Boolean> sent = decision.choices() == null ? Map.of() : decision.choices();
    Set<String> unknown = new TreeSet<>(sent.keySet());
    snapshot.categories().forEach(c -> unknown.remove(c.key()));
    if (!unknown.isEmpty()) {
      throw new Rejected("choices", "Unknown categories: " + String.join(", ", unknown));
    }
    Map<String, Boolean> choices = new LinkedHashMap<>();
    for (CategoryEntry category : snapshot.categories()) {
      Boolean implied =
          switch (decision.action()) {
            case ACCEPT_ALL -> true;
            case REJECT_ALL, WITHDRAW -> category.required();
            case CUSTOM -> null;
          };
      Boolean chosen = sent.get(category.key());
      if (chosen == null && implied == null) {
        throw new Rejected("choices", "No choice for category " + category.key());
      }
      if (chosen != null && implied != null && !chosen.equals(implied)) {
        throw new Rejected(
            "choices",
            "Category " + category.key() + " contradicts the action " + decision.action());
      }
      boolean granted = chosen != null ? chosen : implied;
      if (category.required() && !granted) {
        throw new Rejected("choices", "Category " + category.key() + " is required");
      }
      choices.put(category.key(), granted);
    }
    return choices;
  }
}
