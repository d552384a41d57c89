package io.consentplatform.api.banner;

import io.consentplatform.api.web.EntityTags;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What {@code banner.js} is for an archived site: a script that shows nothing and sends nothing,
 * yet keeps {@code window.ConsentPlatform} for the page's own code. Pages that still embed the
 * snippet then run without an error in their visitors' consoles, which a 404 would print.
 */
@ApplicationScoped
class ArchivedScript {

  private final String text;
  private final String etag;

  ArchivedScript() {
    try (InputStream in = ArchivedScript.class.getResourceAsStream("/banner/archived.js")) {
      if (in == null) {
        throw new IllegalStateException("/banner/archived.js is missing from the build");
      }
      this.text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.etag = EntityTags.ofContent(text);
  }

  String text() {
    return text;
  }

  String etag() {
    return etag;
  }
}
