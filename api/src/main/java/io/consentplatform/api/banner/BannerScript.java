package io.consentplatform.api.banner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.api.web.EntityTags;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The banner script with its stylesheet inlined: one file, the same for every site (the script
 * finds its site in its own URL). Assembled once at start-up.
 */
@ApplicationScoped
class BannerScript {

  private static final String CSS_PLACEHOLDER = "'__BANNER_CSS__'";

  private final String text;
  private final String etag;

  BannerScript(ObjectMapper json) {
    String script = resource("/banner/banner.js");
    String css = resource("/banner/banner.css").strip();
    if (!script.contains(CSS_PLACEHOLDER)) {
      throw new IllegalStateException("banner.js lost its stylesheet placeholder");
    }
    try {
      // A JSON string is a valid JavaScript string literal: quotes and backslashes escaped.
      this.text = compact(script).replace(CSS_PLACEHOLDER, json.writeValueAsString(css));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    this.etag = EntityTags.ofContent(text);
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
