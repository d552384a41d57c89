package io.consentplatform.api.banner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consentplatform.api.consent.SiteOrigins;
import io.consentplatform.api.web.EntityTags;
import io.consentplatform.core.policy.BannerConfig;
import io.consentplatform.core.policy.PolicySnapshot;
import io.consentplatform.core.policy.PublishedPolicy;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.text.Languages;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Banner configurations serialised once per policy version, language, whether the asking page's
 * origin is declared and the experience the visitor's region gets: never per region, of which there
 * are thousands for a handful of experiences. A published version never changes, so an entry keyed
 * by its hash never goes stale; only the lookups of the current version and domains need
 * invalidating, and {@code CurrentPolicies} and {@code DeclaredDomains} do that.
 */
@ApplicationScoped
class BannerDocuments {

  private static final int MAX_ENTRIES = 10_000;
  private static final ObjectMapper JSON = JsonMapper.builder().build();

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
  record Answer(
      Document document, boolean variesByBrowser, boolean sharedCacheable, boolean notModified) {}

  /**
   * The answer to a page at {@code origin} (null when the browser sent none: a same-origin request
   * or a server). A page whose origin the site does not declare gets the document with {@code
   * "originDeclared": false}, so that the banner can say why its decisions will be refused: one bit
   * about the asking page itself, nothing about the site's other domains.
   */
  Answer answer(
      PublishedPolicy policy,
      List<String> domains,
      String origin,
      String lang,
      String acceptLanguage,
      String ifNoneMatch,
      AskedRegion region) {
    PolicySnapshot.SiteEntry site = policy.snapshot().site();
    String language =
        Languages.choose(lang, acceptLanguage, site.languages(), site.defaultLanguage());
    boolean declared = origin == null || SiteOrigins.allows(domains, origin);
    Experience experience = BannerConfig.experienceFor(policy.snapshot(), region.region());
    Document document = of(policy, language, declared, experience);
    return new Answer(
        document,
        lang == null || !site.languages().contains(lang),
        region.inUrl(),
        EntityTags.matches(ifNoneMatch, document.etag()));
  }

  Document of(PublishedPolicy policy, String language, boolean declared, Experience experience) {
    String key =
        policy.contentHash()
            + "/"
            + language
            + "/"
            + experience.wireName()
            + (declared ? "" : "/undeclared");
    Document document = byVersionAndLanguage.get(key);
    if (document == null) {
      document = render(policy, language, declared, experience);
      if (byVersionAndLanguage.size() >= MAX_ENTRIES) {
        byVersionAndLanguage.clear();
      }
      byVersionAndLanguage.put(key, document);
    }
    return document;
  }

  private static Document render(
      PublishedPolicy policy, String language, boolean declared, Experience experience) {
    byte[] bytes = BannerConfig.of(policy, language, experience).json();
    if (!declared) {
      bytes = undeclared(bytes);
    }
    return new Document(bytes, EntityTags.ofContent(bytes));
  }

  private static byte[] undeclared(byte[] json) {
    try {
      ObjectNode document = (ObjectNode) JSON.readTree(json);
      document.put("originDeclared", false);
      return JSON.writeValueAsBytes(document);
    } catch (IOException e) {
      // The bytes were written by BannerConfig a moment ago: failing to read them is a bug.
      throw new UncheckedIOException(e);
    }
  }
}
