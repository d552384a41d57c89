package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.policy.PolicyVersion;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Records as the demo tenant's owner reads them in a real Chromium (issue 20, points 11 and 12):
 * the consent log and a receipt with category names, the same words and local times with their
 * zone; the audit trail naming the cookie an edit changed and each field's old and new value. With
 * {@code -Dscreenshots.dir=…} it leaves {@code point11-after.png} (the consent log) and {@code
 * point12-after.png} (the audit trail) there.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class RecordsBrowserTest {

  /** The zone the test configuration sets ({@code %test.consent.admin.time-zone}). */
  private static final ZoneId ZONE = ZoneId.of("America/New_York");

  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  @Inject ConsentService consents;

  @TestHTTPResource("/")
  URL base;

  private ChromeDriver browser;

  @BeforeEach
  void open() {
    browser = Chromium.start();
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  @Test
  void shouldShowReadableRecordsAndWhatAnEditChanged() {
    DemoMembers.add("records@cary.example", Role.OWNER);
    Instant recorded =
        consents.recordDecision(
                "townofcary",
                new Decision(
                    null,
                    currentVersion(),
                    ConsentAction.CUSTOM,
                    Map.of(
                        "necessary",
                        true,
                        "statistics",
                        true,
                        "internal",
                        true,
                        "third_party",
                        false),
                    "en",
                    ConsentMethod.SETTINGS,
                    false,
                    null,
                    null))
            .recordedAt;
    signIn("records@cary.example");
    browser.findElement(By.linkText("Town of Cary open data portal")).click();
    browser.findElement(By.linkText("Consent log")).click();

    WebElement row = browser.findElement(By.cssSelector("tbody tr"));
    WebElement time = row.findElement(By.tagName("time"));
    assertEquals(localTime(recorded), time.getText());
    assertEquals(recorded.toString(), time.getAttribute("title"));
    assertEquals(
        List.of(
            "Cookies necessary for the platform to function properly/functionality cookies",
            "Statistical cookies",
            "Internal or first-party cookies",
            "Third-party cookies"),
        row.findElements(By.cssSelector("td span")).stream().map(WebElement::getText).toList());
    assertTrue(row.getText().contains("Custom"), row.getText());
    Chromium.keep(browser, "point11-after");

    row.findElement(By.cssSelector("th a")).click();
    assertTrue(
        browser.findElement(By.cssSelector("dl.receipt")).getText().contains("Custom"),
        "the receipt says Custom too");
    assertEquals(localTime(recorded), browser.findElement(By.cssSelector("dl time")).getText());

    browser.findElement(By.linkText("Cookies")).click();
    browser.findElement(By.linkText("csrftoken")).click();
    WebElement purposes = browser.findElement(By.id("purposes"));
    String before = purposes.getAttribute("value");
    purposes.clear();
    purposes.sendKeys("To protect the portal's forms against cross-site request forgery");
    browser.findElement(By.cssSelector("form.grid button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("done=cookie-saved"));

    browser.get(base + "admin/audit");
    WebElement change = browser.findElement(By.cssSelector("tbody tr"));
    assertEquals(
        "Cookie csrftoken", change.findElement(By.cssSelector(".audit-subject")).getText());
    List<String> fields =
        change.findElements(By.cssSelector(".audit-fields li")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(
        List.of(
            "Purposes (en): '"
                + shortened(before)
                + "' → 'To protect the portal's forms against cross-site request forgery'"),
        fields);
    Chromium.keep(browser, "point12-after");
  }

  /** The instant formatted by hand, apart from the application's formatter. */
  private static String localTime(Instant instant) {
    ZonedDateTime t = instant.atZone(ZONE);
    return String.format(
        "%s %d, %d, %02d:%02d:%02d %s",
        MONTHS[t.getMonthValue() - 1],
        t.getDayOfMonth(),
        t.getYear(),
        t.getHour(),
        t.getMinute(),
        t.getSecond(),
        ZONE.getRules().isDaylightSavings(instant) ? "EDT" : "EST");
  }

  /** The trail shows at most 80 characters of a value, on one line. */
  private static String shortened(String value) {
    String oneLine = value.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 79) + "…";
  }

  private static int currentVersion() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                PolicyVersion.<PolicyVersion>find(
                        "site = ?1 order by number desc",
                        Site.findByKey("townofcary").orElseThrow())
                    .firstResult()
                    .number);
  }

  private void signIn(String email) {
    BackOfficeSignIn.demoMember(browser, base, email);
  }
}
