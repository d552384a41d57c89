package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.platform.PlatformOperators;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * "Download everything" in the back office: an owner finds it from the API keys page, reads what
 * the archive holds (in English and French) and downloads it; an editor may not; an operator
 * downloads any tenant's archive from the console's page.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ExportPagesTest {

  @Inject LocalAccounts accounts;
  @Inject PlatformOperators operators;

  @Test
  void shouldLetTheOwnerDownloadEverythingAndKeepEditorsOut() throws Exception {
    long site = SiteFixture.create("export-pages");
    BackOffice.person(accounts, "owner@export-pages.example", site, Role.OWNER);
    BackOffice.person(accounts, "editor@export-pages.example", site, Role.EDITOR);
    BackOffice owner = BackOffice.signIn("owner@export-pages.example");

    Document keys = owner.page("/admin/api-keys", 200);
    assertEquals(1, keys.select("a#export-link[href=/admin/export]").size());
    Document page = owner.page("/admin/export", 200);
    assertEquals("Download everything", page.select("h1").text());
    assertEquals(8, page.select("#archive-contents + ul li").size());
    assertEquals(
        "Télécharger l'archive",
        owner.speaking("fr").page("/admin/export", 200).select("#download-everything").text());

    Response download = owner.submit("/admin/export", "/admin/export", Map.of());
    assertEquals(200, download.statusCode());
    assertEquals("application/zip", download.contentType());
    Set<String> files = names(download.asInputStream());
    assertTrue(files.contains("tenant.json"), files.toString());
    assertTrue(files.contains("sites/export-pages/consents.csv"), files.toString());

    BackOffice editor = BackOffice.signIn("editor@export-pages.example");
    assertEquals(0, editor.page("/admin/api-keys", 403).select("a#export-link").size());
    editor.page("/admin/export", 403);
    assertEquals(403, editor.submit("/admin/sites", "/admin/export", Map.of()).statusCode());
  }

  @Test
  void shouldLetAnOperatorDownloadAnyTenantsArchive() throws Exception {
    long site = SiteFixture.create("export-pages-op");
    long tenant = QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).tenant.id);
    String email = "operator@export-pages.example";
    BackOffice.person(accounts, email, 0, null);
    QuarkusTransaction.requiringNew()
        .run(() -> operators.list(LocalAccount.subjectOf(email), email, "test"));
    BackOffice operator = BackOffice.signIn(email);
    String path = "/admin/platform/tenants/" + tenant + "/export";

    Document page = operator.page(path, 200);
    assertEquals("Download everything of Tenant of export-pages-op", page.select("h1").text());
    Response download = operator.submit(path, path, Map.of());
    assertEquals(200, download.statusCode());
    assertTrue(names(download.asInputStream()).contains("sites/export-pages-op/declarations.json"));

    // A tenant's owner who is no operator does not reach it.
    BackOffice.person(accounts, "owner@export-pages-op.example", site, Role.OWNER);
    BackOffice.signIn("owner@export-pages-op.example").page(path, 403);
  }

  private static Set<String> names(InputStream body) throws IOException {
    Set<String> names = new TreeSet<>();
    try (ZipInputStream zip = new ZipInputStream(body)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    return names;
  }
}
