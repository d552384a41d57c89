package io.consentplatform.core.cookie;

import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.csv.CsvFiles;
import io.consentplatform.core.csv.FormulaCells;
import io.consentplatform.core.error.Rejected;
import java.io.Reader;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The CSV layout of the Open Cookie Database: its columns, a cookie as a row and a row as a cookie,
 * so that its entries (or another CMP's export in that layout) can be imported as they are.
 */
public final class OpenCookieDatabase {

  public static final List<String> HEADER =
      List.of(
          "ID",
          "Platform",
          "Category",
          "Cookie / Data Key name",
          "Domain",
          "Description",
          "Retention period",
          "Data Controller",
          "User Privacy & GDPR Rights Portals",
          "Wildcard match");

  private static final String THIRD_PARTY_MARK = "(3rd party)";

  private OpenCookieDatabase() {}

  /** The cookies as CSV text, header first, each with its text in {@code language} or its first. */
  static String write(List<Cookie> cookies, String language) {
    StringWriter csv = new StringWriter();
    try (CsvFiles.Rows rows = CsvFiles.writer(csv)) {
      rows.write(HEADER);
      for (Cookie cookie : cookies) {
        rows.write(row(cookie, language));
      }
    }
    return csv.toString();
  }

  /**
   * The data records of a file whose first record is the header, read one at a time within the
   * limits; a record's number is its place in the file, the header being 1. A file that is not CSV
   * or goes past a limit is {@link Rejected} when the reading gets there.
   */
  static Iterator<List<String>> records(Reader csv, CsvFiles.Limits limits) {
    Iterator<List<String>> records = CsvFiles.records(csv, limits);
    List<String> header = guarded(() -> records.hasNext() ? records.next() : null);
    if (header == null || !header.stream().map(String::strip).toList().equals(HEADER)) {
      throw new Rejected(
          "file",
          "The first line must be the Open Cookie Database header: " + String.join(",", HEADER));
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return guarded(records::hasNext);
      }

      @Override
      public List<String> next() {
        return guarded(records::next);
      }
    };
  }

  private static <T> T guarded(Supplier<T> reading) {
    try {
      return reading.get();
    } catch (CsvFiles.LimitExceeded e) {
      throw new Rejected("file", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new Rejected("file", "Not a CSV file: " + e.getMessage());
    }
  }

  private static List<Object> row(Cookie cookie, String language) {
    CookieText text = cookie.texts.getOrDefault(language, cookie.texts.values().iterator().next());
    return List.of(
        cookie.id,
        text.functionAndLocation(),
        ocdCategory(cookie.category.purpose),
        cookie.name,
        (cookie.domain == null ? "" : cookie.domain)
            + (cookie.party == Party.THIRD_PARTY ? " " + THIRD_PARTY_MARK : ""),
        text.purposes(),
        RetentionFormat.format(cookie.retention(), language, language),
        cookie.provider.name,
        cookie.provider.privacyPolicyUrl == null ? "" : cookie.provider.privacyPolicyUrl,
        cookie.wildcard ? "1" : "0");
  }

  static String ocdCategory(Purpose purpose) {
    return switch (purpose) {
      case NECESSARY -> "Necessary";
      case PREFERENCES -> "Functional";
      case STATISTICS -> "Analytics";
      case MARKETING -> "Marketing";
    };
  }

  public static Purpose purposeOf(String ocdCategory) {
    return switch (ocdCategory.strip().toLowerCase(Locale.ROOT)) {
      case "necessary", "security" -> Purpose.NECESSARY;
      case "functional", "personalization", "preferences" -> Purpose.PREFERENCES;
      case "analytics", "statistics" -> Purpose.STATISTICS;
      case "marketing" -> Purpose.MARKETING;
      default -> null;
    };
  }

  /**
   * One data record, read: cells are stripped, then {@link FormulaCells#restore restored}, so a
   * value that starts with a tab survives the trip.
   *
   * @param category the Category cell as written, for messages
   * @param purpose what the category means here, or {@code null} when it means nothing known
   */
  record Entry(
      String category,
      Purpose purpose,
      String platform,
      String name,
      String domain,
      boolean thirdParty,
      String description,
      String retention,
      String controller,
      String policyUrl,
      boolean wildcard) {

    /** The provider the record names: its data controller, else its platform. */
    String providerName() {
      return controller.isEmpty() ? platform : controller;
    }

    /** A record of exactly {@link #HEADER}'s width. */
    static Entry of(List<String> record) {
      List<String> cells = record.stream().map(c -> FormulaCells.restore(c.strip())).toList();
      String rawDomain = cells.get(4);
      String domain = rawDomain.replace(THIRD_PARTY_MARK, "").strip();
      String portal = cells.get(8);
      String wildcard = cells.get(9);
      return new Entry(
          cells.get(2),
          purposeOf(cells.get(2)),
          cells.get(1),
          cells.get(3),
          domain.isEmpty() ? null : domain,
          rawDomain.contains(THIRD_PARTY_MARK),
          cells.get(5),
          cells.get(6),
          cells.get(7),
          portal.matches("https?://\\S+") ? portal : null,
          "1".equals(wildcard) || "true".equalsIgnoreCase(wildcard));
    }

    /**
     * The declaration the record makes, its texts in {@code language}: a retention that reads as a
     * duration becomes one, any other is kept as the note in {@code language}.
     *
     * @param provider the name of the provider it goes to (the site's spelling when it has one)
     */
    CookieEdit edit(String categoryKey, String provider, String language) {
      return new CookieEdit(
          name,
          wildcard,
          provider,
          categoryKey,
          Retention.fromText(retention.isEmpty() ? "unknown" : retention, language),
          thirdParty ? Party.THIRD_PARTY : Party.FIRST_PARTY,
          domain,
          0,
          Map.of(language, new CookieText(platform.isEmpty() ? provider : platform, description)));
    }
  }
}
