package io.consentplatform.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.policy.PublishedPolicy;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class ConsentRulesTest {

  private static final String CHROME =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

  @Inject ConsentService consents;
  @Inject PolicyService policies;
  @Inject DataSource dataSource;
  @Inject VisitorTokens tokens;

  @Test
  void shouldRecordACustomDecisionWithItsContext() {
    PublishedPolicy policy = publishedSite("consent-custom");
    UUID visitor = UUID.randomUUID();

    ConsentRecord record =
        consents.recordDecision(
            "consent-custom",
            new Decision(
                visitor,
                1,
                ConsentAction.CUSTOM,
                Map.of("necessary", true, "statistics", true, "marketing", false),
                "fr",
                ConsentMethod.SETTINGS,
                true,
                CHROME,
                "203.0.113.77",
                tokens.issue("consent-custom", visitor)));

    ConsentRecord stored = reload(record.id);
    assertEquals(visitor, stored.visitorId);
    assertEquals(Map.of("necessary", true, "statistics", true, "marketing", false), stored.choices);
    assertEquals(policy.versionId(), stored.policyVersion.id);
    assertEquals("fr", stored.language);
    assertTrue(stored.gpc);
    assertEquals("Chrome", stored.userAgentFamily);
    assertEquals("203.0.113.0", stored.ipTruncated, "the host part of the address is not kept");
    assertEquals(record.recordedAt, stored.recordedAt);
  }

  @Test
  void shouldKeepOnlyTheNetworkPartOfAnIpv6Address() {
    publishedSite("consent-ipv6");

    ConsentRecord record =
        record(
            "consent-ipv6",
            ConsentAction.ACCEPT_ALL,
            Map.of(),
            "2001:db8:85a3:8d3:1319:8a2e:370:7348");

    assertEquals("2001:db8:85a3:0:0:0:0:0", reload(record.id).ipTruncated);
  }

  @Test
  void shouldGiveAFirstTimeVisitorARandomId() {
    publishedSite("consent-new-visitor");

    ConsentRecord first =
        record("consent-new-visitor", ConsentAction.ACCEPT_ALL, Map.of(), "10.1.2.3");
    ConsentRecord second =
        record("consent-new-visitor", ConsentAction.ACCEPT_ALL, Map.of(), "10.1.2.3");

    assertFalse(first.visitorId.equals(second.visitorId), "the id never derives from the address");
  }

  @Test
  void shouldRefuseARequiredCategory() {
    publishedSite("consent-required");

    Rejected refusal =
        assertThrows(
            Rejected.class,
            () ->
                record(
                    "consent-required",
                    ConsentAction.CUSTOM,
                    Map.of("necessary", false, "statistics", false, "marketing", false),
                    null));

    assertEquals("Category necessary is required", refusal.getMessage());
    assertEquals(0, countFor("consent-required"));
  }

  @Test
  void shouldRefuseUnknownAndMissingCategories() {
    publishedSite("consent-categories");

    Rejected unknown =
        assertThrows(
            Rejected.class,
            () ->
                record(
                    "consent-categories",
                    ConsentAction.CUSTOM,
                    Map.of("necessary", true, "statistics", true, "marketing", true, "ads", true),
                    null));
    Rejected missing =
        assertThrows(
            Rejected.class,
            () ->
                record(
                    "consent-categories",
                    ConsentAction.CUSTOM,
                    Map.of("necessary", true, "statistics", true),
                    null));
    Rejected contradiction =
        assertThrows(
            Rejected.class,
            () ->
                record(
                    "consent-categories",
                    ConsentAction.REJECT_ALL,
                    Map.of("statistics", true),
                    null));

    assertEquals("Unknown categories: ads", unknown.getMessage());
    assertEquals("No choice for category marketing", missing.getMessage());
    assertEquals("choices", contradiction.field());
    assertEquals(0, countFor("consent-categories"));
  }

  @Test
  void shouldRefuseAVersionThatIsNotThisSites() {
    publishedSite("consent-own-version");
    SiteFixture.create("consent-unpublished");

    Rejected otherVersion =
        assertThrows(
            Rejected.class,
            () ->
                consents.recordDecision(
                    "consent-own-version",
                    new Decision(
                        null,
                        2,
                        ConsentAction.ACCEPT_ALL,
                        Map.of(),
                        "en",
                        ConsentMethod.BANNER,
                        false,
                        null,
                        null)));
    Rejected unpublished =
        assertThrows(
            Rejected.class,
            () -> record("consent-unpublished", ConsentAction.ACCEPT_ALL, Map.of(), null));
    assertThrows(
        NotFound.class, () -> record("no-such-site", ConsentAction.ACCEPT_ALL, Map.of(), null));

    assertEquals("policyVersion", otherVersion.field());
    assertEquals("policyVersion", unpublished.field());
    assertEquals(0, countFor("consent-own-version") + countFor("consent-unpublished"));
  }

  @Test
  void shouldLetTheDatabaseRefuseAConsentOnAnotherSitesVersion() throws SQLException {
    PublishedPolicy mine = publishedSite("consent-fk-mine");
    PublishedPolicy theirs = publishedSite("consent-fk-theirs");

    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      SQLException refusal =
          assertThrows(
              SQLException.class,
              () ->
                  statement.executeUpdate(
                      "insert into consent_record (id, site_id, policy_version_id, visitor_id,"
                          + " action, method, choices, language, recorded_at) values ('"
                          + UUID.randomUUID()
                          + "', "
                          + mine.siteId()
                          + ", "
                          + theirs.versionId()
                          + ", '"
                          + UUID.randomUUID()
                          + "', 'ACCEPT_ALL', 'API', '{}', 'en', now())"));
      assertTrue(refusal.getMessage().contains("foreign key"), refusal.getMessage());
    }
  }

  @Test
  void shouldRefuseADecisionInAVisitorsNameWithoutThatVisitorsToken() {
    publishedSite("consent-token");
    publishedSite("consent-token-other");
    ConsentRecord first = record("consent-token", ConsentAction.ACCEPT_ALL, Map.of(), null);
    // Whoever read the visitor id in a receipt or an export: no token, a made-up one, another
    // visitor's, the same visitor's on another site.
    List<String> notTheirs =
        Arrays.asList(
            null,
            "",
            "garbage",
            tokens.issue("consent-token", UUID.randomUUID()),
            tokens.issue("consent-token-other", first.visitorId));

    for (String token : notTheirs) {
      assertThrows(
          VisitorTokenRefused.class,
          () ->
              consents.recordDecision(
                  "consent-token",
                  new Decision(
                      first.visitorId,
                      1,
                      ConsentAction.WITHDRAW,
                      null,
                      null,
                      ConsentMethod.SETTINGS,
                      false,
                      null,
                      null,
                      token)),
          "token " + token);
    }
    assertEquals(1, countFor("consent-token"), "nothing was stored in the visitor's name");
  }

  @Test
  void shouldRecordAWithdrawalAsARefusalOfEverythingOptional() {
    publishedSite("consent-withdraw");
    ConsentRecord accepted = record("consent-withdraw", ConsentAction.ACCEPT_ALL, Map.of(), null);

    ConsentRecord withdrawn =
        consents.recordDecision(
            "consent-withdraw",
            new Decision(
                accepted.visitorId,
                1,
                ConsentAction.WITHDRAW,
                null,
                null,
                ConsentMethod.SETTINGS,
                false,
                null,
                null,
                tokens.issue("consent-withdraw", accepted.visitorId)));

    assertEquals(
        Map.of("necessary", true, "statistics", true, "marketing", true),
        reload(accepted.id).choices);
    assertEquals(
        Map.of("necessary", true, "statistics", false, "marketing", false),
        reload(withdrawn.id).choices);
    assertEquals(2, countFor("consent-withdraw"), "a withdrawal adds a record, it changes none");
  }

  @Test
  void shouldNeverLetARecordChange() throws SQLException {
    publishedSite("consent-append-only");
    ConsentRecord record = record("consent-append-only", ConsentAction.REJECT_ALL, Map.of(), null);

    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertThrows(
          SQLException.class,
          () ->
              statement.executeUpdate(
                  "update consent_record set choices = '{\"statistics\": true}' where id = '"
                      + record.id
                      + "'"));
      assertThrows(
          SQLException.class,
          () ->
              statement.executeUpdate("delete from consent_record where id = '" + record.id + "'"));
    }
    assertEquals(
        Map.of("necessary", true, "statistics", false, "marketing", false),
        reload(record.id).choices);
  }

  @Test
  void shouldRefuseALanguageTheSiteDoesNotOffer() {
    publishedSite("consent-language");

    Rejected refusal =
        assertThrows(
            Rejected.class,
            () ->
                consents.recordDecision(
                    "consent-language",
                    new Decision(
                        null,
                        1,
                        ConsentAction.ACCEPT_ALL,
                        null,
                        "de",
                        ConsentMethod.BANNER,
                        false,
                        null,
                        null)));

    assertEquals("lang", refusal.field());
    assertEquals(0, countFor("consent-language"));
  }

  @Test
  void shouldStoreNoAddressWhenTheTextIsNotOne() {
    publishedSite("consent-no-address");

    ConsentRecord record =
        record("consent-no-address", ConsentAction.ACCEPT_ALL, Map.of(), "localhost");

    assertNull(reload(record.id).ipTruncated);
  }

  @Test
  void shouldCallADecisionExpiredOnceTheSitesLifetimeHasPassed() {
    publishedSite("consent-expiry");
    ConsentRecord record = record("consent-expiry", ConsentAction.ACCEPT_ALL, Map.of(), null);

    ConsentStatus fresh =
        consents.status(
            "consent-expiry",
            record.id,
            "statistics",
            record.recordedAt.plus(Duration.ofDays(181)));
    ConsentStatus stale =
        consents.status(
            "consent-expiry",
            record.id,
            "statistics",
            record.recordedAt.plus(Duration.ofDays(183)));

    assertEquals(ConsentStatus.GRANTED, fresh);
    assertEquals(ConsentStatus.EXPIRED, stale);
  }

  @Test
  void shouldKeepARefusalDeniedPastTheConsentLifetimeUntilTheRefusalIntervalEnds() {
    // Consent lifetime 182 days (the default), refusal interval 184 (the least, six months).
    publishedSite("consent-refusal-expiry");
    ConsentRecord record =
        record("consent-refusal-expiry", ConsentAction.REJECT_ALL, Map.of(), null);

    ConsentStatus pastConsentLifetime =
        consents.status(
            "consent-refusal-expiry",
            record.id,
            "statistics",
            record.recordedAt.plus(Duration.ofDays(183)));
    ConsentStatus pastRefusalInterval =
        consents.status(
            "consent-refusal-expiry",
            record.id,
            "statistics",
            record.recordedAt.plus(Duration.ofDays(185)));

    assertEquals(ConsentStatus.DENIED, pastConsentLifetime);
    assertEquals(ConsentStatus.EXPIRED, pastRefusalInterval);
  }

  @Test
  void shouldCallADecisionOnAnOlderVersionSuperseded() {
    long siteId = SiteFixture.create("consent-superseded");
    policies.publish(siteId, "test");
    ConsentRecord record = record("consent-superseded", ConsentAction.ACCEPT_ALL, Map.of(), null);
    // A longer retention changes what the visitor agreed to: the new version asks again.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Cookie.<Cookie>find("site.id = ?1 and name = 'statistics_cookie'", siteId)
                    .firstResult()
                    .setRetention(Retention.of(13, Retention.Unit.MONTHS)));

    policies.publish(siteId, "test");

    assertEquals(
        ConsentStatus.SUPERSEDED,
        consents.status("consent-superseded", record.id, "statistics", Instant.now()));
  }

  private PublishedPolicy publishedSite(String key) {
    return policies.publish(SiteFixture.create(key), "test");
  }

  private ConsentRecord record(
      String siteKey, ConsentAction action, Map<String, Boolean> choices, String address) {
    return consents.recordDecision(
        siteKey,
        new Decision(null, 1, action, choices, "en", ConsentMethod.BANNER, false, null, address));
  }

  private static ConsentRecord reload(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ConsentRecord record = ConsentRecord.findById(id);
              Hibernate.initialize(record.policyVersion);
              return record;
            });
  }

  private static long countFor(String siteKey) {
    return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count("site.key", siteKey));
  }
}
