package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * What the native compile would be given, as the build leaves it in {@code target/native-sources}
 * (native-image cannot run here): the whole platform in one runner jar, every resource it reads at
 * run time registered, the JSON types it reflects on registered, and no escape hatch that would
 * turn a build-time error into a run-time surprise.
 *
 * <p>Where the executable itself was compiled ({@code -Dnative}, which names it in {@code
 * native.image.path}), the sources are not left there and the integration tests run against the
 * executable instead: these checks stand in for that run and are left out of it.
 */
@DisabledIfSystemProperty(
    named = "native.image.path",
    matches = ".+",
    disabledReason = "the executable was compiled: the integration tests run against it")
class NativeSourcesIT {

  private static final Path SOURCES = Path.of("target/native-sources");
  private static final Path RUNNER = SOURCES.resolve("consent-platform-runner.jar");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldCompileTheRunnerJarIntoOneExecutableWithNoFallback() throws IOException {
    List<String> args = arguments();

    assertTrue(Files.isRegularFile(RUNNER), "the runner jar is there");
    assertEquals(
        List.of("consent-platform-runner", "-jar", "consent-platform-runner.jar"),
        args.subList(args.size() - 3, args.size()),
        "compiles the runner jar into consent-platform-runner");
    assertTrue(args.contains("--no-fallback"), "a native executable or nothing, never a JVM");
    assertTrue(
        args.stream().anyMatch(arg -> arg.startsWith("--features=io.quarkus.runner.Feature")),
        "Quarkus' build-time registrations are applied");
    try (Stream<Path> libraries = Files.list(SOURCES.resolve("lib"))) {
      Set<String> names =
          libraries.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
      for (String module : List.of("core", "api", "admin-ui")) {
        assertTrue(
            names.stream().anyMatch(name -> name.contains("io.consentplatform." + module + "-")),
            () -> module + " is on the class path: " + names);
      }
    }
  }

  @Test
  void shouldUseNoEscapeHatch() throws IOException {
    List<String> args = arguments();

    for (String hatch :
        List.of(
            "--allow-incomplete-classpath",
            "-H:+AllowIncompleteClasspath",
            "--report-unsupported-elements-at-runtime",
            "-H:+ReportUnsupportedElementsAtRuntime",
            "--auto-fallback",
            "--force-fallback",
            "--initialize-at-build-time")) {
      assertFalse(args.contains(hatch), hatch + " is not used");
    }
    assertTrue(args.contains("--link-at-build-time"), "missing classes fail the build");
  }

  /**
   * Every file the modules ship as a resource is in the executable, except the few that an
   * extension consumes at build time or that only the JVM's embedded database reads. A hand-written
   * list of the resources read at run time once missed the Open Cookie Database: every scan failed
   * natively ("The shipped cookie database ... is missing").
   */
  @Test
  void shouldRegisterEveryResourceReadAtRunTime() throws IOException {
    List<Pattern> included = resourcePatterns();

    List<String> needed = new ArrayList<>();
    for (String module : List.of("core", "api", "admin-ui")) {
      Path resources = Path.of("..", module, "src/main/resources");
      try (Stream<Path> files = Files.walk(resources)) {
        files
            .filter(Files::isRegularFile)
            .map(file -> resources.relativize(file).toString().replace('\\', '/'))
            .filter(name -> !readOnlyAtBuildTimeOrOnTheJvm(name))
            .forEach(needed::add);
      }
    }
    assertTrue(needed.contains("open-cookie-database/cookies.csv"), "the modules were found");
    assertTrue(needed.stream().anyMatch(name -> name.endsWith("V1__consent_domain.sql")));
    List<String> missing =
        needed.stream()
            .filter(resource -> included.stream().noneMatch(p -> p.matcher(resource).matches()))
            .sorted()
            .toList();
    assertEquals(List.of(), missing, "resources left out of the executable");
  }

  private static boolean readOnlyAtBuildTimeOrOnTheJvm(String resource) {
    return resource.equals("META-INF/microprofile-config.properties") // recorded at build time
        || resource.startsWith("messages/") // Qute message bundles, compiled at build time
        // Hibernate Validator's extension registers them as resource bundles (natively checked by
        // SiteSetupBrowserTwinIT, which reads one of their messages).
        || resource.matches("ValidationMessages(_[a-z]{2})?\\.properties")
        // The embedded PostgreSQL's watchdog: the executable refuses to start without an external
        // database (NativeWithoutDatabaseIT).
        || resource.equals("io/consentplatform/core/db/watchdog.sh");
  }

  @Test
  void shouldRegisterTheTypesReadAndWrittenAsJsonOutsideTheRestLayer() throws IOException {
    Set<String> reflected = new HashSet<>();
    readFromRunner("META-INF/native-image/reflect-config.json")
        .forEach(entry -> reflected.add(entry.path("name").asText()));

    for (String type :
        List.of(
            "io.consentplatform.core.demo.DemoContent",
            "io.consentplatform.core.demo.DemoContent$CookieEntry",
            "io.consentplatform.core.policy.PolicySnapshot",
            "io.consentplatform.core.policy.PolicySnapshot$CookieEntry",
            "io.consentplatform.core.policy.BannerConfig",
            "io.consentplatform.core.site.SiteView",
            "io.consentplatform.api.consent.ConsentRequest",
            "io.consentplatform.api.consent.ConsentReceipt",
            "io.consentplatform.api.problem.Problem")) {
      assertTrue(reflected.contains(type), type + " is registered for reflection");
    }
  }

  private static List<String> arguments() throws IOException {
    String args = Files.readString(SOURCES.resolve("native-image.args")).strip();
    return Arrays.asList(args.split("\\s+"));
  }

  private static List<Pattern> resourcePatterns() throws IOException {
    List<Pattern> patterns = new ArrayList<>();
    readFromRunner("META-INF/native-image/resource-config.json")
        .path("resources")
        .path("includes")
        .forEach(include -> patterns.add(Pattern.compile(include.path("pattern").asText())));
    return patterns;
  }

  private static JsonNode readFromRunner(String entry) throws IOException {
    try (ZipFile jar = new ZipFile(RUNNER.toFile());
        InputStream in = jar.getInputStream(jar.getEntry(entry))) {
      return JSON.readTree(in);
    }
  }
}
