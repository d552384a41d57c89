package io.consentplatform.core.cookie;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.category.Category;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.csv.CsvFiles;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Imports a file in the {@link OpenCookieDatabase} layout into a site's declarations: what it adds
 * or changes, as a dry run or for real, all or nothing unless the bad rows may be skipped.
 */
@ApplicationScoped
@TenantScoped
public class CookieImport {

  private final Audit audit;
  private final Validator validator;
  private final CsvFiles.Limits limits;

  public CookieImport(Audit audit, Validator validator, CoreConfig config) {
    this.audit = audit;
    this.validator = validator;
    CoreConfig.CsvImport csv = config.csvImport();
    this.limits = new CsvFiles.Limits(csv.maxRows(), csv.maxColumns(), csv.maxCellChars());
  }

  /**
   * What an import did or would do: rows by outcome, each cookie it adds or changes, the rows it
   * could not take, the providers it reuses or creates, where its categories go and the patterns
   * that can name the same cookie.
   */
  public record ImportReport(
      boolean applied,
      int created,
      int updated,
      int unchanged,
      List<RowChange> changes,
      List<RowError> errors,
      List<ProviderUse> providers,
      List<CategoryUse> categories,
      List<Overlap> overlaps) {}

  /**
   * A cookie the file adds to the site or changes, by its line in the file.
   *
   * @param category the key of the site's category it goes to
   */
  public record RowChange(
      int line, String name, String domain, Change change, String category, String provider) {}

  /** What a row does to the site's declarations. */
  public enum Change {
    ADDED,
    CHANGED
  }

  /** A row that cannot be imported: its line in the file and why. */
  public record RowError(int line, String field, String message) {}

  /**
   * A provider the file names (its "Data Controller", else its "Platform").
   *
   * @param name as the file first writes it
   * @param existing the site's provider it is taken to be (same name, whatever the case and
   *     spaces), or null when the import creates it
   * @param cookies how many of the rows to import name it
   */
  public record ProviderUse(String name, String existing, int cookies) {
    public boolean created() {
      return existing == null;
    }
  }

  /**
   * Where a Category of the file goes.
   *
   * @param category the key of the site's category, or null when the site has none for it
   */
  public record CategoryUse(String fileCategory, String category, int rows) {}

  /**
   * Two declarations that can name the same cookie on the same domain, such as {@code _pk_id*} and
   * {@code _pk_id.*}: visitors would read it twice, perhaps in two categories.
   *
   * @param pattern the row's name as visitors read it ({@code *} ending a wildcard)
   * @param other the other declaration's name, as visitors read it
   * @param otherLine the other's line in the file, or null when the site declares it already
   */
  public record Overlap(int line, String pattern, String other, Integer otherLine) {}

  /** A row that can be imported: its line, what it says and the declaration it makes. */
  private record Row(int line, OpenCookieDatabase.Entry entry, CookieEdit edit) {}

  /**
   * Creates or updates the site's cookies from CSV rows, matched on name and domain; providers are
   * matched on their name whatever its case and spaces, and missing ones created. Nothing changes
   * when any row is wrong, unless {@code skipInvalid}; with {@code dryRun} nothing changes at all
   * and the report tells what would.
   */
  @Transactional
  public ImportReport importCsv(
      Caller caller, long siteId, Reader csv, boolean dryRun, boolean skipInvalid) {
    return run(caller, siteId, csv, dryRun, skipInvalid, null);
  }

  /**
   * Imports what a preview showed: the good rows, skipping those in error, but only when the file
   * still makes {@code expectedChanges} changes (the site may have changed since the preview);
   * otherwise nothing changes and the report says why.
   */
  @Transactional
  public ImportReport importPreviewed(Caller caller, long siteId, Reader csv, int expectedChanges) {
    return run(caller, siteId, csv, false, true, expectedChanges);
  }

  private ImportReport run(
      Caller caller,
      long siteId,
      Reader csv,
      boolean dryRun,
      boolean skipInvalid,
      Integer expectedChanges) {
    caller.require(Role.EDITOR);
    Site site = TenantScope.lockedSite(caller, siteId);
    // Read row by row: only the rows worth importing are kept, never the whole file as cells.
    Iterator<List<String>> records = OpenCookieDatabase.records(csv, limits);
    Map<Purpose, Category> categories = new HashMap<>();
    for (Category category : Category.listForSite(site)) {
      categories.putIfAbsent(category.purpose, category);
    }
    Map<String, Provider> providers = new HashMap<>();
    Provider.listForSite(site).forEach(p -> providers.putIfAbsent(providerKey(p.name), p));
    Map<String, Cookie> existing = new HashMap<>();
    Cookie.listForSite(site).forEach(c -> existing.put(identity(c.name, c.domain), c));

    List<RowError> errors = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    Map<String, CategoryUse> categoryUses = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    int line = 1; // the header
    while (records.hasNext()) {
      List<String> fields = records.next();
      line++;
      int width = OpenCookieDatabase.HEADER.size();
      if (fields.size() != width) {
        errors.add(
            new RowError(line, "file", "Expected " + width + " fields, found " + fields.size()));
        continue;
      }
      OpenCookieDatabase.Entry entry = OpenCookieDatabase.Entry.of(fields);
      Category category = entry.purpose() == null ? null : categories.get(entry.purpose());
      if (entry.purpose() != null) {
        String fileCategory = entry.category();
        categoryUses.merge(
            fileCategory.toLowerCase(Locale.ROOT),
            new CategoryUse(fileCategory, category == null ? null : category.key, 1),
            (a, b) -> new CategoryUse(a.fileCategory(), a.category(), a.rows() + 1));
      }
      if (entry.purpose() == null) {
        errors.add(new RowError(line, "Category", "Unknown category " + fields.get(2)));
        continue;
      }
      if (category == null) {
        errors.add(new RowError(line, "Category", "The site has no category for " + fields.get(2)));
        continue;
      }
      Provider known = providers.get(providerKey(entry.providerName()));
      String provider = known != null ? known.name : entry.providerName();
      CookieEdit edit = entry.edit(category.key, provider, site.defaultLanguage);
      Set<ConstraintViolation<CookieEdit>> violations = validator.validate(edit);
      if (!violations.isEmpty()) {
        ConstraintViolation<CookieEdit> first = violations.iterator().next();
        errors.add(new RowError(line, first.getPropertyPath().toString(), first.getMessage()));
        continue;
      }
      if (!seen.add(identity(edit.name(), edit.domain()))) {
        errors.add(
            new RowError(
                line, "Cookie / Data Key name", "Declared twice in the file: " + edit.name()));
        continue;
      }
      rows.add(new Row(line, entry, edit));
    }
    List<RowChange> changes = new ArrayList<>();
    Map<String, ProviderUse> providerUses = new LinkedHashMap<>();
    List<Row> changing = new ArrayList<>();
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (Row row : rows) {
      Cookie cookie = existing.get(identity(row.edit().name(), row.edit().domain()));
      if (cookie == null) {
        created++;
      } else if (sameAs(row, cookie, site.defaultLanguage)) {
        unchanged++;
        continue;
      } else {
        updated++;
      }
      changing.add(row);
      changes.add(
          new RowChange(
              row.line(),
              row.edit().name(),
              row.edit().domain(),
              cookie == null ? Change.ADDED : Change.CHANGED,
              row.edit().category(),
              row.edit().provider()));
      Provider known = providers.get(providerKey(row.edit().provider()));
      providerUses.merge(
          providerKey(row.edit().provider()),
          new ProviderUse(row.entry().providerName(), known == null ? null : known.name, 1),
          (a, b) -> new ProviderUse(a.name(), a.existing(), a.cookies() + 1));
    }
    boolean apply =
        !dryRun
            && (errors.isEmpty() || skipInvalid)
            && (expectedChanges == null || expectedChanges == changes.size());
    if (apply) {
      for (Row row : changing) {
        Cookie cookie = existing.get(identity(row.edit().name(), row.edit().domain()));
        Provider provider =
            providers.computeIfAbsent(
                providerKey(row.edit().provider()),
                key -> newProvider(site, row.edit().provider(), row.entry().policyUrl()));
        upsert(site, cookie, row.edit(), provider, categories.get(row.entry().purpose()));
      }
    }
    if (apply && created + updated > 0) {
      audit.record(
          caller,
          "import",
          "cookies",
          site.id,
          null,
          Map.of(
              "created",
              created,
              "updated",
              updated,
              "unchanged",
              unchanged,
              "skipped",
              errors.size()));
    }
    return new ImportReport(
        apply,
        created,
        updated,
        unchanged,
        changes,
        errors,
        List.copyOf(providerUses.values()),
        List.copyOf(categoryUses.values()),
        overlaps(rows, existing));
  }

  /**
   * The rows whose name a wildcard of the file or of the site also covers, or whose wildcard covers
   * another's name, on the same domain. Only wildcards can overlap, so the search is wildcards by
   * declarations, not every pair.
   */
  private static List<Overlap> overlaps(List<Row> rows, Map<String, Cookie> existing) {
    record Declared(String name, boolean wildcard, String domain, Integer line) {
      String shown() {
        return wildcard ? name + "*" : name;
      }

      boolean covers(Declared other) {
        return wildcard
            && domain.equals(other.domain)
            && other.name.startsWith(name)
            && !(other.wildcard && other.name.equals(name));
      }
    }
    List<Declared> all = new ArrayList<>();
    Set<String> inFile = new HashSet<>();
    for (Row row : rows) {
      CookieEdit edit = row.edit();
      all.add(new Declared(edit.name(), edit.wildcard(), domainKey(edit.domain()), row.line()));
      inFile.add(identity(edit.name(), edit.domain()));
    }
    existing.forEach(
        (identity, cookie) -> {
          if (!inFile.contains(identity)) {
            all.add(new Declared(cookie.name, cookie.wildcard, domainKey(cookie.domain), null));
          }
        });
    List<Declared> wildcards = all.stream().filter(Declared::wildcard).toList();
    List<Overlap> overlaps = new ArrayList<>();
    for (Declared wildcard : wildcards) {
      for (Declared other : all) {
        if (other == wildcard || !wildcard.covers(other)) {
          continue;
        }
        // Reported on the file's row; two rows of the file, on the later line.
        if (wildcard.line() == null) {
          overlaps.add(new Overlap(other.line(), other.shown(), wildcard.shown(), null));
        } else if (other.line() == null || other.line() < wildcard.line()) {
          overlaps.add(new Overlap(wildcard.line(), wildcard.shown(), other.shown(), other.line()));
        } else {
          overlaps.add(new Overlap(other.line(), other.shown(), wildcard.shown(), wildcard.line()));
        }
      }
    }
    overlaps.sort(Comparator.comparingInt(Overlap::line).thenComparing(Overlap::other));
    return overlaps;
  }

  private static boolean sameAs(Row row, Cookie cookie, String language) {
    CookieEdit edit = row.edit();
    return Objects.equals(cookie.provider.name, edit.provider())
        && cookie.category.purpose == row.entry().purpose()
        && cookie.wildcard == edit.wildcard()
        && sameRetention(cookie.retention(), edit.retention(), language)
        && cookie.party == edit.party()
        && Objects.equals(edit.texts().get(language), cookie.texts.get(language));
  }

  // The file speaks one language: its retention is compared on the duration and that note.
  private static boolean sameRetention(Retention stored, Retention read, String language) {
    return stored.unit() == read.unit()
        && Objects.equals(stored.amount(), read.amount())
        && Objects.equals(stored.notes().get(language), read.notes().get(language));
  }

  private static void upsert(
      Site site, Cookie existing, CookieEdit edit, Provider provider, Category category) {
    Cookie cookie = existing != null ? existing : new Cookie();
    // Texts in the site's other languages are kept: the file speaks one language only.
    Map<String, CookieText> texts =
        existing != null ? new TreeMap<>(existing.texts) : new TreeMap<>();
    texts.putAll(edit.texts());
    Map<String, String> notes =
        existing != null ? new TreeMap<>(existing.retentionNotes) : new TreeMap<>();
    int position = existing != null ? existing.position : 1000;
    // Nor does it say where the browser keeps an item: what the site declared stays.
    Storage storage = existing != null ? existing.storage : edit.storage();
    boolean httpOnly = existing != null && existing.httpOnly;
    cookie.site = site;
    cookie.declare(edit, provider, category);
    cookie.texts = texts;
    cookie.storage = storage;
    cookie.httpOnly = httpOnly;
    if (existing != null) {
      // Likewise the retention's notes in other languages.
      Retention read = edit.retention();
      notes.remove(site.defaultLanguage);
      notes.putAll(read.notes());
      cookie.setRetention(new Retention(read.unit(), read.amount(), notes));
    }
    cookie.position = position;
    if (existing == null) {
      cookie.persist();
    }
  }

  private static Provider newProvider(Site site, String name, String policyUrl) {
    Provider provider = new Provider();
    provider.site = site;
    provider.name = name;
    provider.privacyPolicyUrl = policyUrl;
    provider.persist();
    return provider;
  }

  /** A provider's name as the import matches it: case and runs of spaces do not count. */
  static String providerKey(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String domainKey(String domain) {
    return domain == null ? "" : domain.toLowerCase(Locale.ROOT);
  }

  private static String identity(String name, String domain) {
    return name + "\u0000" + (domain == null ? "" : domain.toLowerCase(Locale.ROOT));
  }
}
