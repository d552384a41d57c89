package io.consentplatform.api.banner;

import io.consentplatform.api.web.EntityTags;
import jakarta.enterprise.context.ApplicationScoped;

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
    this.text = BannerScript.resource("/banner/archived.js");
    this.etag = EntityTags.ofContent(text);
  }

  String text() {
    return text;
  }

  String etag() {
    return etag;
  }
}
