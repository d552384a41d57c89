package io.consentplatform.core.cookie;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.category.Category;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.csv.Csv;
import io.consentplatform.core.error.Rejected;
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
 * Cookie declarations in and out as CSV, in the column layout of the Open Cookie Database, so that
 * its entries (or another CMP's export in that layout) can be imported as they are.
 */
@ApplicationScoped
@TenantScoped
public class CookieCsv {

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

  private final Audit audit;
  private final Validator validator;

  public CookieCsv(Audit audit, Validator validator) {
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

  /** The site's cookies as CSV text, one line per cookie, header first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String export(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    Site site = TenantScope.site(caller, siteId);
    StringBuilder csv = new StringBuilder(Csv.line(HEADER));
    for (Cookie cookie : Cookie.listForSite(site)) {
      CookieText text =
          cookie.texts.getOrDefault(site.defaultLanguage, cookie.texts.values().iterator().next());
      csv.append(
          Csv.line(
              List.of(
                  cookie.id,
                  text.functionAndLocation(),
                  ocdCategory(cookie.category.purpose),
                  cookie.name,
                  (cookie.domain == null ? "" : cookie.domain)
                      + (cookie.party == Party.THIRD_PARTY ? " " + THIRD_PARTY_MARK : ""),
                  text.purposes(),
                  cookie.retention,
                  cookie.provider.name,
                  cookie.provider.privacyPolicyUrl == null ? "" : cookie.provider.privacyPolicyUrl,
                  cookie.wildcard ? "1" : "0")));
    }
    return csv.toString();
  }

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
    List<List<String>> records;
    try {
      records = Csv.parse(csv);
    } catch (IllegalArgumentException e) {
      throw new Rejected("file", "Not a CSV file: " + e.getMessage());
    }
    if (records.isEmpty() || !records.get(0).stream().map(String::strip).toList().equals(HEADER)) {
      throw new Rejected(
          "file",
          "The first line must be the Open Cookie Database header: " + String.join(",", HEADER));
    }
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
    for (int i = 1; i < records.size(); i++) {
      int line = i + 1;
      List<String> fields = records.get(i);
      if (fields.size() != HEADER.size()) {
        errors.add(
            new RowError(
                line, "file", "Expected " + HEADER.size() + " fields, found " + fields.size()));
        continue;
      }
      Row row = Row.of(fields);
      Category category = categories.get(row.purpose);
      if (row.purpose == null) {
        errors.add(new RowError(line, "Category", "Unknown category " + fields.get(2)));
        continue;
      }
      if (category == null) {
        errors.add(new RowError(line, "Category", "The site has no category for " + fields.get(2)));
        continue;
      }
      CookieEdit edit = row.edit(category.key, site.defaultLanguage);
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
      row.edit = edit;
      row.line = line;
      rows.add(row);
    }
    boolean apply = !dryRun && (errors.isEmpty() || skipInvalid);
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    List<RowChange> changes = new ArrayList<>();
    for (Row row : rows) {
      Cookie cookie = existing.get(identity(row.edit.name(), row.edit.domain()));
      if (cookie == null) {
        created++;
      } else if (row.sameAs(cookie, site.defaultLanguage)) {
        unchanged++;
        continue;
      } else {
        updated++;
      }
      changes.add(
          new RowChange(
              row.line,
              row.edit.name(),
              row.edit.domain(),
              cookie == null ? Change.ADDED : Change.CHANGED));
      if (apply) {
        Provider provider =
            providers.computeIfAbsent(
                row.edit.provider(), name -> newProvider(site, name, row.policyUrl));
        upsert(site, cookie, row.edit, provider, categories.get(row.purpose));
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

  static String ocdCategory(Purpose purpose) {
    return switch (purpose) {
      case NECESSARY -> "Necessary";
      case PREFERENCES -> "Functional";
      case STATISTICS -> "Analytics";
      case MARKETING -> "Marketing";
    };
  }

  static Purpose purposeOf(String ocdCategory) {
    return switch (ocdCategory.strip().toLowerCase(Locale.ROOT)) {
      case "necessary", "security" -> Purpose.NECESSARY;
      case "functional", "personalization", "preferences" -> Purpose.PREFERENCES;
      case "analytics", "statistics" -> Purpose.STATISTICS;
      case "marketing" -> Purpose.MARKETING;
      default -> null;
    };
  }

  /** One CSV line, read. */
  private static final class Row {
    final Purpose purpose;
    final String platform;
    final String name;
    final String domain;
    final boolean thirdParty;
    final String description;
    final String retention;
    final String controller;
    final String policyUrl;
    final boolean wildcard;
    CookieEdit edit;
    int line;

    private Row(List<String> f) {
      purpose = purposeOf(f.get(2));
      platform = f.get(1).strip();
      name = undefuse(f.get(3).strip());
      String rawDomain = f.get(4).strip();
      thirdParty = rawDomain.contains(THIRD_PARTY_MARK);
      String cleaned = rawDomain.replace(THIRD_PARTY_MARK, "").strip();
      domain = cleaned.isEmpty() ? null : cleaned;
      description = f.get(5).strip();
      retention = f.get(6).strip();
      controller = f.get(7).strip();
      String portal = f.get(8).strip();
      policyUrl = portal.matches("https?://\\S+") ? portal : null;
      wildcard = "1".equals(f.get(9).strip()) || "true".equalsIgnoreCase(f.get(9).strip());
    }

    static Row of(List<String> fields) {
      return new Row(fields);
    }

    CookieEdit edit(String categoryKey, String language) {
      String provider = controller.isEmpty() ? platform : controller;
      return new CookieEdit(
          name,
          wildcard,
          provider,
          categoryKey,
          retention.isEmpty() ? "unknown" : retention,
          thirdParty ? Party.THIRD_PARTY : Party.FIRST_PARTY,
          domain,
          0,
          Map.of(language, new CookieText(platform.isEmpty() ? provider : platform, description)));
    }

    boolean sameAs(Cookie cookie, String language) {
      return Objects.equals(cookie.provider.name, edit.provider())
          && cookie.category.purpose == purpose
          && cookie.wildcard == edit.wildcard()
          && Objects.equals(cookie.retention, edit.retention())
          && cookie.party == edit.party()
          && Objects.equals(edit.texts().get(language), cookie.texts.get(language));
    }

    private static String undefuse(String cell) {
      return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0
          ? cell.substring(1)
          : cell;
    }
  }
}
