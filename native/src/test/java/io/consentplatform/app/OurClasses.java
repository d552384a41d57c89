package io.consentplatform.app;

import io.consentplatform.admin.Pages;
import io.consentplatform.api.policy.CookiePolicyPage;
import io.consentplatform.core.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every class of the platform's modules (core, api, admin-ui and this one), loaded without being
 * initialised, for the tests that check rules the native executable imposes on all of them.
 */
final class OurClasses {

  private OurClasses() {}

  static List<Class<?>> all() throws IOException, URISyntaxException, ClassNotFoundException {
    List<Class<?>> classes = new ArrayList<>();
    for (Class<?> module :
        List.of(
            EmbeddedPostgresServer.class,
            CookiePolicyPage.class,
            Pages.class,
            ConsentPlatformMain.class)) {
      for (String name : namesIn(module)) {
        classes.add(Class.forName(name, false, module.getClassLoader()));
      }
    }
    return classes;
  }

  /** Every class in the jar or directory {@code module} was loaded from. */
  private static List<String> namesIn(Class<?> module) throws IOException, URISyntaxException {
    Path root = Path.of(module.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(root)) {
      return namesUnder(root);
    }
    try (FileSystem jar = FileSystems.newFileSystem(root)) {
      return namesUnder(jar.getPath("/"));
    }
  }

  private static List<String> namesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .map(root::relativize)
          .map(Path::toString)
          .filter(name -> name.endsWith(".class") && name.startsWith("io/consentplatform/"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .toList();
    }
  }
}
