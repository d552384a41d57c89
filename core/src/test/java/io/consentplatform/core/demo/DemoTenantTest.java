package io.consentplatform.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.policy.PolicySnapshot;
import io.consentplatform.core.policy.PolicySnapshot.CookieEntry;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Tenant;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class DemoTenantTest {

  @Inject DemoTenant demo;
  @Inject PolicyService policies;

  @Test
  void shouldPublishTheSeedsFourCookiesAsVersionOne() {
    PolicySnapshot snapshot = policies.current("townofcary").orElseThrow().snapshot();

    assertEquals(
        "Town of Cary",
        QuarkusTransaction.requiringNew()
            .call(() -> Site.findByKey("townofcary").orElseThrow().tenant.name));
    assertEquals(
        List.of("data.townofcary.org"),
        QuarkusTransaction.requiringNew()
            .call(() -> List.copyOf(Site.findByKey("townofcary").orElseThrow().domains)));
    assertEquals(
        List.of("necessary", "statistics", "internal", "third_party"),
        snapshot.categories().stream().map(PolicySnapshot.CategoryEntry::key).toList());
    assertEquals(
        List.of("sessionid", "django_language", "csrftoken", "cookies_preferences"),
        snapshot.cookiesIn("necessary").stream().map(CookieEntry::name).toList());
    CookieEntry session = snapshot.cookiesIn("necessary").get(0);
    assertEquals("Opendatasoft", session.provider());
    assertEquals(
        "Authentication (front and back office)", session.text("en", "en").functionAndLocation());
    assertEquals(
        "To remember the user from one page to another", session.text("en", "en").purposes());
    assertEquals(
        "Se souvenir de l'utilisateur d'une page à l'autre", session.text("fr", "en").purposes());
  }

  @Test
  void shouldNotDuplicateTheDemoOnAnotherStart() {
    demo.seed();
    demo.seed();

    assertEquals(
        1L, QuarkusTransaction.requiringNew().call(() -> Tenant.count("slug", "town-of-cary")));
    assertEquals(1, policies.current("townofcary").orElseThrow().number());
  }
}
