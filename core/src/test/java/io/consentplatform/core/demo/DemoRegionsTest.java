package io.consentplatform.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.site.RegionSettings;
import io.consentplatform.core.site.RegionSettingsService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A demo seeded before regions existed asks everyone first, as V20 leaves every older site; the
 * next start gives it the demo's rules and publishes them, once, unless someone chose its rules
 * since. Run on sites of their own, so that the real demo's versions stay as other tests expect.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class DemoRegionsTest {

  @Inject DemoTenant demo;
  @Inject PolicyService policies;
  @Inject RegionSettingsService regions;

  @Test
  void shouldGiveAnOlderDemoItsRulesAndPublishThemOnce() {
    long site = seededBeforeRegions("demo-regions-old");

    QuarkusTransaction.requiringNew().run(() -> demo.giveRegionRules("demo-regions-old"));
    QuarkusTransaction.requiringNew().run(() -> demo.giveRegionRules("demo-regions-old"));

    var current = policies.current("demo-regions-old").orElseThrow();
    assertEquals(2, current.number(), "published once");
    assertEquals(RegionRules.DEMO, current.snapshot().site().regionRules());
    assertEquals(
        RegionRules.DEMO,
        QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).regionRules));
  }

  @Test
  void shouldLeaveRulesSomeoneChoseAlone() {
    long site = seededBeforeRegions("demo-regions-chosen");
    Caller owner = new Caller(tenantOf(site), "owner@demo-regions.example", Role.OWNER);
    regions.update(owner, site, new RegionSettings(List.of(), Experience.NOTICE, 184), null);
    // Back to asking everyone first, by choice this time.
    regions.update(owner, site, new RegionSettings(List.of(), Experience.OPT_IN, 184), null);

    QuarkusTransaction.requiringNew().run(() -> demo.giveRegionRules("demo-regions-chosen"));

    assertEquals(1, policies.current("demo-regions-chosen").orElseThrow().number());
    assertEquals(
        RegionRules.EVERYWHERE_OPT_IN,
        QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).regionRules));
  }

  private long seededBeforeRegions(String key) {
    long site = SiteFixture.create(key);
    QuarkusTransaction.requiringNew()
        .run(() -> Site.<Site>findById(site).regionRules = RegionRules.EVERYWHERE_OPT_IN);
    policies.publish(site, "demo");
    return site;
  }

  private static long tenantOf(long site) {
    return QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).tenant.id);
  }
}
