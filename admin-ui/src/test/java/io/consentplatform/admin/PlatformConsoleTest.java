package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.platform.PlatformOperators;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.Tenant;
import io.consentplatform.core.tenant.TenantState;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The operator console: an operator creates a tenant and sees its owner's invitation once, suspends
 * and archives it (after typing its slug); a tenant's owner meets a 403 there, and a suspended
 * tenant's owner is shown the notice and no way to edit.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class PlatformConsoleTest {

  @Inject io.consentplatform.core.tenant.LocalAccounts accounts;
  @Inject PlatformOperators operators;

  @Test
  void shouldLetAnOperatorCreateSuspendAndArchiveATenant() {
    BackOffice.person(accounts, "operator@console.example", 0, Role.OWNER);
    QuarkusTransaction.requiringNew()
        .run(() -> operators.list("local:operator@console.example", null, "test"));
    long site = SiteFixture.create("console-shop");
    BackOffice.person(accounts, "owner@console.example", site, Role.OWNER);
    BackOffice operator = BackOffice.signIn("operator@console.example");
    BackOffice owner = BackOffice.signIn("owner@console.example");

    owner.page("/admin/platform", 403);
    owner
        .submit(
            "/admin/sites",
            "/admin/platform/tenants",
            Map.of("name", "Sneaky", "slug", "sneaky", "ownerEmail", "s@s.example"))
        .then()
        .statusCode(403);
    assertFalse(exists("sneaky"));

    operator
        .request()
        .get("/admin/sites")
        .then()
        .statusCode(303)
        .header("Location", org.hamcrest.Matchers.endsWith("/admin/platform"));
    Document console = operator.page("/admin/platform", 200);
    assertTrue(console.select("#tenants tr[data-slug=t-console-shop]").size() == 1);

    var invalid =
        operator.submit(
            "/admin/platform",
            "/admin/platform/tenants",
            Map.of("name", "Bad", "slug", "Bad Slug", "ownerEmail", "x@x.example"));
    invalid.then().statusCode(422);
    assertTrue(invalid.asString().contains("lower-case letters"));
    assertFalse(exists("Bad Slug"));

    var created =
        operator.submit(
            "/admin/platform",
            "/admin/platform/tenants",
            Map.of("name", "Console Co", "slug", "console-co", "ownerEmail", "boss@co.example"));
    created.then().statusCode(200).header("Cache-Control", "no-store");
    Document shown = org.jsoup.Jsoup.parse(created.asString());
    assertTrue(shown.select("#invitation-link").text().contains("/admin/link/"));
    assertEquals(
        "This platform sends no e-mail: pass it on yourself.",
        shown.select("#invitation-mail").text());

    Element row = operator.page("/admin/platform", 200).selectFirst("tr[data-slug=console-co]");
    assertEquals("Active", row.select("td.state").text());
    assertTrue(row.text().contains("boss@co.example"), row.text());

    long tenant = tenantId("t-console-shop");
    String page = "/admin/platform/tenants/" + tenant;
    owner.submit("/admin/sites", page + "/suspend", Map.of()).then().statusCode(403);
    operator.submit(page, page + "/suspend", Map.of()).then().statusCode(303);
    assertEquals(TenantState.SUSPENDED, state("t-console-shop"));
    assertEquals(
        "Suspended",
        operator
            .page("/admin/platform", 200)
            .select("tr[data-slug=t-console-shop] td.state")
            .text());

    // Its owner reads with the notice, is offered no edit, and a forced change is refused.
    Document settings = owner.page("/admin/sites/" + site + "/settings", 200);
    assertTrue(settings.text().contains("suspended by the platform's operator"));
    owner
        .submit(
            "/admin/sites/" + site + "/archive",
            "/admin/sites/" + site + "/archive",
            Map.of("confirm", "yes"))
        .then()
        .statusCode(403);

    operator.submit(page, page + "/archive", Map.of("confirmSlug", "wrong")).then().statusCode(422);
    assertEquals(TenantState.SUSPENDED, state("t-console-shop"));
    operator
        .submit(page, page + "/archive", Map.of("confirmSlug", "t-console-shop"))
        .then()
        .statusCode(303);
    assertEquals(TenantState.ARCHIVED, state("t-console-shop"));
    assertTrue(
        QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).archivedAt != null));
  }

  private static boolean exists(String slug) {
    return QuarkusTransaction.requiringNew().call(() -> Tenant.findBySlug(slug).isPresent());
  }

  private static long tenantId(String slug) {
    return QuarkusTransaction.requiringNew().call(() -> Tenant.findBySlug(slug).orElseThrow().id);
  }

  private static TenantState state(String slug) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Tenant.findBySlug(slug).orElseThrow().state);
  }
}
