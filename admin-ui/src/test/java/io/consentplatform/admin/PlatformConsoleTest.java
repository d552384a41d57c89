package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.audit.AuditEntry;
import io.consentplatform.core.platform.OperatorView;
import io.consentplatform.core.platform.PlatformKeys;
import io.consentplatform.core.platform.PlatformOperator;
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
import java.util.List;
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
  @Inject PlatformKeys keys;

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

  @Test
  void shouldLetAnOperatorManageOperatorsAndOperatorKeys() {
    BackOffice.person(accounts, "ops@console.example", 0, Role.OWNER);
    QuarkusTransaction.requiringNew()
        .run(() -> operators.list("local:ops@console.example", null, "test"));
    long site = SiteFixture.create("console-keys");
    BackOffice.person(accounts, "member@console.example", site, Role.OWNER);
    BackOffice operator = BackOffice.signIn("ops@console.example");
    BackOffice member = BackOffice.signIn("member@console.example");

    // Neither page, nor their forms, is for a tenant's owner.
    member.page("/admin/platform/operators", 403);
    member.page("/admin/platform/api-keys", 403);
    member
        .submit(
            "/admin/sites",
            "/admin/platform/operators/local",
            Map.of("email", "member@console.example"))
        .then()
        .statusCode(403);
    member
        .submit("/admin/sites", "/admin/platform/api-keys", Map.of("name", "sneaky"))
        .then()
        .statusCode(403);
    assertFalse(listed("local:member@console.example"));

    // The console's pages link to each other.
    Document console = operator.page("/admin/platform", 200);
    assertEquals(1, console.select("nav a[href=/admin/platform/operators]").size());
    assertEquals(1, console.select("nav a[href=/admin/platform/api-keys]").size());
    assertEquals(
        1,
        operator
            .page("/admin/platform/plans", 200)
            .select("nav a[href=/admin/platform/operators]")
            .size());

    String pages = "/admin/platform/operators";
    operator
        .submit(pages, pages + "/local", Map.of("email", "not an address"))
        .then()
        .statusCode(422);
    operator
        .submit(pages, pages + "/local", Map.of("email", "helper@console.example"))
        .then()
        .statusCode(303);
    assertTrue(listed("local:helper@console.example"));
    Element added =
        operator
            .page(pages, 200)
            .selectFirst("#operators tr[data-subject=local:helper@console.example]");
    assertEquals("helper@console.example", added.select("td").get(0).text());
    assertEquals("local:ops@console.example", added.select("td").get(1).text());
    operator
        .submit(
            pages,
            pages + "/identity-provider",
            Map.of(
                "issuer", "https://idp.console.example/realms/ops", "subject", "4711", "email", ""))
        .then()
        .statusCode(303);
    assertTrue(listed("https://idp.console.example/realms/ops#4711"));
    assertEquals(
        1,
        operator
            .page(pages, 200)
            .select("tr[data-subject=https://idp.console.example/realms/ops#4711]")
            .size());
    assertTrue(audited("create", "local:helper@console.example"));

    operator
        .submit(pages, pages + "/remove", Map.of("subject", "local:helper@console.example"))
        .then()
        .statusCode(303);
    assertFalse(listed("local:helper@console.example"));
    assertTrue(audited("delete", "local:helper@console.example"));
    assertEquals(
        0,
        operator.page(pages, 200).select("tr[data-subject=local:helper@console.example]").size());

    // Alone on the list (others' entries put back afterwards), removing oneself is refused.
    List<OperatorView> others =
        QuarkusTransaction.requiringNew().call(operators::all).stream()
            .filter(o -> !o.subject().equals("local:ops@console.example"))
            .toList();
    try {
      for (OperatorView other : others) {
        operator
            .submit(pages, pages + "/remove", Map.of("subject", other.subject()))
            .then()
            .statusCode(303);
      }
      var refused =
          operator.submit(pages, pages + "/remove", Map.of("subject", "local:ops@console.example"));
      refused.then().statusCode(409);
      assertEquals(
          "The last operator on the list cannot be removed: add another one first.",
          org.jsoup.Jsoup.parse(refused.asString()).select("#operators-error").text());
      assertTrue(listed("local:ops@console.example"));
    } finally {
      QuarkusTransaction.requiringNew()
          .run(() -> others.forEach(o -> operators.list(o.subject(), o.email(), o.addedBy())));
    }

    // A key's secret is shown on the answer that creates it, then only its prefix.
    String keysPage = "/admin/platform/api-keys";
    operator.submit(keysPage, keysPage, Map.of("name", " ")).then().statusCode(422);
    var created = operator.submit(keysPage, keysPage, Map.of("name", "billing sync"));
    created.then().statusCode(200).header("Cache-Control", "no-store");
    Document once = org.jsoup.Jsoup.parse(created.asString());
    String secret = once.select("#operator-key-secret").text();
    assertTrue(secret.startsWith("cpo_"), secret);
    assertTrue(once.select("#secret-once").text().contains("will not be shown again"));
    Document later = operator.page(keysPage, 200);
    assertFalse(later.html().contains(secret));
    Element row =
        later.select("#operator-keys tr").stream()
            .filter(r -> r.text().startsWith("billing sync"))
            .findFirst()
            .orElseThrow();
    String prefix = row.select("td.prefix").text().replace("…", "");
    assertTrue(prefix.length() >= 8 && secret.startsWith(prefix), prefix);
    assertTrue(row.select("td").get(2).text().contains("never"), row.text());
    assertTrue(keys.authenticate(secret).isPresent());
    String keyId = row.attr("data-key");
    Element used =
        operator.page(keysPage, 200).selectFirst("#operator-keys tr[data-key=" + keyId + "]");
    assertEquals(1, used.select("td").get(2).select("time").size(), used.text());

    member
        .submit("/admin/sites", keysPage + "/" + keyId + "/revoke", Map.of())
        .then()
        .statusCode(403);
    assertTrue(keys.authenticate(secret).isPresent());
    operator.submit(keysPage, keysPage + "/" + keyId + "/revoke", Map.of()).then().statusCode(303);
    assertTrue(keys.authenticate(secret).isEmpty());
    Element revoked =
        operator.page(keysPage, 200).selectFirst("#operator-keys tr[data-key=" + keyId + "]");
    assertTrue(revoked.select("td.state").text().startsWith("revoked"), revoked.text());
    assertEquals(0, revoked.select("form").size());

    // In French too.
    Document french = operator.speaking("fr").page(pages, 200);
    assertEquals("Opérateurs", french.select("h1").text());
    assertEquals(
        "Clés d'opérateur", operator.speaking("fr").page(keysPage, 200).select("h1").text());
  }

  private static boolean listed(String subject) {
    return QuarkusTransaction.requiringNew()
        .call(() -> PlatformOperator.findByIdOptional(subject).isPresent());
  }

  private static boolean audited(String action, String subject) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                AuditEntry.count(
                        "tenantId is null and action = ?1 and entity = ?2 and entityId = ?3",
                        action,
                        "platform-operator",
                        subject)
                    > 0);
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
