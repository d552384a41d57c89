package io.consentplatform.api.proof;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.ledger.LedgerSealer;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The /verify page in a real Chromium: a genuine receipt passes every step, and each kind of
 * tampering (a receipt's field, a hash of the audit path, the tree head) fails the step it breaks
 * and only that one.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class VerifyPageBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final List<String> STEPS =
      List.of("receipt", "leaf", "inclusion", "head", "consistency");
  private static final String SITE = "verify-page";

  @Inject PolicyService policies;
  @Inject ConsentService consents;
  @Inject LedgerSealer sealer;
  @Inject ObjectMapper json;

  @TestHTTPResource("/")
  URL platform;

  /** One browser for the class: each check opens the page afresh. */
  private static ChromeDriver browser;

  private static UUID consent;

  @BeforeEach
  void open() throws Exception {
    if (browser == null) {
      browser = Chromium.start();
    }
    if (consent == null) {
      long site = SiteFixture.create(SITE);
      policies.publish(site, "test");
      consent = decide(SITE, 3).get(1);
      awaitHead(SITE, 3);
    }
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  @Test
  void shouldPassEveryStepOfTheLinkAGenuineReceiptCarries() {
    String verify =
        given()
            .get("/v1/sites/" + SITE + "/consents/" + consent)
            .then()
            .statusCode(200)
            .extract()
            .path("verify");
    assertEquals("/verify#" + SITE + "/" + consent, verify);

    load(verify);

    assertEquals(outcomes(true, true, true, true), checked());
    assertTrue(
        browser.findElement(By.id("outcome")).getText().startsWith("Every check passed"),
        browser.findElement(By.id("outcome")).getText());
    assertTrue(
        browser.findElement(By.cssSelector("#step-inclusion .detail")).getText().contains("of 3"));
    Chromium.keep(browser, "verify-genuine-receipt");
  }

  @Test
  void shouldPassAGenuineReceiptPastedIn() {
    String receipt =
        given()
            .get("/v1/sites/" + SITE + "/consents/" + consent)
            .then()
            .statusCode(200)
            .extract()
            .asString();

    assertEquals(outcomes(true, true, true, true), pasted(receipt));
  }

  @Test
  void shouldFailTheReceiptStepWhenADecisionIsRewritten() throws Exception {
    ObjectNode proof = proof();
    ((ObjectNode) proof.get("receipt")).put("action", "reject_all");

    assertEquals(outcomes(false, true, true, true), pasted(proof.toString()));
    assertTrue(
        browser
            .findElement(By.cssSelector("#step-receipt .detail"))
            .getText()
            .contains("differ from what was signed"));
    Chromium.keep(browser, "verify-rewritten-receipt");
  }

  @Test
  void shouldFailTheInclusionStepWhenAProofHashIsChanged() throws Exception {
    ObjectNode proof = proof();
    ArrayNode path = (ArrayNode) proof.get("auditPath");
    String first = path.get(0).asText();
    path.set(0, (first.charAt(0) == '0' ? "1" : "0") + first.substring(1));

    assertEquals(outcomes(true, true, false, true), pasted(proof.toString()));
  }

  @Test
  void shouldFailTheHeadStepWhenTheHeadIsChanged() throws Exception {
    ObjectNode proof = proof();
    ObjectNode head = (ObjectNode) proof.get("head");
    head.put("treeSize", head.get("treeSize").asLong() + 1);

    assertEquals(outcomes(true, true, true, false), pasted(proof.toString()));

    ObjectNode forged = proof();
    String jws = forged.get("head").get("signature").asText();
    int cut = jws.lastIndexOf('.') + 1;
    ((ObjectNode) forged.get("head"))
        .put(
            "signature",
            jws.substring(0, cut) + (jws.charAt(cut) == 'A' ? 'B' : 'A') + jws.substring(cut + 1));
    assertEquals(outcomes(true, true, true, false), pasted(forged.toString()));
  }

  @Test
  void shouldProveThatTheLogOnlyGrewSinceAKeptHead() throws Exception {
    long site = SiteFixture.create("verify-growth");
    policies.publish(site, "test");
    UUID first = decide("verify-growth", 2).get(0);
    awaitHead("verify-growth", 2);
    String kept = given().get("/v1/sites/verify-growth/ledger/head").then().extract().asString();
    decide("verify-growth", 3);
    awaitHead("verify-growth", 5);
    String proof =
        given()
            .get("/v1/sites/verify-growth/consents/" + first + "/proof")
            .then()
            .statusCode(200)
            .extract()
            .asString();

    Map<String, String> grown = outcomes(true, true, true, true);
    grown.put("consistency", "passed passed");
    assertEquals(grown, pasted(proof, kept));
    assertTrue(
        browser
            .findElement(By.cssSelector("#step-consistency .detail"))
            .getText()
            .startsWith("from 2 to 5 records"));
    assertTrue(browser.findElement(By.id("current-head")).getText().contains("\"treeSize\":5"));
    Chromium.keep(browser, "verify-log-grew");

    ObjectNode other = (ObjectNode) json.readTree(kept);
    String root = other.get("rootHash").asText();
    other.put("rootHash", (root.charAt(0) == '0' ? "1" : "0") + root.substring(1));
    Map<String, String> bent = outcomes(true, true, true, true);
    bent.put("consistency", "failed failed");
    assertEquals(bent, pasted(proof, other.toString()));
  }

  private List<UUID> decide(String key, int count) {
    List<UUID> ids = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(
          consents.recordDecision(
                  key,
                  new Decision(
                      null,
                      1,
                      ConsentAction.ACCEPT_ALL,
                      null,
                      "en",
                      ConsentMethod.BANNER,
                      false,
                      null,
                      "203.0.113.9"))
              .id);
    }
    return ids;
  }

  /** Seals, then waits for the head of {@code size} (the sealer's own round may be sealing). */
  private void awaitHead(String key, long size) throws Exception {
    sealer.sealAll();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      var answer = given().get("/v1/sites/" + key + "/ledger/head");
      if (answer.statusCode() == 200 && answer.jsonPath().getLong("treeSize") == size) {
        return;
      }
      assertTrue(
          System.nanoTime() < deadline, "no head of size " + size + ": " + answer.asString());
      Thread.sleep(50);
    }
  }

  private ObjectNode proof() throws Exception {
    return (ObjectNode)
        json.readTree(
            given()
                .get("/v1/sites/" + SITE + "/consents/" + consent + "/proof")
                .then()
                .statusCode(200)
                .extract()
                .asString());
  }

  /** Opens the page, pastes {@code text} and asks for the checks; answers each step's outcome. */
  private Map<String, String> pasted(String text) {
    return pasted(text, "");
  }

  /** The same, with a head kept from an earlier check. */
  private Map<String, String> pasted(String text, String keptHead) {
    load("/verify");
    browser.executeScript(
        "document.getElementById('receipt').value = arguments[0];"
            + "document.getElementById('kept-head').value = arguments[1]",
        text,
        keptHead);
    browser.findElement(By.id("check")).click();
    return checked();
  }

  /**
   * Opens {@code path} as a fresh page: the browser is shared, and going from {@code /verify} to
   * {@code /verify#…} would otherwise only change the fragment of the page already shown.
   */
  private void load(String path) {
    browser.get("about:blank");
    browser.get(platform.toString().replaceAll("/$", "") + path);
  }

  /**
   * Waits for the page's verdict and reads each step's class and the word it shows (and, should the
   * checks not have run, the page's own words as to why).
   */
  private Map<String, String> checked() {
    new WebDriverWait(browser, WAIT)
        .until(d -> !d.findElement(By.id("outcome")).getAttribute("class").isEmpty());
    Map<String, String> seen = new LinkedHashMap<>();
    String outcome = browser.findElement(By.id("outcome")).getText();
    if (outcome.startsWith("The receipt could not be checked")) {
      seen.put("outcome", outcome);
    }
    for (String step : STEPS) {
      var item = browser.findElement(By.id("step-" + step));
      if (!item.isDisplayed()) {
        continue;
      }
      seen.put(
          step,
          item.getAttribute("class") + " " + item.findElement(By.className("state")).getText());
    }
    return seen;
  }

  private static Map<String, String> outcomes(boolean... passed) {
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < passed.length; i++) {
      expected.put(STEPS.get(i), passed[i] ? "passed passed" : "failed failed");
    }
    return expected;
  }
}
