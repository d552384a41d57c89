package io.consentplatform.core.scan.report;

import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.OpenCookieDatabase;
import io.consentplatform.core.csv.CsvFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Open Cookie Database (Apache-2.0), indexed for classification: rows by name, its wildcard
 * rows as prefixes, and the providers' hosts. Reads the factual columns the platform ships ({@code
 * open-cookie-database/cookies.csv}) as well as the published layout, whatever else it has.
 */
public final class CookieDatabase {

  /** The copy shipped with the platform: the database's factual columns only. */
  public static final String SHIPPED = "open-cookie-database/cookies.csv";

  /**
   * One row, as the classifier reads it.
   *
   * @param domain its host without a leading dot or the "(3rd party)" mark; null when it names none
   * @param provider its data controller, else its platform
   */
  public record Row(
      String id,
      String platform,
      String category,
      Purpose purpose,
      String name,
      String domain,
      String retention,
      String provider,
      boolean wildcard) {}

  private final Map<String, List<Row>> byName;
  private final List<Row> wildcards;
  private final Map<String, List<Row>> byHost;

  private CookieDatabase(List<Row> rows) {
    Map<String, List<Row>> names = new HashMap<>();
    List<Row> prefixes = new ArrayList<>();
    Map<String, List<Row>> hosts = new LinkedHashMap<>();
    for (Row row : rows) {
      if (row.name().isEmpty() || row.purpose() == null) {
        continue;
      }
      if (row.wildcard()) {
        prefixes.add(row);
      } else {
        names.computeIfAbsent(row.name(), n -> new ArrayList<>()).add(row);
      }
      if (row.domain() != null) {
        hosts.computeIfAbsent(row.domain(), h -> new ArrayList<>()).add(row);
      }
    }
    // The longest prefix is the most specific: _ga_ before _ga.
    prefixes.sort(Comparator.comparingInt((Row r) -> r.name().length()).reversed());
    this.byName = names;
    this.wildcards = List.copyOf(prefixes);
    this.byHost = hosts;
  }

  /** The copy shipped with the platform. */
  public static CookieDatabase shipped() {
    InputStream in = CookieDatabase.class.getClassLoader().getResourceAsStream(SHIPPED);
    if (in == null) {
      throw new IllegalStateException("The shipped cookie database " + SHIPPED + " is missing");
    }
    try (Reader csv = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a CSV whose first line names its columns: the shipped layout or the published one (the
   * columns are found by their names, so the published file's Description is simply not read).
   */
  public static CookieDatabase read(Reader csv) {
    List<List<String>> records = CsvFiles.read(csv);
    if (records.isEmpty()) {
      throw new IllegalArgumentException("An empty cookie database");
    }
    List<String> header = records.get(0).stream().map(String::strip).toList();
    int id = column(header, "ID");
    int platform = column(header, "Platform");
    int category = column(header, "Category");
    int name = column(header, "Cookie / Data Key name");
    int domain = column(header, "Domain");
    int retention = column(header, "Retention period");
    int controller = column(header, "Data Controller");
    int wildcard = column(header, "Wildcard match");
    List<Row> rows = new ArrayList<>();
    for (List<String> record : records.subList(1, records.size())) {
      if (record.size() < header.size()) {
        continue;
      }
      String dataController = record.get(controller).strip();
      String rawDomain = record.get(domain).replace("(3rd party)", "").strip();
      String host = Domains.host(rawDomain);
      String wild = record.get(wildcard).strip();
      rows.add(
          new Row(
              record.get(id).strip(),
              record.get(platform).strip(),
              record.get(category).strip(),
              purposeOf(record.get(category)),
              record.get(name).strip(),
              host.isEmpty() || host.contains(" ") || host.contains("/") ? null : host,
              record.get(retention).strip(),
              dataController.isEmpty() ? record.get(platform).strip() : dataController,
              "1".equals(wild) || "true".equalsIgnoreCase(wild)));
    }
    return new CookieDatabase(rows);
  }

  /** The rows of exactly this name (not wildcards), in the file's order. */
  List<Row> named(String name) {
    return byName.getOrDefault(name, List.of());
  }

  /** The wildcard rows whose prefix starts {@code name}, the longest prefix first. */
  List<Row> prefixesOf(String name) {
    return wildcards.stream().filter(row -> name.startsWith(row.name())).toList();
  }

  /**
   * The rows of the provider whose host {@code host} is or is under, the most specific host first;
   * empty when no provider of the database is known there.
   */
  List<Row> onHost(String host) {
    String candidate = host;
    while (!candidate.isEmpty()) {
      List<Row> rows = byHost.get(candidate);
      // A bare top-level name ("com") is nobody's.
      if (rows != null && candidate.contains(".")) {
        return rows;
      }
      int dot = candidate.indexOf('.');
      candidate = dot < 0 ? "" : candidate.substring(dot + 1);
    }
    return List.of();
  }

  int size() {
    return byName.values().stream().mapToInt(List::size).sum() + wildcards.size();
  }

  private static Purpose purposeOf(String category) {
    return OpenCookieDatabase.purposeOf(category);
  }

  private static int column(List<String> header, String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(
          "Not an Open Cookie Database CSV: no column " + name.toLowerCase(Locale.ROOT));
    }
    return index;
  }

  /** For tests: the first row of exactly this name. */
  Optional<Row> first(String name) {
    return named(name).stream().findFirst();
  }
}
