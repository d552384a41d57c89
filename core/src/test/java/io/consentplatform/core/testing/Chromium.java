package io.consentplatform.core.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchFrameException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's real headless Chromium, driven through its own chromedriver (Debian's {@code
 * chromium} and {@code chromium-driver}): nothing is downloaded, every browser starts with a fresh
 * profile.
 */
public final class Chromium {

  private static final File BROWSER = new File("/usr/bin/chromium");
  private static final File DRIVER = new File("/usr/bin/chromedriver");

  private Chromium() {}

  /** A new browser with an empty profile; the caller quits it. */
  public static ChromeDriver start() {
    return start(new String[0]);
  }

  /**
   * A new browser with an empty profile and these command-line switches too, such as {@code
   * --host-resolver-rules=MAP *.town.test 127.0.0.1} for several host names on loopback; the caller
   * quits it.
   */
  public static ChromeDriver start(String... extraArguments) {
    if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
      throw new IllegalStateException(
          "Browser tests need Debian's chromium and chromium-driver: apt-get install chromium"
              + " chromium-driver (.ci/test, the README's test command, does it)");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    options.addArguments(extraArguments);
    // The page's console stays readable (driver.manage().logs().get("browser")).
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService provider =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(provider, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return driver;
  }

  /**
   * Presses a button that submits a form and waits until the answer has replaced the page: a click
   * returns before the navigation ends, and what is read next would otherwise come from the old
   * page (or from nothing yet).
   */
  public static void submit(ChromeDriver driver, WebElement button) {
    WebElement page = driver.findElement(By.tagName("html"));
    button.click();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.until(d -> isGone(page));
    wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
  }

  /**
   * Whether {@code element} has been replaced (its page, or the part of it a script re-rendered).
   * Chromium says so either as a stale element or, caught while it swaps the document in, as a node
   * that "does not belong to the document" (a plain WebDriverException, which stalenessOf let
   * through: CI failed on it).
   */
  public static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /**
   * Waits until an element matching {@code css} inside the frame {@code frame} shows {@code text}.
   * A preview frame is rebuilt as the page changes: each attempt enters it afresh, and an element
   * read while it is being replaced is simply looked up again.
   */
  public static void awaitInFrame(ChromeDriver driver, String frame, String css, String text) {
    awaitInFrame(
        driver,
        frame,
        d ->
            d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
  }

  /**
   * Waits until {@code condition} holds inside {@code frame}. A preview frame is re-rendered as the
   * person types, so an element found a moment ago may be gone: such a miss is a retry, not a
   * failure.
   */
  public static void awaitInFrame(
      ChromeDriver driver, String frame, Predicate<WebDriver> condition) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(10))
          .ignoring(StaleElementReferenceException.class)
          .ignoring(NoSuchFrameException.class)
          .until(
              d -> {
                d.switchTo().defaultContent();
                d.switchTo().frame(frame);
                return condition.test(d);
              });
    } finally {
      driver.switchTo().defaultContent();
    }
  }

  /** Saves what the browser shows as a PNG, for people to look at. */
  public static void screenshot(ChromeDriver driver, Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Keeps a picture of the page as {@code name}.png in {@code target/screenshots}, and in {@code
   * screenshots.dir} too when that property is set (where release notes collect them).
   */
  public static void keep(ChromeDriver driver, String name) {
    screenshot(driver, Path.of("target/screenshots", name + ".png"));
    String wanted = System.getProperty("screenshots.dir");
    if (wanted != null && !wanted.isBlank()) {
      screenshot(driver, Path.of(wanted, name + ".png"));
    }
  }
}
