package io.consentplatform.core.scan.report;

import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.scan.report.CookieDatabase.Row;
import io.consentplatform.core.scan.report.ScanReport.Classification;
import io.consentplatform.core.scan.report.ScanReport.Rule;
import io.consentplatform.core.scan.report.ScanReport.Source;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Says what a cookie found on a site is, trying in order: the site's declarations (exact names,
 * then wildcard declarations as prefixes), the platform's own preference cookie, the Open Cookie
 * Database (name and domain, then name, then its wildcard rows as prefixes), then whether the
 * cookie's domain is a known provider's (third-party cookies only); else unclassified. Each answer
 * says which rule matched.
 */
public final class CookieClassifier {

  /** The banner's cookie that keeps the visitor's decision: the platform's, always necessary. */
  public static final String PREFERENCE_COOKIE = "cookies_preferences";

  /**
   * The banner's other storage is named after its cookie ({@code cookies_preferences_region} for
   * the visitor's region in the session, {@code cookies_preferences_notice} for a dismissed
   * notice): the platform's too, always necessary.
   */
  private static final String PLATFORM_PREFIX = PREFERENCE_COOKIE + "_";

  private static final String PLATFORM = "Consent Platform";

  private final List<Declaration> declarations;
  private final CookieDatabase database;
  private final List<String> siteDomains;

  public CookieClassifier(
      List<Declaration> declarations, CookieDatabase database, List<String> siteDomains) {
    this.declarations = List.copyOf(declarations);
    this.database = database;
    this.siteDomains = List.copyOf(siteDomains);
  }

  /** The classification of a cookie (or storage key) of this name on this domain. */
  public Classification classify(String name, String domain) {
    String host = Domains.host(domain);
    return declared(name, host)
        .or(() -> platform(name))
        .or(() -> openCookieDatabase(name, host))
        .or(() -> providerHost(host, domain))
        .orElse(Classification.NONE);
  }

  /** The declaration a cookie matches, if any: its exact name first, then the longest prefix. */
  Optional<Declaration> declaration(String name, String host) {
    Optional<Declaration> exact =
        declarations.stream()
            .filter(d -> !d.wildcard() && d.name().equals(name))
            .min(Comparator.comparingInt(d -> domainDistance(d, host)));
    if (exact.isPresent()) {
      return exact;
    }
    return declarations.stream()
        .filter(d -> d.wildcard() && name.startsWith(prefix(d)))
        .max(
            Comparator.comparingInt((Declaration d) -> prefix(d).length())
                .thenComparing(d -> -domainDistance(d, host)));
  }

  private Optional<Classification> declared(String name, String host) {
    return declaration(name, host)
        .map(
            d ->
                new Classification(
                    Source.DECLARED,
                    d.wildcard() ? Rule.DECLARED_WILDCARD : Rule.DECLARED_NAME,
                    d.wildcard() ? prefix(d) + "*" : d.name(),
                    d.purpose(),
                    d.category(),
                    d.required() || d.purpose() == Purpose.NECESSARY,
                    d.provider(),
                    d.cookieId()));
  }

  private static Optional<Classification> platform(String name) {
    if (!PREFERENCE_COOKIE.equals(name) && !name.startsWith(PLATFORM_PREFIX)) {
      return Optional.empty();
    }
    return Optional.of(
        new Classification(
            Source.PLATFORM,
            Rule.PLATFORM_COOKIE,
            name,
            Purpose.NECESSARY,
            null,
            true,
            PLATFORM,
            null));
  }

  private Optional<Classification> openCookieDatabase(String name, String host) {
    List<Row> named = database.named(name);
    Optional<Row> onDomain =
        named.stream().filter(r -> r.domain() != null && sameSite(host, r.domain())).findFirst();
    if (onDomain.isPresent()) {
      return Optional.of(ocd(onDomain.get(), Rule.OCD_NAME_AND_DOMAIN));
    }
    // By name alone: a row that names no domain says most; else the first of its name.
    Optional<Row> byName =
        named.stream().min(Comparator.comparingInt((Row r) -> r.domain() == null ? 0 : 1));
    if (byName.isPresent()) {
      return Optional.of(ocd(byName.get(), Rule.OCD_NAME));
    }
    List<Row> prefixed = database.prefixesOf(name);
    if (prefixed.isEmpty()) {
      return Optional.empty();
    }
    int longest = prefixed.get(0).name().length();
    Row best =
        prefixed.stream()
            .filter(r -> r.name().length() == longest)
            .filter(r -> r.domain() != null && sameSite(host, r.domain()))
            .findFirst()
            .orElse(prefixed.get(0));
    return Optional.of(ocd(best, Rule.OCD_WILDCARD));
  }

  /**
   * A third-party cookie on a host where the database knows a provider: that provider, and the
   * purpose most of its cookies there have (the stricter one on a tie).
   */
  private Optional<Classification> providerHost(String host, String domain) {
    if (host.isEmpty() || Domains.firstParty(domain, siteDomains)) {
      return Optional.empty();
    }
    List<Row> rows = database.onHost(host);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<Purpose, Integer> counts = new EnumMap<>(Purpose.class);
    rows.forEach(r -> counts.merge(r.purpose(), 1, Integer::sum));
    Purpose purpose =
        counts.entrySet().stream()
            .max(
                Map.Entry.<Purpose, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey()))
            .orElseThrow()
            .getKey();
    Row first = rows.get(0);
    return Optional.of(
        new Classification(
            Source.HOST_RULE,
            Rule.PROVIDER_HOST,
            first.domain(),
            purpose,
            null,
            purpose == Purpose.NECESSARY,
            first.provider(),
            null));
  }

  private static Classification ocd(Row row, Rule rule) {
    return new Classification(
        Source.OPEN_COOKIE_DATABASE,
        rule,
        row.id(),
        row.purpose(),
        null,
        row.purpose() == Purpose.NECESSARY,
        row.provider(),
        null);
  }

  /** Whether a cookie's host and a row's domain name the same site, one under the other. */
  private static boolean sameSite(String host, String domain) {
    return Domains.within(host, domain) || Domains.within(domain, host);
  }

  /** 0 when a declaration is for this host, 1 for the site's own (no domain), 2 for another. */
  private static int domainDistance(Declaration declaration, String host) {
    if (declaration.domain() == null || declaration.domain().isBlank()) {
      return 1;
    }
    return sameSite(host, Domains.host(declaration.domain())) ? 0 : 2;
  }

  /** A wildcard declaration's prefix, whether it was written {@code _ga_} or {@code _ga_*}. */
  static String prefix(Declaration declaration) {
    String name = declaration.name();
    return name.endsWith("*") ? name.substring(0, name.length() - 1) : name;
  }
}
