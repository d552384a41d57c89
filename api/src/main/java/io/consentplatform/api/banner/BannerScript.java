package io.consentplatform.api.banner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.api.web.EntityTags;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The banner script with its stylesheet inlined: one file, the same for every site (the script
 * finds its site in its own URL). Assembled once at start-up from {@code banner.min.js}, which the
 * build minifies from the commented {@code banner.js} (see api/pom.xml).
 */
@ApplicationScoped
class BannerScript {

  /** The stylesheet's place in the source, and in the minified script (which quotes it doubly). */
  private static final List<String> CSS_PLACEHOLDERS =
      List.of("'__BANNER_CSS__'", "\"__BANNER_CSS__\"");

  private static final String MINIFIED = "/banner/banner.min.js";

  private final String text;
  private final String etag;

  BannerScript(ObjectMapper json) {
    String script = script();
    String css = resource("/banner/banner.css").strip();
    String placeholder =
        CSS_PLACEHOLDERS.stream()
            .filter(script::contains)
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("banner.js lost its stylesheet placeholder"));
    try {
      // A JSON string is a valid JavaScript string literal: quotes and backslashes escaped.
      this.text = script.replace(placeholder, json.writeValueAsString(css));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    this.etag = EntityTags.ofContent(text);
  }

  /**
   * The minified script the build made; in dev mode the source, compacted, since editing it there
   * does not run the minifier again and the minified file would be stale.
   */
  private static String script() {
    return LaunchMode.current() == LaunchMode.DEVELOPMENT
        ? compact(resource("/banner/banner.js"))
        : resource(MINIFIED);
  }

  /**
   * The script without its indentation and whole-line comments, which are a fifth of its gzipped
   * weight: the source stays commented for its readers, visitors get the 8 KB budget. Lines are
   * kept (no semicolon is inferred differently) and nothing inside a line is touched, so no string
   * can be cut.
   */
  static String compact(String script) {
    StringBuilder out = new StringBuilder(script.length());
    for (String line : script.split("\n")) {
      String kept = line.strip();
      if (!kept.isEmpty() && !kept.startsWith("//")) {
        out.append(kept).append('\n');
      }
    }
    return out.toString();
  }

  String text() {
    return text;
  }

  String etag() {
    return etag;
  }

  static String resource(String path) {
    try (InputStream in = BannerScript.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
