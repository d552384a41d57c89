package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's test command works on a fresh machine: it names (or installs) the browser the
 * browser tests need before running Maven, and CI runs that very command rather than its own copy.
 */
class TestCommandTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SCRIPT = ROOT.resolve(".ci/test");

  @Test
  void shouldNameTheMissingBrowserPackagesBeforeRunningMaven() throws Exception {
    Result result =
        run(
            Map.of(
                "CONSENT_TEST_CHROMIUM", "/nonexistent/chromium",
                "CONSENT_TEST_CHROMEDRIVER", "/nonexistent/chromedriver"),
            "--dry-run");

    assertEquals(0, result.exitCode(), result.output());
    assertTrue(
        result.output().contains("apt-get install -y chromium chromium-driver"), result.output());
    assertTrue(result.output().contains("Would run: mvn -B -T 2 verify"), result.output());
  }

  @Test
  void shouldInstallNothingWhenTheBrowserIsThere() throws Exception {
    Path chromium = Files.createTempFile("chromium", "");
    Path driver = Files.createTempFile("chromedriver", "");
    chromium.toFile().setExecutable(true);
    driver.toFile().setExecutable(true);

    Result result =
        run(
            Map.of(
                "CONSENT_TEST_CHROMIUM", chromium.toString(),
                "CONSENT_TEST_CHROMEDRIVER", driver.toString()),
            "--dry-run");

    assertEquals(0, result.exitCode(), result.output());
    assertTrue(!result.output().contains("apt-get"), result.output());
    assertTrue(result.output().contains("Would run: mvn -B -T 2 verify"), result.output());
  }

  @Test
  void shouldBeTheCommandTheReadmeGivesAndCiRuns() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher block =
        Pattern.compile("Run all tests[^`]*```sh\\n([^`]*)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(), "the README has a test command");
    assertEquals(".ci/test", block.group(1).trim());

    List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run"));
    assertTrue(ci.contains("exec .ci/test"), "CI runs the README's test command");
  }

  private static Result run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script answers at once");
    return new Result(process.exitValue(), output);
  }

  private record Result(int exitCode, String output) {}
}
