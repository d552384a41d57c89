package io.consentplatform.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.policy.VersionService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The back office's preview shows exactly what visitors will see: its JSON is, byte for byte, what
 * the public banner endpoint serves for the same content, but for the version it names.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class BannerPreviewTest {

  private static final String EMAIL = "preview@cary.example";

  @Inject LocalAccounts accounts;
  @Inject VersionService versions;

  @Test
  void shouldPreviewThePublishedContentByteForByteAsVisitorsGetIt() {
    DemoSite site = QuarkusTransaction.requiringNew().call(this::ownerOfTheDemoSite);
    Caller caller = new Caller(site.tenantId(), LocalAccount.subjectOf(EMAIL), Role.OWNER);
    // Another test may have left the draft ahead of the published version: publish it.
    if (versions.draft(caller, site.id()).changedSinceLatest()) {
      versions.publish(caller, site.id());
    }
    String session = SignInForm.session(EMAIL, "pw-" + EMAIL);

    List<String> languages =
        given()
            .get("/v1/sites/townofcary/banner")
            .then()
            .statusCode(200)
            .extract()
            .path("languages");
    assertFalse(languages.isEmpty());
    for (String language : languages) {
      byte[] served =
          given()
              .queryParam("lang", language)
              .when()
              .get("/v1/sites/townofcary/banner")
              .then()
              .statusCode(200)
              .extract()
              .asByteArray();
      byte[] preview =
          given()
              .cookie("cp_admin", session)
              .queryParam("lang", language)
              .when()
              .get("/admin/sites/" + site.id() + "/texts/draft")
              .then()
              .statusCode(200)
              .extract()
              .asByteArray();
      // The only difference allowed: a draft has no number, consent revision nor hash yet.
      JsonPath answer = JsonPath.from(new String(served, StandardCharsets.UTF_8));
      String expected =
          new String(preview, StandardCharsets.UTF_8)
              .replace(
                  "\"version\":0,\"consentRevision\":0,\"hash\":null,",
                  "\"version\":"
                      + answer.getInt("version")
                      + ",\"consentRevision\":"
                      + answer.getInt("consentRevision")
                      + ",\"hash\":\""
                      + answer.getString("hash")
                      + "\",");
      assertArrayEquals(
          served, expected.getBytes(StandardCharsets.UTF_8), "the preview in " + language);
    }
  }

  private record DemoSite(long id, long tenantId) {}

  private DemoSite ownerOfTheDemoSite() {
    Site site = Site.findByKey("townofcary").orElseThrow();
    if (LocalAccount.findByEmail(EMAIL).isEmpty()) {
      accounts.create(EMAIL, "pw-" + EMAIL);
      TenantMember member = new TenantMember();
      member.tenant = site.tenant;
      member.subject = LocalAccount.subjectOf(EMAIL);
      member.email = EMAIL;
      member.role = Role.OWNER;
      member.persist();
    }
    return new DemoSite(site.id, site.tenant.id);
  }
}
