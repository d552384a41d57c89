package io.consentplatform.api.banner;

import io.consentplatform.api.web.EntityTags;
import io.consentplatform.core.policy.BannerConfig;
import io.consentplatform.core.policy.PolicySnapshot;
import io.consentplatform.core.policy.PublishedPolicy;
import io.consentplatform.core.text.Languages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Banner configurations serialised once per policy version and language. A published version never
 * changes, so an entry keyed by its hash never goes stale; only the lookup of the current version
 * needs invalidating, and {@code CurrentPolicies} does that.
 */
@ApplicationScoped
class BannerDocuments {

  private static final int MAX_ENTRIES = 10_000;

  /**
   * The JSON bytes of a configuration and their strong ETag; {@code buffer} holds the same bytes
   * for the banner route, which writes it as it is (Vert.x writes a duplicate, never the original).
   */
  record Document(byte[] json, String etag, io.vertx.core.buffer.Buffer buffer) {
    Document(byte[] json, String etag) {
      this(json, etag, io.vertx.core.buffer.Buffer.buffer(json));
    }
  }

  private final Map<String, Document> byVersionAndLanguage = new ConcurrentHashMap<>();

  /**
   * What to answer a request for a policy's configuration: the document in the language asked
   * ({@code ?lang}, else the browser's, else the site's default), whether that choice depended on
   * {@code Accept-Language} (so caches must vary on it), and whether the client already has it.
   */
  record Answer(Document document, boolean variesByBrowser, boolean notModified) {}

  Answer answer(PublishedPolicy policy, String lang, String acceptLanguage, String ifNoneMatch) {
    PolicySnapshot.SiteEntry site = policy.snapshot().site();
    String language =
        Languages.choose(lang, acceptLanguage, site.languages(), site.defaultLanguage());
    Document document = of(policy, language);
    return new Answer(
        document,
        lang == null || !site.languages().contains(lang),
        EntityTags.matches(ifNoneMatch, document.etag()));
  }

  Document of(PublishedPolicy policy, String language) {
    String key = policy.contentHash() + "/" + language;
    Document document = byVersionAndLanguage.get(key);
    if (document == null) {
      document = render(policy, language);
      if (byVersionAndLanguage.size() >= MAX_ENTRIES) {
        byVersionAndLanguage.clear();
      }
      byVersionAndLanguage.put(key, document);
    }
    return document;
  }

  private static Document render(PublishedPolicy policy, String language) {
    byte[] bytes = BannerConfig.of(policy, language).json();
    return new Document(bytes, EntityTags.ofContent(bytes));
  }
}
