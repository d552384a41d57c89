package io.consentplatform.admin.scan;

import io.consentplatform.admin.category.CategoryNames;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.ScanMessages;
import io.consentplatform.core.cookie.CookieView;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.cookie.RetentionFormat;
import io.consentplatform.core.scan.Adoption;
import io.consentplatform.core.scan.report.Lifetimes;
import io.consentplatform.core.scan.report.ScanReport;
import io.consentplatform.core.scan.report.ScanReport.Change;
import io.consentplatform.core.scan.report.ScanReport.CookieFinding;
import io.consentplatform.core.scan.report.ScanReport.DeclaredNotFound;
import io.consentplatform.core.scan.report.ScanReport.DiffStatus;
import io.consentplatform.core.scan.report.ScanReport.Violation;
import io.consentplatform.core.scan.report.ScanReport.ViolationKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A scan's report as its page shows it: violations first (before consent, despite refusal, to
 * review), then every cookie with its classification, then what differs from the declarations, and
 * the new cookies an editor may add to the draft with a category and provider already chosen.
 *
 * @param findings every cookie found, each with its category's name when it has one
 * @param fresh the cookies found and not declared, in the order the adopt form lists them
 * @param changed the declared cookies the scan saw otherwise, with what the declaration says now
 */
public record ReportView(
    ScanReport report,
    List<Violation> violations,
    List<Finding> findings,
    List<Finding> fresh,
    List<Changed> changed,
    List<DeclaredNotFound> missing) {

  /**
   * A cookie found, with what the page says of it beside the report's own fields.
   *
   * @param seen its observed lifetime as a retention ("13 months"); a session for a session cookie
   * @param categoryName the name of the site's category it belongs to, when declared, or of the
   *     category its purpose suggests
   * @param suggestedCategory the key of the category the adopt form chooses first; empty if none
   *     fits
   * @param suggestedProvider the provider the adopt form fills in first; empty if unknown
   */
  public record Finding(
      CookieFinding cookie,
      Retention seen,
      String categoryName,
      String suggestedCategory,
      String suggestedProvider) {

    public boolean thirdParty() {
      return cookie.party() == Party.THIRD_PARTY;
    }
  }

  /**
   * A declared cookie the scan saw otherwise, and the declaration as it stands now (null when it
   * was removed since).
   */
  public record Changed(Finding finding, CookieView declared, List<Change> changes) {

    /** What differs, one line per change: "retention: declared 1 day, found 13 months". */
    public List<String> lines() {
      ScanMessages texts = AdminLanguage.current().scanMessages();
      String language = AdminLanguage.current().code();
      CookieFinding cookie = finding.cookie();
      List<String> lines = new ArrayList<>();
      for (Change change : changes) {
        lines.add(
            switch (change) {
              case DOMAIN ->
                  texts.changedDomain(
                      declared == null || declared.domain() == null
                          ? texts.anyDomain()
                          : declared.domain(),
                      cookie.domain());
              case RETENTION ->
                  texts.changedRetention(
                      declared == null
                          ? "–"
                          : RetentionFormat.format(declared.retention(), language, language),
                      RetentionFormat.format(finding.seen(), language, language));
              case PARTY ->
                  texts.changedParty(
                      declared == null ? "–" : party(declared.party(), texts),
                      party(cookie.party(), texts));
            });
      }
      return lines;
    }

    private static String party(Party party, ScanMessages texts) {
      return party == Party.THIRD_PARTY ? texts.thirdParty() : texts.firstParty();
    }
  }

  /**
   * The report of a finished scan, read against the site's categories (for the names of declared
   * cookies' categories), what the scan proposes to adopt (each new finding's category and
   * provider, from {@code ScanService.proposals}) and the site's current declarations (for what a
   * changed cookie's declaration says).
   */
  static ReportView of(
      ScanReport report, CategoryNames names, List<Adoption> proposals, List<CookieView> declared) {
    Map<Long, CookieView> declarations =
        declared.stream().collect(Collectors.toMap(CookieView::id, Function.identity()));
    Map<String, Adoption> proposed = new HashMap<>();
    proposals.forEach(p -> proposed.putIfAbsent(p.name() + "\n" + p.domain(), p));
    List<Finding> findings = new ArrayList<>();
    List<Finding> fresh = new ArrayList<>();
    List<Changed> changed = new ArrayList<>();
    for (CookieFinding cookie : report.cookies()) {
      String declaredCategory = cookie.classification().category();
      Adoption proposal = proposed.get(cookie.name() + "\n" + cookie.domain());
      Finding finding =
          new Finding(
              cookie,
              Lifetimes.retentionOf(cookie.lifetimeSeconds()),
              declaredCategory == null ? null : names.name(declaredCategory),
              proposal == null || proposal.category() == null ? "" : proposal.category(),
              proposal == null || proposal.provider() == null ? "" : proposal.provider());
      findings.add(finding);
      if (cookie.diff() == DiffStatus.NEW) {
        fresh.add(finding);
      } else if (cookie.diff() == DiffStatus.CHANGED) {
        Long id = cookie.classification().declaredCookieId();
        changed.add(
            new Changed(finding, id == null ? null : declarations.get(id), cookie.changes()));
      }
    }
    List<Violation> violations = new ArrayList<>(report.violations());
    // Stable: within a kind, the order in which the scan found them.
    violations.sort(Comparator.comparing(v -> order(v.kind())));
    return new ReportView(report, violations, findings, fresh, changed, report.declaredNotFound());
  }

  private static int order(ViolationKind kind) {
    return switch (kind) {
      case SET_BEFORE_CONSENT -> 0;
      case SET_DESPITE_REFUSAL -> 1;
      case TO_REVIEW -> 2;
    };
  }
}
