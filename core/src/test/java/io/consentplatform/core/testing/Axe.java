package io.consentplatform.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (from the npm registry, see core's pom) run in a test's browser: the WCAG 2.1 A and AA
 * rules on part of a page, its violations as readable lines. An empty list means none.
 */
public final class Axe {

  private static final String SOURCE = read();

  private Axe() {}

  /** The violations of WCAG 2.1 A/AA within the elements {@code css} selects, one line each. */
  @SuppressWarnings("unchecked")
  public static List<String> violations(ChromeDriver driver, String css) {
    // Through DevTools: a page's Content-Security-Policy does not block it. Once per document.
    if (!Boolean.TRUE.equals(driver.executeScript("return !!window.axe"))) {
      driver.executeScript(SOURCE);
    }
    Object found =
        driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(arguments[0], {runOnly: {type: 'tag',"
                + " values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(r.violations.map(function (v) {"
                + "  return v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map("
                + "    function (n) { return n.target.join(' ') + ' ' + n.failureSummary; })"
                + "    .join('; '); })); },"
                + " function (e) { done(['axe failed: ' + e]); });",
            css);
    return (List<String>) found;
  }

  /** Emulates the visitor's colour scheme ({@code light} or {@code dark}) for this page. */
  public static void colourScheme(ChromeDriver driver, String scheme) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  private static String read() {
    try (InputStream in = Axe.class.getResourceAsStream("axe/package/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is missing: core's build downloads it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
