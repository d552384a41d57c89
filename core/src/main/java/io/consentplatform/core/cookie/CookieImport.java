package io.consentplatform.core.cookie;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.category.Category;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

  public CookieImport(Audit audit, Validator validator) {
    this.audit = audit;
    this.validator = validator;
  }

  /**
   * What an import did or would do: rows by outcome, each cookie it adds or changes, and the rows
   * it could not take.
   */
  public record ImportReport(
      boolean applied,
      int created,
      int updated,
      int unchanged,
      List<RowChange> changes,
      List<RowError> errors) {}

  /** A cookie the file adds to the site or changes, by its line in the file. */
  public record RowChange(int line, String name, String domain, Change change) {}

  /** What a row does to the site's declarations. */
  public enum Change {
    ADDED,
    CHANGED
  }

  /** A row that cannot be imported: its line in the file and why. */
  public record RowError(int line, String field, String message) {}

  /** A row that can be imported: its line, what it says and the declaration it makes. */
  private record Row(int line, OpenCookieDatabase.Entry entry, CookieEdit edit) {}

  /**
   * Creates or updates the site's cookies from CSV rows, matched on name and domain; missing
   * providers are created. Nothing changes when any row is wrong, unless {@code skipInvalid}; with
   * {@code dryRun} nothing changes at all and the report tells what would.
   */
  @Transactional
  public ImportReport importCsv(
      Caller caller, long siteId, Reader csv, boolean dryRun, boolean skipInvalid) {
    caller.require(Role.EDITOR);
    Site site = TenantScope.lockedSite(caller, siteId);
    List<List<String>> records = OpenCookieDatabase.read(csv);
    Map<Purpose, Category> categories = new HashMap<>();
    for (Category category : Category.listForSite(site)) {
      categories.putIfAbsent(category.purpose, category);
    }
    Map<String, Provider> providers = new HashMap<>();
    Provider.listForSite(site).forEach(s -> providers.put(s.name, s));
    Map<String, Cookie> existing = new HashMap<>();
    Cookie.listForSite(site).forEach(c -> existing.put(identity(c.name, c.domain), c));

    List<RowError> errors = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      int line = i + 2; // the header is line 1
      List<String> fields = records.get(i);
      int width = OpenCookieDatabase.HEADER.size();
      if (fields.size() != width) {
        errors.add(
            new RowError(line, "file", "Expected " + width + " fields, found " + fields.size()));
        continue;
      }
      OpenCookieDatabase.Entry entry = OpenCookieDatabase.Entry.of(fields);
      Category category = categories.get(entry.purpose());
      if (entry.purpose() == null) {
        errors.add(new RowError(line, "Category", "Unknown category " + fields.get(2)));
        continue;
      }
      if (category == null) {
        errors.add(new RowError(line, "Category", "The site has no category for " + fields.get(2)));
        continue;
      }
      CookieEdit edit = entry.edit(category.key, site.defaultLanguage);
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
    boolean apply = !dryRun && (errors.isEmpty() || skipInvalid);
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    List<RowChange> changes = new ArrayList<>();
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
      changes.add(
          new RowChange(
              row.line(),
              row.edit().name(),
              row.edit().domain(),
              cookie == null ? Change.ADDED : Change.CHANGED));
      if (apply) {
        Provider provider =
            providers.computeIfAbsent(
                row.edit().provider(), name -> newProvider(site, name, row.entry().policyUrl()));
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
    return new ImportReport(apply, created, updated, unchanged, changes, errors);
  }

  private static boolean sameAs(Row row, Cookie cookie, String language) {
    CookieEdit edit = row.edit();
    return Objects.equals(cookie.provider.name, edit.provider())
        && cookie.category.purpose == row.entry().purpose()
        && cookie.wildcard == edit.wildcard()
        && Objects.equals(cookie.retention, edit.retention())
        && cookie.party == edit.party()
        && Objects.equals(edit.texts().get(language), cookie.texts.get(language));
  }

  private static void upsert(
      Site site, Cookie existing, CookieEdit edit, Provider provider, Category category) {
    Cookie cookie = existing != null ? existing : new Cookie();
    // Texts in the site's other languages are kept: the file speaks one language only.
    Map<String, CookieText> texts =
        existing != null ? new TreeMap<>(existing.texts) : new TreeMap<>();
    texts.putAll(edit.texts());
    int position = existing != null ? existing.position : 1000;
    cookie.site = site;
    cookie.declare(edit, provider, category);
    cookie.texts = texts;
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

  private static String identity(String name, String domain) {
    return name + "\u0000" + (domain == null ? "" : domain.toLowerCase(Locale.ROOT));
  }
}
