package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** An owner archives a site from its settings, after a confirmation, and can bring it back. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class SiteArchivePagesTest {

  @Inject LocalAccounts accounts;

  @Test
  void shouldArchiveASiteOnlyAfterTheOwnersConfirmationAndListItApart() {
    long site = SiteFixture.create("office-archive");
    BackOffice.person(accounts, "owner@archive.example", site, Role.OWNER);
    BackOffice.person(accounts, "editor@archive.example", site, Role.EDITOR);
    BackOffice owner = BackOffice.signIn("owner@archive.example");
    BackOffice editor = BackOffice.signIn("editor@archive.example");
    String settings = "/admin/sites/" + site + "/settings";
    String archive = "/admin/sites/" + site + "/archive";

    Document page = owner.page(settings, 200);
    assertEquals("Archive this site", page.select("section#archive h2").text());
    assertEquals(archive, page.select("section#archive a").attr("href"));
    assertTrue(
        editor.page(settings, 200).select("section#archive a, section#archive form").isEmpty(),
        "an editor reads what archiving means but is offered no way to do it");
    editor.submit(settings, archive, Map.of("confirm", "yes")).then().statusCode(403);
    assertNull(archivedAt(site));

    Document confirm = owner.page(archive, 200);
    assertTrue(confirm.select("li").text().contains("No new decision is recorded."));
    owner.submit(archive, archive, Map.of()).then().statusCode(422);
    assertTrue(
        owner.submit(archive, archive, Map.of()).asString().contains("Tick the box to confirm"));
    assertNull(archivedAt(site), "nothing changes without the confirmation");

    owner
        .submit(archive, archive, Map.of("confirm", "yes"))
        .then()
        .statusCode(303)
        .header("Location", org.hamcrest.Matchers.endsWith("/admin/sites#archived"));
    assertTrue(archivedAt(site) != null);
    Document list = owner.page("/admin/sites", 200);
    assertFalse(list.select(".cards").text().contains("office-archive"), "gone from the sites");
    assertTrue(list.select("section:has(#archived)").text().contains("office-archive"));
    assertTrue(
        owner.page(settings, 200).select("section#archive").text().contains("archived since"));

    owner.submit(settings, archive + "/undo", Map.of()).then().statusCode(303);
    assertNull(archivedAt(site));
    assertTrue(owner.page("/admin/sites", 200).select(".cards").text().contains("office-archive"));
  }

  @Test
  void shouldAskInFrench() {
    long site = SiteFixture.create("office-archive-fr");
    BackOffice.person(accounts, "owner@archive-fr.example", site, Role.OWNER);
    BackOffice owner = BackOffice.signIn("owner@archive-fr.example").speaking("fr");

    assertEquals(
        "Archiver ce site",
        owner.page("/admin/sites/" + site + "/settings", 200).select("section#archive h2").text());
    Document confirm = owner.page("/admin/sites/" + site + "/archive", 200);
    // French puts a no-break space before the question mark.
    assertEquals(
        "Archiver Site office-archive-fr\u00a0?", confirm.select("h1").first().wholeText());
    assertTrue(confirm.select("li").text().contains("Aucune nouvelle décision n'est enregistrée."));
  }

  private static Instant archivedAt(long site) {
    return QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).archivedAt);
  }
}
