package io.consentplatform.api.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.api.abuse.LocalClients;
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
import java.nio.charset.StandardCharsets;
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

  /** The fuzz's own clients, a small botnet on the loopback network (see {@link #visitor}). */
  private static int clients;

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

  /**
   * Found by the fuzzing below: three zero bytes make Jackson read the body as UTF-32, and the next
   * four are no character at all. Its error is an I/O error, not a JSON one, and it was answered
   * 500.
   */
  @Test
  void shouldRefuseABodyThatIsNoTextInAnEncodingOfJson() {
    byte[] body = {0, 0, 0, '{', (byte) 0x8c, (byte) 0xaf, (byte) 0xfc, (byte) 0xf6};
    String base = "/v1/tenant/sites/" + site;
    Map<String, Function<RequestSpecification, Response>> targets =
        Map.of(
            "category update", r -> r.put(base + "/categories/" + category),
            "site create", r -> r.post("/v1/tenant/sites"),
            "consent", r -> r.post("/v1/sites/fuzz-site/consents"));
    targets.forEach(
        (name, send) -> {
          RequestSpecification request =
              visitor().header("If-Match", "\"999999\"").contentType("application/json");
          if (!name.equals("consent")) {
            request = asOwner(request);
          }
          Response answer = send.apply(request.body(body));
          assertEquals(400, answer.statusCode(), name + ": " + answer.asString());
          assertTrue(
              String.valueOf(answer.contentType()).startsWith("application/problem+json"),
              name + ": " + answer.contentType());
        });
  }

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
                + "\"visitorId\":\"6f1c1b3e-0c7a-4d3e-9a55-2f4d8e1b7c10\","
                + "\"visitorToken\":\"AAAAAAAA.AAAA\",\"gpc\":false}",
            List.of("action", "choices", "method", "lang", "visitorId", "visitorToken", "gpc"),
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
    cases += runSiteKeys(statuses);
    cases += runBodyLengths(statuses);

    System.out.printf("Fuzz: %d cases, answers by status %s%n", cases, statuses);
    assertTrue(cases >= 4000, "enough cases: " + cases);
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
      Response answer = target.send().apply(visitor().body(body));
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
              "/v1/sites/fuzz-site/consents/" + segment + "/proof",
              "/v1/sites/" + segment + "/ledger/head?size=" + segment,
              "/v1/sites/" + segment + "/ledger/heads?before=" + segment + "&limit=" + segment,
              "/v1/sites/fuzz-site/ledger/consistency?from=" + segment + "&to=" + segment,
              "/v1/tenant/sites/" + segment,
              "/v1/tenant/sites/" + site + "/cookies/" + segment,
              "/v1/tenant/sites/" + site + "/versions/" + segment,
              "/v1/tenant/sites/" + segment + "/ledger/verify")) {
        Response answer = asOwner(visitor().urlEncodingEnabled(false)).get(path);
        check("GET " + path, path, answer, statuses, true);
        count++;
      }
      Response posted =
          visitor().urlEncodingEnabled(false).post("/v1/sites/" + segment + "/impressions");
      check("POST impressions", segment, posted, statuses, false);
      Response page =
          visitor().urlEncodingEnabled(false).get("/sites/" + segment + "/cookie-policy");
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
            asOwner(visitor().urlEncodingEnabled(false)).get("/v1/tenant/sites/" + site + query);
        check("GET " + query, query, answer, statuses, true);
        count++;
      }
      Response banner =
          visitor().urlEncodingEnabled(false).get("/v1/sites/fuzz-site/banner?lang=" + value);
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
            asOwner(visitor())
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
   * Keys a bot guesses, against every public endpoint that takes one: refused as unknown (or the
   * client's limit reached), never served, and never a query more than the limits allow.
   */
  private int runSiteKeys(Map<String, Integer> statuses) {
    int count = 0;
    String decision = "{\"policyVersion\":99,\"action\":\"accept_all\",\"method\":\"banner\"}";
    for (String key : HostileInput.siteKeys().sampleStream().limit(SAMPLES).toList()) {
      if (QuarkusTransaction.requiringNew().call(() -> Site.findByKey(key).isPresent())) {
        continue; // a guess that names a site of another test is no guess
      }
      String base = "/v1/sites/" + key;
      check("banner of " + key, key, visitor().get(base + "/banner"), statuses, false);
      check("script of " + key, key, visitor().get(base + "/banner.js"), statuses, false);
      check(
          "receipt of " + key,
          key,
          visitor().get(base + "/consents/6f1c1b3e-0c7a-4d3e-9a55-2f4d8e1b7c10"),
          statuses,
          false);
      check(
          "decision for " + key,
          key,
          visitor().contentType("application/json").body(decision).post(base + "/consents"),
          statuses,
          false);
      check("impression of " + key, key, visitor().post(base + "/impressions"), statuses, false);
      check("head of " + key, key, visitor().get(base + "/ledger/head"), statuses, false);
      check(
          "proof of " + key,
          key,
          visitor().get(base + "/consents/6f1c1b3e-0c7a-4d3e-9a55-2f4d8e1b7c10/proof"),
          statuses,
          false);
      count += 7;
    }
    return count;
  }

  /**
   * Bodies whose length lies (declared far larger than sent) or is never declared (chunked, past
   * the limit, without an end): refused before the body is read, or as soon as it passes the limit.
   */
  private int runBodyLengths(Map<String, Integer> statuses) {
    int count = 0;
    String valid =
        "{\"policyVersion\":99,\"action\":\"accept_all\",\"method\":\"banner\",\"lang\":\"en\"}";
    List<byte[]> bodies =
        HostileInput.bodies(valid, List.of("action", "method", "lang"))
            .sampleStream()
            .limit(SAMPLES)
            .toList();
    List<Long> lengths =
        net.jqwik.api.Arbitraries.longs()
            .between(8_193, 50_000_000)
            .sampleStream()
            .limit(SAMPLES)
            .toList();
    for (int i = 0; i < bodies.size(); i++) {
      byte[] body = bodies.get(i);
      byte[] prefix = java.util.Arrays.copyOf(body, Math.min(body.length, 1000));
      String path = i % 3 == 0 ? "/v1/sites/fuzz-site/impressions" : "/v1/sites/fuzz-site/consents";
      LocalClients.Answer declared =
          LocalClients.exchange(
              nextClient(),
              "POST "
                  + path
                  + " HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                  + lengths.get(i),
              prefix,
              30_000);
      checkRaw("declared " + lengths.get(i) + " on " + path, declared, statuses);
      LocalClients.Answer chunked =
          LocalClients.exchange(
              nextClient(),
              "POST /v1/sites/fuzz-site/consents HTTP/1.1\r\n"
                  + "Content-Type: application/json\r\nTransfer-Encoding: chunked",
              chunked(body, i),
              30_000);
      checkRaw("chunked " + body.length + " bytes", chunked, statuses);
      count += 2;
    }
    return count;
  }

  /**
   * {@code body} in chunks of varying sizes; one that fits the limit is ended, a larger one is not,
   * and its answer must come anyway. Every third body is padded past the limit.
   */
  private static byte[] chunked(byte[] body, int seed) {
    byte[] sent = body;
    if (seed % 3 == 0) {
      sent = java.util.Arrays.copyOf(body, body.length + 9_000);
      java.util.Arrays.fill(sent, body.length, sent.length, (byte) ' ');
    }
    sent = java.util.Arrays.copyOf(sent, Math.min(sent.length, 20_000));
    java.io.ByteArrayOutputStream framed = new java.io.ByteArrayOutputStream();
    int size = 1 + seed % 997;
    for (int at = 0; at < sent.length; at += size) {
      int length = Math.min(size, sent.length - at);
      framed.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      framed.write(sent, at, length);
      framed.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    if (sent.length <= 8192) {
      framed.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    return framed.toByteArray();
  }

  private static void checkRaw(
      String target, LocalClients.Answer answer, Map<String, Integer> statuses) {
    statuses.merge(String.valueOf(answer.status()), 1, Integer::sum);
    assertTrue(answer.status() >= 400 && answer.status() < 500, target + ": " + answer);
    assertTrue(
        String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json"),
        target + ": " + answer);
  }

  /** A request from the next of the fuzz's clients. */
  private static RequestSpecification visitor() {
    return LocalClients.from(nextClient());
  }

  /**
   * Hostile traffic spread over many addresses, as a botnet sends it: each address stays mostly
   * under the rate limits, so that the cases reach the code behind them, and the limits of the
   * other tests' client (127.0.0.1) are left alone.
   */
  private static String nextClient() {
    clients = clients % 250 + 1;
    return "127.0.1." + clients;
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
