package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LinkPurpose;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.OneTimeLinks;
import io.consentplatform.core.tenant.OpenLink;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the platform's operators do through the API: tenants created with an invited owner,
 * suspended, reactivated and archived; the list of operators and their keys; and who may do it.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class PlatformApiTest {

  private static final String DECISION =
      "{\"policyVersion\":1,\"action\":\"accept_all\",\"lang\":\"en\",\"method\":\"banner\"}";

  @Inject OneTimeLinks links;
  @Inject PolicyService policies;
  @Inject DataSource dataSource;

  private static RequestSpecification asOperator() {
    return given().auth().oauth2(OidcServer.operatorToken("ops-api-operator"));
  }

  /** Removes {@code subject} from the list, URL-encoded once as the API documents it. */
  private static Response unlist(String subject) {
    return asOperator()
        .urlEncodingEnabled(false)
        .delete("/v1/platform/operators/" + URLEncoder.encode(subject, StandardCharsets.UTF_8));
  }

  @Test
  void shouldCreateATenantAndInviteItsOwnerOnce() throws Exception {
    Response created =
        asOperator()
            .contentType(ContentType.JSON)
            .body(
                Map.of("slug", "ops-newco", "name", "NewCo", "ownerEmail", "founder@newco.example"))
            .post("/v1/platform/tenants");
    created
        .then()
        .statusCode(201)
        .header("Cache-Control", "no-store")
        .body("slug", is("ops-newco"))
        .body("state", is("ACTIVE"))
        .body("plan", is("unlimited"))
        .body("members", is(1))
        .body("ownerEmails", is(List.of("founder@newco.example")))
        .body("invitation.email", is("founder@newco.example"))
        .body("invitation.url", containsString("/admin/link/"))
        .body("invitation.mail", is("NOT_CONFIGURED"));
    long id = created.<Number>path("id").longValue();
    String url = created.path("invitation.url");
    OpenLink link = links.open(url.substring(url.lastIndexOf('/') + 1));
    assertEquals(LinkPurpose.INVITATION, link.purpose());
    assertEquals("founder@newco.example", link.email());
    assertEquals("NewCo", link.tenantName());

    asOperator()
        .get("/v1/platform/tenants")
        .then()
        .statusCode(200)
        .body("slug", hasItem("ops-newco"))
        .body("find { it.slug == 'ops-newco' }.sites", is(0))
        .body("find { it.slug == 'ops-newco' }.invitation", nullValue());
    asOperator()
        .get("/v1/platform/tenants/" + id)
        .then()
        .statusCode(200)
        .body("name", is("NewCo"))
        .body("$", not(org.hamcrest.Matchers.hasKey("invitation")));
    String operator = "https://server.example.com#ops-api-operator";
    assertEquals(
        List.of(
            "create tenant " + operator, "create member " + operator, "invite member " + operator),
        trail(id),
        "the tenant's trail starts with the operator");
  }

  @Test
  void shouldNotInviteAnOwnerWhoHasAnAccountAlready() {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              LocalAccount account = new LocalAccount();
              account.email = "has-account@ops.example";
              account.passwordHash = BcryptUtil.bcryptHash("a long enough password 1");
              account.persist();
            });
    asOperator()
        .contentType(ContentType.JSON)
        .body(Map.of("slug", "ops-known", "name", "Known", "ownerEmail", "has-account@ops.example"))
        .post("/v1/platform/tenants")
        .then()
        .statusCode(201)
        .body("invitation", nullValue());
    assertEquals(
        1L,
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    TenantMember.count(
                        "tenant.slug = ?1 and subject = ?2 and role = ?3",
                        "ops-known",
                        "local:has-account@ops.example",
                        Role.OWNER)));
  }

  @Test
  void shouldRefuseBadTenantsAndCreateNothing() {
    for (Map<String, String> bad :
        List.of(
            Map.of("slug", "Bad Slug", "name", "X", "ownerEmail", "x@x.example"),
            Map.of("slug", "ops-noname", "name", "", "ownerEmail", "x@x.example"),
            Map.of("slug", "ops-nomail", "name", "X", "ownerEmail", "not-an-address"))) {
      asOperator()
          .contentType(ContentType.JSON)
          .body(bad)
          .post("/v1/platform/tenants")
          .then()
          .statusCode(422)
          .contentType("application/problem+json");
    }
    asOperator()
        .get("/v1/platform/tenants")
        .then()
        .body("slug", not(hasItem("ops-noname")))
        .body("slug", not(hasItem("ops-nomail")));
    long site = SiteFixture.create("ops-taken");
    asOperator()
        .contentType(ContentType.JSON)
        .body(Map.of("slug", slugOf(site), "name", "Again", "ownerEmail", "x@x.example"))
        .post("/v1/platform/tenants")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    asOperator().get("/v1/platform/tenants/987654321").then().statusCode(404);
    asOperator().post("/v1/platform/tenants/987654321/suspend").then().statusCode(404);
  }

  @Test
  void shouldLetASuspendedTenantReadAndItsBannerRecordButRefuseChanges() {
    long site = SiteFixture.create("ops-suspended");
    String owner = "ops-suspended-owner";
    member(site, owner, Role.OWNER);
    policies.publish(site, "test");
    long tenant = tenantOf(site);

    asOperator()
        .post("/v1/platform/tenants/" + tenant + "/suspend")
        .then()
        .statusCode(200)
        .body("state", is("SUSPENDED"))
        .body("stateChangedBy", is("https://server.example.com#ops-api-operator"))
        .body("stateChangedAt", notNullValue());

    as(owner).get("/v1/tenant/sites/" + site).then().statusCode(200);
    as(owner)
        .contentType(ContentType.JSON)
        .body("{\"name\":\"k\",\"role\":\"VIEWER\"}")
        .post("/v1/tenant/api-keys")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("suspended"));
    given().get("/v1/sites/ops-suspended/banner").then().statusCode(200);
    given().get("/v1/sites/ops-suspended/banner.js").then().statusCode(200);
    decide("ops-suspended").then().statusCode(201);

    asOperator()
        .post("/v1/platform/tenants/" + tenant + "/reactivate")
        .then()
        .statusCode(200)
        .body("state", is("ACTIVE"));
    as(owner)
        .contentType(ContentType.JSON)
        .body("{\"name\":\"k\",\"role\":\"VIEWER\"}")
        .post("/v1/tenant/api-keys")
        .then()
        .statusCode(201);
  }

  @Test
  void shouldArchiveATenantWithItsSitesAndNeverReopenIt() {
    long site = SiteFixture.create("ops-closing");
    String owner = "ops-closing-owner";
    member(site, owner, Role.OWNER);
    policies.publish(site, "test");
    long tenant = tenantOf(site);
    decide("ops-closing").then().statusCode(201);
    given().get("/v1/sites/ops-closing/banner").then().statusCode(200);

    asOperator()
        .post("/v1/platform/tenants/" + tenant + "/archive")
        .then()
        .statusCode(200)
        .body("state", is("ARCHIVED"))
        .body("sites", is(0));

    given().get("/v1/sites/ops-closing/banner").then().statusCode(410);
    decide("ops-closing").then().statusCode(410);
    as(owner).get("/v1/tenant").then().statusCode(403);
    for (String action : List.of("reactivate", "suspend")) {
      asOperator()
          .post("/v1/platform/tenants/" + tenant + "/" + action)
          .then()
          .statusCode(409)
          .contentType("application/problem+json");
    }
    assertTrue(trailActions(tenant).containsAll(List.of("archive tenant", "archive site")));
  }

  @Test
  void shouldHonourTheOperatorsListForTokens() {
    String person = "ops-listed-person";
    String token = OidcServer.token(person);
    given().auth().oauth2(token).get("/v1/platform/tenants").then().statusCode(403);

    asOperator()
        .contentType(ContentType.JSON)
        .body(Map.of("issuer", "https://server.example.com", "subject", person))
        .post("/v1/platform/operators")
        .then()
        .statusCode(201)
        .body("subject", is("https://server.example.com#" + person));
    given().auth().oauth2(token).get("/v1/platform/tenants").then().statusCode(200);
    asOperator()
        .get("/v1/platform/operators")
        .then()
        .body("subject", hasItem("https://server.example.com#" + person));

    unlist("https://server.example.com#" + person).then().statusCode(204);
    given().auth().oauth2(token).get("/v1/platform/tenants").then().statusCode(403);

    asOperator()
        .contentType(ContentType.JSON)
        .body(Map.of("email", "not an address"))
        .post("/v1/platform/operators")
        .then()
        .statusCode(422);
    unlist("local:nobody@x.example").then().statusCode(404);
  }

  @Test
  void shouldNeverRemoveTheLastOperator() {
    for (String email : List.of("first@ops.example", "second@ops.example")) {
      asOperator()
          .contentType(ContentType.JSON)
          .body(Map.of("email", email))
          .post("/v1/platform/operators")
          .then()
          .statusCode(201)
          .body("subject", is("local:" + email));
    }
    List<String> listed = asOperator().get("/v1/platform/operators").path("subject");
    // Down to one, removing the others; then the last one stays.
    for (String subject : listed.subList(1, listed.size())) {
      unlist(subject).then().statusCode(204);
    }
    unlist(listed.get(0)).then().statusCode(409).contentType("application/problem+json");
    asOperator().get("/v1/platform/operators").then().body("subject", is(List.of(listed.get(0))));
  }

  @Test
  void shouldCallThePlatformApiWithAnOperatorKeyUntilRevoked() {
    Response created =
        asOperator()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "billing"))
            .post("/v1/platform/api-keys");
    created.then().statusCode(201).header("Cache-Control", "no-store");
    String secret = created.path("secret");
    int id = created.path("key.id");
    assertTrue(secret.startsWith("cpo_"), secret);

    given().header("X-Api-Key", secret).get("/v1/platform/tenants").then().statusCode(200);
    given()
        .header("X-Api-Key", secret)
        .contentType(ContentType.JSON)
        .body(Map.of("slug", "ops-by-key", "name", "By key", "ownerEmail", "k@key.example"))
        .post("/v1/platform/tenants")
        .then()
        .statusCode(201);
    given()
        .header("X-Api-Key", secret)
        .get("/v1/tenant")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    asOperator()
        .get("/v1/platform/api-keys")
        .then()
        .body("find { it.id == " + id + " }.lastUsedAt", notNullValue())
        .body("find { it.id == " + id + " }.prefix", startsWith("cpo_"))
        .body("secret", everyItemNull());

    asOperator()
        .contentType(ContentType.JSON)
        .body(Map.of("name", ""))
        .post("/v1/platform/api-keys")
        .then()
        .statusCode(422);
    asOperator().delete("/v1/platform/api-keys/" + id).then().statusCode(204);
    given().header("X-Api-Key", secret).get("/v1/platform/tenants").then().statusCode(401);
    asOperator().delete("/v1/platform/api-keys/" + id).then().statusCode(404);
  }

  private static org.hamcrest.Matcher<Iterable<? super Object>> everyItemNull() {
    return not(hasItem(notNullValue()));
  }

  private static RequestSpecification as(String subject) {
    return given().auth().oauth2(OidcServer.token(subject));
  }

  private static Response decide(String siteKey) {
    return given()
        .contentType(ContentType.JSON)
        .body(DECISION)
        .post("/v1/sites/" + siteKey + "/consents");
  }

  private static void member(long siteId, String subject, Role role) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              TenantMember member = new TenantMember();
              member.tenant = Site.<Site>findById(siteId).tenant;
              member.subject = subject;
              member.email = subject + "@example.org";
              member.role = role;
              member.persist();
            });
  }

  private static long tenantOf(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(siteId).tenant.id);
  }

  private static String slugOf(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(siteId).tenant.slug);
  }

  /** The tenant's audit trail, oldest first, as "action entity actor". */
  private List<String> trail(long tenantId) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select action, entity, actor from audit_entry where tenant_id = "
                    + tenantId
                    + " order by id")) {
      List<String> lines = new java.util.ArrayList<>();
      while (rows.next()) {
        lines.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
      }
      return lines;
    }
  }

  private List<String> trailActions(long tenantId) {
    try {
      return trail(tenantId).stream().map(e -> e.substring(0, e.lastIndexOf(' '))).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
