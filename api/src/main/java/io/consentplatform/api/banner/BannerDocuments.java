package io.consentplatform.api.banner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.api.i18n.Languages;
import io.consentplatform.core.hash.Sha256;
import io.consentplatform.core.policy.BannerConfig;
import io.consentplatform.core.policy.PolicySnapshot;
import io.consentplatform.core.policy.PublishedPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
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

  private final ObjectMapper json;
  private final Map<String, Document> byVersionAndLanguage = new ConcurrentHashMap<>();

  BannerDocuments(ObjectMapper json) {
    this.json = json;
  }

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

  private Document render(PublishedPolicy policy, String language) {
    try {
      byte[] bytes = json.writeValueAsBytes(BannerConfig.of(policy, language));
      return new Document(bytes, etagOf(bytes));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A strong ETag from the representation itself, so that a new format also changes it. */
  static String etagOf(byte[] content) {
    return "\"" + HexFormat.of().formatHex(Sha256.digest(content), 0, 16) + "\"";
  }

  static String etagOf(String content) {
    return etagOf(content.getBytes(StandardCharsets.UTF_8));
  }
}
