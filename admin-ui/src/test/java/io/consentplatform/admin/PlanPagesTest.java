package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Plans in the back office: every member sees the tenant's plan and usage; a limit refuses in the
 * person's language naming it; a tenant over its decisions is told on its pages; operators define
 * plans, give them to tenants and read every tenant's usage, and nobody else may.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class PlanPagesTest {

  @Inject LocalAccounts accounts;
  @Inject DataSource dataSource;

  @Test
  void shouldShowThePlanRefuseBeyondItAndTellATenantOverItsDecisions() throws Exception {
    long site = SiteFixture.create("plan-pages");
    long tenant = QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).tenant.id);
    BackOffice.person(accounts, "owner@plan-pages.example", site, Role.OWNER);
    BackOffice owner = BackOffice.signIn("owner@plan-pages.example");

    assertEquals(1, owner.page("/admin/sites", 200).select("nav a[href=/admin/plan]").size());
    Document plan = owner.page("/admin/plan", 200);
    assertTrue(plan.select("#plan-limits").text().contains("No limit"), plan.text());
    assertEquals(0, plan.select("#plan-over-quota").size());

    sql(
        "insert into plan (code, name, max_sites, max_decisions_per_month)"
            + " values ('pages-tiny', 'Tiny', 1, 2)");
    sql("update tenant set plan = 'pages-tiny' where id = " + tenant);

    Response refused =
        owner.submit(
            "/admin/sites",
            "/admin/sites",
            Map.of(
                "key", "plan-pages-two",
                "name", "Two",
                "languages", "en",
                "defaultLanguage", "en",
                "consentLifetimeDays", "180"));
    assertEquals(403, refused.statusCode());
    assertTrue(
        refused.asString().contains("Your plan pages-tiny does not allow this (max-sites)"),
        refused.asString());
    Response refusedInFrench =
        owner
            .speaking("fr")
            .submit(
                "/admin/sites",
                "/admin/sites",
                Map.of(
                    "key", "plan-pages-two",
                    "name", "Two",
                    "languages", "en",
                    "defaultLanguage", "en",
                    "consentLifetimeDays", "180"));
    assertEquals(403, refusedInFrench.statusCode());
    assertTrue(
        Jsoup.parse(refusedInFrench.asString())
            .text()
            .contains("Votre offre pages-tiny ne permet pas cela (max-sites)"));

    // Three decisions metered this month, over the plan's two: told, nothing refused.
    sql(
        "insert into usage_day (site_id, day, decisions) values ("
            + site
            + ", (now() at time zone 'UTC')::date, 3)");
    Document sites = owner.page("/admin/sites", 200);
    assertEquals(1, sites.select("#over-quota").size(), "the frame tells the tenant");
    Document over = owner.page("/admin/plan", 200);
    assertEquals("3", over.select("#used-decisions").text());
    assertEquals(1, over.select("#plan-over-quota").size());

    // Not an operator: the console's plans are not for them.
    owner.page("/admin/platform/plans", 403);
    owner.page("/admin/platform/usage", 403);
  }

  @Test
  void shouldLetAnOperatorDefinePlansGiveThemAndReadUsage() throws Exception {
    long site = SiteFixture.create("plan-console");
    long tenant = QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).tenant.id);
    BackOffice.person(accounts, "operator@plan-console.example", site, Role.OWNER);
    sql(
        "insert into platform_operator (subject, email, added_by) values"
            + " ('local:operator@plan-console.example', 'operator@plan-console.example', 'test')");
    BackOffice operator = BackOffice.signIn("operator@plan-console.example");

    Response created =
        operator.submit(
            "/admin/platform/plans",
            "/admin/platform/plans",
            Map.of(
                "code", "console-pro",
                "name", "Pro",
                "maxSites", "10",
                "maxMembers", "",
                "features", "scanner"));
    assertEquals(303, created.statusCode(), created.asString());
    Document plans = operator.page("/admin/platform/plans", 200);
    assertTrue(plans.select("#plans").text().contains("console-pro"), plans.text());
    Response invalid =
        operator.submit(
            "/admin/platform/plans",
            "/admin/platform/plans",
            Map.of("code", "console-bad", "name", "Bad", "maxSites", "many"));
    assertEquals(422, invalid.statusCode());

    String assignPage = "/admin/platform/tenants/" + tenant + "/plan";
    assertEquals(
        303, operator.submit(assignPage, assignPage, Map.of("plan", "console-pro")).statusCode());
    Document assigned = operator.page(assignPage, 200);
    assertEquals("console-pro", assigned.select("#plan option[selected]").attr("value"));

    Document usage = operator.page("/admin/platform/usage", 200);
    assertTrue(usage.select("#usage-" + slugOf(site)).text().contains("console-pro"));
    Response csv = operator.request().get("/admin/platform/usage.csv");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.asString().startsWith("tenant_id,slug,name,plan,month,"), csv.asString());
    operator.page("/admin/platform/usage?month=soon", 422);

    // The configuration's "unlimited"-like plans stay editable only when not from configuration.
    sql("update plan set from_configuration = true where code = 'console-pro'");
    Document readOnly = operator.page("/admin/platform/plans/console-pro", 200);
    assertEquals(1, readOnly.select("#configuration-plan").size());
    Response edit =
        operator.submit(
            "/admin/platform/plans/console-pro",
            "/admin/platform/plans/console-pro",
            Map.of("name", "Changed"));
    assertEquals(409, edit.statusCode());
  }

  private static String slugOf(long site) {
    return QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).tenant.slug);
  }

  private void sql(String statement) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().executeUpdate(statement);
    }
  }
}
