package io.consentplatform.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class PolicyPublicationTest {

  @Inject PolicyService policies;

  @Test
  void shouldNumberVersionsAndFreezeEachOne() {
    long siteId = SiteFixture.create("publish-twice");
    PublishedPolicy first = policies.publish(siteId, "test");

    renameCookie(siteId, "statistics_cookie", "_stats");
    PublishedPolicy second = policies.publish(siteId, "test");

    assertEquals(1, first.number());
    assertEquals(2, second.number());
    assertNotEquals(first.contentHash(), second.contentHash());
    PublishedPolicy firstAgain = policies.version("publish-twice", 1).orElseThrow();
    assertEquals(first.contentHash(), firstAgain.contentHash());
    assertTrue(
        firstAgain.snapshot().cookies().stream()
            .anyMatch(c -> c.name().equals("statistics_cookie")));
    assertTrue(second.snapshot().cookies().stream().anyMatch(c -> c.name().equals("_stats")));
    assertEquals(2, policies.current("publish-twice").orElseThrow().number());
  }

  @Test
  void shouldRefuseToPublishWhenNothingChanged() {
    long siteId = SiteFixture.create("publish-unchanged");
    policies.publish(siteId, "test");

    Conflict refusal = assertThrows(Conflict.class, () -> policies.publish(siteId, "test"));

    assertEquals("Nothing changed since version 1", refusal.getMessage());
    assertEquals(1, policies.current("publish-unchanged").orElseThrow().number());
  }

  @Test
  void shouldHashExactlyTheStoredSnapshot() throws Exception {
    long siteId = SiteFixture.create("publish-hash");
    PublishedPolicy published = policies.publish(siteId, "test");

    String stored =
        QuarkusTransaction.requiringNew()
            .call(() -> PolicyVersion.<PolicyVersion>findById(published.versionId()).snapshot);

    // The JDK's own digest, not the platform's helper: a hash checked with itself proves nothing.
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(stored.getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, published.contentHash());
  }

  @Test
  void shouldRefuseToPublishACookieWithoutTextInTheDefaultLanguage() {
    long siteId = SiteFixture.create("publish-untranslated");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Cookie cookie =
                  Cookie.find("site.id = ?1 and name = 'marketing_cookie'", siteId).firstResult();
              cookie.texts =
                  new java.util.TreeMap<>(Map.of("fr", new CookieText("Partout", "Pub")));
            });

    Rejected refusal = assertThrows(Rejected.class, () -> policies.publish(siteId, "test"));

    assertTrue(refusal.getMessage().contains("marketing_cookie"), refusal.getMessage());
    assertTrue(policies.current("publish-untranslated").isEmpty(), "nothing was published");
  }

  @Test
  void shouldNeverLetThePublishedVersionChange() throws SQLException {
    long siteId = SiteFixture.create("publish-immutable");
    PublishedPolicy published = policies.publish(siteId, "test");

    // As the superuser, whom privileges do not stop: the table's own trigger refuses (the
    // application's role may not even try, RuntimeRoleTest).
    try (Connection connection = PostgresResource.superuser();
        Statement statement = connection.createStatement()) {
      SQLException update =
          assertThrows(
              SQLException.class,
              () ->
                  statement.executeUpdate(
                      "update policy_version set published_by = 'mallory' where id = "
                          + published.versionId()));
      SQLException delete =
          assertThrows(
              SQLException.class,
              () ->
                  statement.executeUpdate(
                      "delete from policy_version where id = " + published.versionId()));
      assertTrue(update.getMessage().contains("immutable"), update.getMessage());
      assertTrue(delete.getMessage().contains("immutable"), delete.getMessage());
    }
    PublishedPolicy after = policies.version("publish-immutable", 1).orElseThrow();
    assertEquals(published.contentHash(), after.contentHash());
    assertEquals(published.snapshot(), after.snapshot());
  }

  private static void renameCookie(long siteId, String from, String to) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site site = Site.findById(siteId);
              Cookie cookie = Cookie.find("site = ?1 and name = ?2", site, from).firstResult();
              cookie.name = to;
            });
  }
}
