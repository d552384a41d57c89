package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
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
 * Webhooks in the back office: an owner adds an endpoint and sees its secret on that page only,
 * then its delivery history, replays a parked delivery and sends a test event, in English and in
 * French; editors neither see the pages in the navigation nor may open them.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class WebhookPagesTest {

  private static final String URL = "https://93.184.215.14/hooks/back-office";

  @Inject LocalAccounts accounts;
  @Inject DataSource dataSource;

  @Test
  void shouldShowTheSecretOnceThenTheHistoryWithAReplay() throws Exception {
    long site = SiteFixture.create("hooks-pages");
    BackOffice.person(accounts, "owner@hooks-pages.example", site, Role.OWNER);
    BackOffice owner = BackOffice.signIn("owner@hooks-pages.example");
    Document list = owner.page("/admin/webhooks", 200);
    assertEquals("No endpoint yet.", list.select(".empty").first().text());
    assertEquals(1, owner.page("/admin/sites", 200).select("nav a[href=/admin/webhooks]").size());

    Response created =
        owner.submit(
            "/admin/webhooks",
            "/admin/webhooks",
            Map.of("url", URL, "description", "CRM", "events", "policy.published"));

    assertEquals(200, created.statusCode());
    assertEquals("no-store", created.header("Cache-Control"));
    String secret = Jsoup.parse(created.asString()).select("code.secret").text();
    assertTrue(secret.startsWith("whsec_"), secret);
    Document listed = owner.page("/admin/webhooks", 200);
    assertEquals(URL, listed.select("table.webhooks tbody th a").first().text());
    assertFalse(listed.html().contains(secret));
    String endpointPath = listed.select("table.webhooks tbody th a").first().attr("href");
    Document endpoint = owner.page(endpointPath, 200);
    assertFalse(endpoint.html().contains(secret), "the secret is shown once only");
    assertEquals("No delivery yet.", endpoint.select(".empty").first().text());

    assertEquals(303, owner.submit(endpointPath, endpointPath + "/test", Map.of()).statusCode());
    Document history = owner.page(endpointPath, 200);
    assertEquals(1, history.select("table.deliveries tbody tr").size());
    assertEquals("Pending", history.select("table.deliveries td.status").text());

    // As if every retry had failed: the delivery is parked, and the page offers to send it again.
    long endpointId = Long.parseLong(endpointPath.substring(endpointPath.lastIndexOf('/') + 1));
    try (Connection connection = dataSource.getConnection()) {
      connection
          .createStatement()
          .executeUpdate(
              "update webhook_delivery set status = 'PARKED', attempts = 10, last_status = 503,"
                  + " last_error = 'HTTP 503' where endpoint_id = "
                  + endpointId);
    }
    Document parked = owner.page(endpointPath + "?status=PARKED", 200);
    assertEquals("Parked", parked.select("table.deliveries td.status").text());
    assertEquals("10", parked.select("table.deliveries td.attempts").text());
    assertEquals("503", parked.select("table.deliveries td.last-status").text());
    String replay = parked.select("table.deliveries form").attr("action");
    assertEquals(303, owner.submit(endpointPath, replay, Map.of()).statusCode());
    Document replayed = owner.page(endpointPath, 200);
    assertEquals("Pending", replayed.select("table.deliveries td.status").text());
    assertEquals("0", replayed.select("table.deliveries td.attempts").text());

    Document french = owner.speaking("fr").page(endpointPath, 200);
    assertEquals("Envois", french.select("h2#history").text());
    assertEquals("En attente", french.select("table.deliveries td.status").text());

    Response rotated = owner.submit(endpointPath, endpointPath + "/secret", Map.of());
    String second = Jsoup.parse(rotated.asString()).select("code.secret").text();
    assertTrue(second.startsWith("whsec_") && !second.equals(secret), second);
  }

  @Test
  void shouldRefuseAPrivateAddressAndStoreNothing() throws Exception {
    long site = SiteFixture.create("hooks-pages-private");
    BackOffice.person(accounts, "owner@hooks-pages-private.example", site, Role.OWNER);
    BackOffice owner = BackOffice.signIn("owner@hooks-pages-private.example");

    Response refused =
        owner.submit(
            "/admin/webhooks",
            "/admin/webhooks",
            Map.of("url", "https://169.254.169.254/latest", "events", "policy.published"));

    assertEquals(422, refused.statusCode());
    assertEquals(
        "No endpoint yet.", owner.page("/admin/webhooks", 200).select(".empty").first().text());
  }

  @Test
  void shouldKeepEditorsOut() {
    long site = SiteFixture.create("hooks-pages-editor");
    BackOffice.person(accounts, "editor@hooks-pages-editor.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("editor@hooks-pages-editor.example");

    assertEquals(0, editor.page("/admin/sites", 200).select("nav a[href=/admin/webhooks]").size());
    editor.page("/admin/webhooks", 403);
    Response forged =
        editor.submit(
            "/admin/sites", "/admin/webhooks", Map.of("url", URL, "events", "policy.published"));
    assertEquals(403, forged.statusCode());
  }
}
