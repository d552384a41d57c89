package io.consentplatform.api.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.api.tenant.OidcServer;
import io.consentplatform.core.category.Category;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against every public and tenant endpoint, drawn by property-based generators: each
 * answer must be a 4xx problem+json (never a 5xx), and the database must be unchanged. The valid
 * body behind each mutated one is itself refused (a version not published, a key taken, a stale
 * version), so that no mutation can turn into a real change, and anything the database shows
 * afterwards is a defect.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class FuzzTest {

  private static final int SAMPLES = 150;
  private static final String OWNER = "fuzz-owner";
  private static final List<String> TABLES =
      List.of(
          "tenant",
          "tenant_member",
          "site",
          "category",
          "provider",
          "cookie",
          "policy_version",
          "consent_record",
          "api_key",
          "audit_entry",
          "consent_ledger_pending");

  @Inject PolicyService policies;
  @Inject DataSource dataSource;

  private static long site;
  private static long category;
  private static long cookie;

  @BeforeEach
  void fuzzSite() {
    if (site != 0) {
      return;
    }
    site = SiteFixture.create("fuzz-site");
    policies.publish(site, "test");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              TenantMember member = new TenantMember();
              member.tenant = Site.<Site>findById(site).tenant;
              member.subject = OWNER;
              member.email = "fuzz@example.org";
              member.role = Role.OWNER;
              member.persist();
              category = Category.<Category>find("site.id", site).firstResult().id;
              cookie = Cookie.<Cookie>find("site.id", site).firstResult().id;
            });
  }

  /** An endpoint taking a body: a valid body it refuses anyway, the fields to mutate, the call. */
  private record Target(
      String name,
      String valid,
      List<String> fields,
      Function<RequestSpecification, Response> send) {}

  @Test
  void shouldAnswerHostileInputWith4xxProblemsAndChangeNothing() throws Exception {
    Map<String, Long> before = counts();
    String base = "/v1/tenant/sites/" + site;
    List<Target> bodies = new ArrayList<>();
    bodies.add(
        body(
            "consent",
            "{\"policyVersion\":99,\"action\":\"custom\",\"choices\":{\"necessary\":true,"
                + "\"statistics\":false,\"marketing\":false},\"method\":\"settings\",\"lang\":\"en\","
                + "\"visitorId\":\"6f1c1b3e-0c7a-4d3e-9a55-2f4d8e1b7c10\",\"gpc\":false}",
            List.of("action", "choices", "method", "lang", "visitorId", "gpc"),
            r -> r.post("/v1/sites/fuzz-site/consents"),
            false));
    String siteBody =
        "{\"key\":\"fuzz-site\",\"name\":\"Fuzz\",\"domains\":[\"fuzz.example\"],"
            + "\"languages\":[\"en\",\"fr\"],\"defaultLanguage\":\"en\",\"consentLifetimeDays\":180,"
            + "\"texts\":{}}";
    List<String> siteFields =
        List.of("name", "domains", "languages", "defaultLanguage", "consentLifetimeDays", "texts");
    bodies.add(body("site create", siteBody, siteFields, r -> r.post("/v1/tenant/sites"), true));
    bodies.add(body("site update", siteBody, siteFields, r -> r.put(base), true));
    String categoryBody =
        "{\"key\":\"statistics\",\"purpose\":\"STATISTICS\",\"required\":false,\"position\":1,"
            + "\"texts\":{\"en\":{\"name\":\"Stats\",\"description\":\"Counting\"}}}";
    List<String> categoryFields = List.of("purpose", "required", "position", "texts");
    bodies.add(
        body(
            "category create",
            categoryBody,
            categoryFields,
            r -> r.post(base + "/categories"),
            true));
    bodies.add(
        body(
            "category update",
            categoryBody,
            categoryFields,
            r -> r.put(base + "/categories/" + category),
            true));
    bodies.add(
        body(
            "provider create",
            "{\"name\":\"Analytics Inc.\",\"privacyPolicyUrl\":\"https://analytics.example\"}",
            List.of("privacyPolicyUrl"),
            r -> r.post(base + "/providers"),
            true));
    String cookieBody =
        "{\"name\":\"_fuzz\",\"wildcard\":false,\"provider\":\"Analytics Inc.\","
            + "\"category\":\"no_such_category\",\"retention\":\"1 day\",\"party\":\"FIRST_PARTY\","
            + "\"domain\":\"fuzz.example\",\"position\":1,\"texts\":{\"en\":{\"functionAndLocation\":"
            + "\"Everywhere\",\"purposes\":\"Fuzzing\"}}}";
    List<String> cookieFields =
        List.of(
            "name", "wildcard", "provider", "retention", "party", "domain", "position", "texts");
    bodies.add(
        body("cookie create", cookieBody, cookieFields, r -> r.post(base + "/cookies"), true));
    bodies.add(
        body(
            "cookie update",
            cookieBody,
            cookieFields,
            r -> r.put(base + "/cookies/" + cookie),
            true));

    Map<String, Integer> statuses = new TreeMap<>();
    int cases = 0;
    for (Target target : bodies) {
      cases += run(target, statuses);
    }
    cases += runSegments(statuses);
    cases += runQueries(statuses);
    cases += runCsv(statuses);

    System.out.printf("Fuzz: %d cases, answers by status %s%n", cases, statuses);
    assertTrue(cases >= 2000, "enough cases: " + cases);
    assertEquals(before, counts(), "the database is unchanged");
  }

  private Target body(
      String name,
      String valid,
      List<String> fields,
      Function<RequestSpecification, Response> send,
      boolean tenant) {
    return new Target(
        name,
        valid,
        fields,
        spec ->
            send.apply(
                (tenant ? asOwner(spec) : spec)
                    .header("If-Match", "\"999999\"")
                    .contentType("application/json")));
  }

  /** Sends {@link #SAMPLES} mutated bodies of the target; returns how many. */
  private int run(Target target, Map<String, Integer> statuses) {
    Arbitrary<byte[]> generator = HostileInput.bodies(target.valid(), target.fields());
    int count = 0;
    for (byte[] body : generator.sampleStream().limit(SAMPLES).toList()) {
      Response answer = target.send().apply(given().body(body));
      check(
          target.name(),
          new String(body, java.nio.charset.StandardCharsets.UTF_8),
          answer,
          statuses,
          false);
      count++;
    }
    return count;
  }

  private int runSegments(Map<String, Integer> statuses) {
    int count = 0;
    for (String segment : HostileInput.segments().sampleStream().limit(SAMPLES).toList()) {
      for (String path :
          List.of(
              "/v1/sites/" + segment + "/banner",
              "/v1/sites/" + segment + "/banner.js",
              "/v1/sites/fuzz-site/consents/" + segment,
              "/v1/sites/fuzz-site/consents/" + segment + "/status?category=" + segment,
              "/v1/tenant/sites/" + segment,
              "/v1/tenant/sites/" + site + "/cookies/" + segment,
              "/v1/tenant/sites/" + site + "/versions/" + segment,
              "/v1/tenant/sites/" + segment + "/ledger/verify")) {
        Response answer = asOwner(given().urlEncodingEnabled(false)).get(path);
        check("GET " + path, path, answer, statuses, true);
        count++;
      }
      Response posted =
          given().urlEncodingEnabled(false).post("/v1/sites/" + segment + "/impressions");
      check("POST impressions", segment, posted, statuses, false);
      Response page = given().urlEncodingEnabled(false).get("/sites/" + segment + "/cookie-policy");
      assertTrue(page.statusCode() < 500, "policy page for " + segment + ": " + page.statusCode());
      count += 2;
    }
    return count;
  }

  private int runQueries(Map<String, Integer> statuses) {
    int count = 0;
    for (String value : HostileInput.segments().sampleStream().limit(SAMPLES).toList()) {
      for (String query :
          List.of(
              "/consents?from=" + value,
              "/consents?to=" + value + "&limit=" + value,
              "/consents?version=" + value + "&action=" + value,
              "/consents/export?format=" + value,
              "/versions/diff?from=" + value + "&to=draft",
              "/statistics?from=" + value)) {
        Response answer =
            asOwner(given().urlEncodingEnabled(false)).get("/v1/tenant/sites/" + site + query);
        check("GET " + query, query, answer, statuses, true);
        count++;
      }
      Response banner =
          given().urlEncodingEnabled(false).get("/v1/sites/fuzz-site/banner?lang=" + value);
      check("banner lang", value, banner, statuses, true);
      count++;
    }
    return count;
  }

  private int runCsv(Map<String, Integer> statuses) {
    int count = 0;
    String header =
        "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,"
            + "Data Controller,User Privacy & GDPR Rights Portals,Wildcard match\n";
    for (String junk : HostileInput.strings().sampleStream().limit(SAMPLES).toList()) {
      for (String csv :
          List.of(junk, header + junk, header + ",x,Analytics," + junk + ",,y,1 day,z,,0\n\"")) {
        Response answer =
            asOwner(given())
                .contentType("text/csv")
                .body(csv)
                .post("/v1/tenant/sites/" + site + "/cookies/csv");
        if (answer.statusCode() == 200) {
          // A header and blank lines is a valid file that imports nothing.
          statuses.merge("200", 1, Integer::sum);
          assertEquals(
              0, answer.jsonPath().getInt("created") + answer.jsonPath().getInt("updated"));
        } else {
          check("CSV import", csv, answer, statuses, false);
        }
        count++;
      }
    }
    return count;
  }

  /**
   * No 5xx, ever; a refusal is a problem+json; and a body-carrying request is always refused.
   *
   * @param readOnly whether a 2xx is acceptable (a read that happens to be valid changes nothing)
   */
  private static void check(
      String target,
      String input,
      Response answer,
      Map<String, Integer> statuses,
      boolean readOnly) {
    int status = answer.statusCode();
    statuses.merge(String.valueOf(status), 1, Integer::sum);
    String shown = input.length() > 200 ? input.substring(0, 200) + "…" : input;
    assertTrue(
        status < 500, target + " answered " + status + " to " + shown + ": " + answer.asString());
    if (status >= 400) {
      assertTrue(
          String.valueOf(answer.contentType()).startsWith("application/problem+json"),
          target + " answered " + status + " as " + answer.contentType() + " to " + shown);
    } else if (!readOnly && status != 304) {
      throw new AssertionError(target + " accepted " + shown + " with " + status);
    }
  }

  private static RequestSpecification asOwner(RequestSpecification request) {
    return request.auth().oauth2(OidcServer.token(OWNER));
  }

  private Map<String, Long> counts() throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String table : TABLES) {
        try (ResultSet row =
            connection.createStatement().executeQuery("select count(*) from " + table)) {
          row.next();
          counts.put(table, row.getLong(1));
        }
      }
    }
    return counts;
  }
}
