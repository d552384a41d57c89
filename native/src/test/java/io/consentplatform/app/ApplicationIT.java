package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The same checks against the packaged application (the jar here, the executable in native). */
@QuarkusIntegrationTest
@ResourceLock(PackagedApplication.LOCK)
class ApplicationIT extends ApplicationTest {

  /**
   * Every check here ran against a platform that found its database in its environment, as a
   * container finds it in its Secret, and not on its command line.
   */
  @Test
  void shouldHaveBeenConfiguredThroughItsEnvironmentAsAContainerIs() throws IOException {
    ProcessHandle platform =
        ProcessHandle.current()
            .children()
            .filter(child -> words(child, "cmdline").stream().anyMatch(ApplicationIT::isRunner))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the packaged platform is not running"));
    List<String> commandLine = words(platform, "cmdline");
    assertTrue(
        commandLine.stream().noneMatch(word -> word.contains("datasource")),
        () -> "the database is on the command line: " + commandLine);
    assertTrue(
        words(platform, "environ").stream()
            .anyMatch(
                variable -> variable.startsWith("QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql:")),
        "the database is not in the environment");
  }

  private static boolean isRunner(String word) {
    return word.endsWith("quarkus-run.jar") || word.endsWith("-runner");
  }

  /** The NUL-separated words of the process' {@code /proc} file. */
  private static List<String> words(ProcessHandle process, String file) {
    try {
      return Arrays.asList(
          Files.readString(Path.of("/proc", String.valueOf(process.pid()), file)).split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }
}
