package io.consentplatform.core.scan.report;

import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.scan.ObservedCookie;
import io.consentplatform.core.scan.ObservedStorage;
import io.consentplatform.core.scan.Pass;
import io.consentplatform.core.scan.ScanObservations;
import io.consentplatform.core.scan.ScanObservations.PassObservations;
import io.consentplatform.core.scan.report.ScanReport.Change;
import io.consentplatform.core.scan.report.ScanReport.Classification;
import io.consentplatform.core.scan.report.ScanReport.CookieFinding;
import io.consentplatform.core.scan.report.ScanReport.DeclaredNotFound;
import io.consentplatform.core.scan.report.ScanReport.DiffStatus;
import io.consentplatform.core.scan.report.ScanReport.ScanCounts;
import io.consentplatform.core.scan.report.ScanReport.Source;
import io.consentplatform.core.scan.report.ScanReport.StorageFinding;
import io.consentplatform.core.scan.report.ScanReport.Violation;
import io.consentplatform.core.scan.report.ScanReport.ViolationKind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes a scan's report from what its passes observed: every cookie classified ({@link
 * CookieClassifier}) and compared with the declarations, and the visitor's choices checked. Before
 * the visitor answers, a cookie that is not necessary is set before consent and an unclassified one
 * is to review; after "Reject all", one that is not necessary is set despite refusal.
 */
public final class ReportBuilder {

  private ReportBuilder() {}

  /** A report of a scan that visited the site's own declared domains. */
  public static ScanReport build(
      ScanObservations observations,
      List<Declaration> declarations,
      List<String> siteDomains,
      CookieDatabase database,
      Instant scannedAt) {
    return build(observations, declarations, siteDomains, siteDomains, database, scannedAt);
  }

  /**
   * @param siteDomains the domains the scan visited: a cookie under one of them is first-party
   * @param declaredDomains the site's declared domains: a declaration on one of them is for the
   *     site's own cookie, wherever the scan visited it (the demo site's declarations name its real
   *     portal; its scans visit the platform's copy)
   * @param scannedAt when the scan began: observed lifetimes count from it
   */
  public static ScanReport build(
      ScanObservations observations,
      List<Declaration> declarations,
      List<String> siteDomains,
      List<String> declaredDomains,
      CookieDatabase database,
      Instant scannedAt) {
    CookieClassifier classifier = new CookieClassifier(declarations, database, siteDomains);
    Map<String, Seen<ObservedCookie>> cookies = new LinkedHashMap<>();
    Map<String, Seen<ObservedStorage>> storage = new LinkedHashMap<>();
    Set<String> pages = new LinkedHashSet<>();
    Set<String> hosts = new TreeSet<>();
    List<Pass> passes = new ArrayList<>();
    for (PassObservations pass : observations.passes()) {
      passes.add(pass.pass());
      pages.addAll(pass.pages());
      hosts.addAll(pass.thirdPartyHosts());
      for (ObservedCookie cookie : pass.cookies()) {
        String key = cookie.name() + "\n" + cookie.domain() + "\n" + cookie.path();
        cookies.computeIfAbsent(key, k -> new Seen<>(cookie)).add(pass.pass(), cookie.pages());
      }
      for (ObservedStorage item : pass.storage()) {
        String key = item.kind() + "\n" + item.origin() + "\n" + item.name();
        storage.computeIfAbsent(key, k -> new Seen<>(item)).add(pass.pass(), item.pages());
      }
    }

    Map<String, Classification> classes = new LinkedHashMap<>();
    cookies.forEach(
        (key, seen) ->
            classes.put(key, classifier.classify(seen.first.name(), seen.first.domain())));

    List<Violation> violations = violations(observations, classes);
    Map<Long, Declaration> byId = new LinkedHashMap<>();
    declarations.forEach(d -> byId.put(d.cookieId(), d));
    Set<Long> found = new HashSet<>();
    List<CookieFinding> findings = new ArrayList<>();
    cookies.forEach(
        (key, seen) -> {
          Classification classification = classes.get(key);
          if (classification.declaredCookieId() != null) {
            found.add(classification.declaredCookieId());
          }
          findings.add(
              finding(seen, classification, byId, siteDomains, declaredDomains, scannedAt));
        });
    findings.sort(
        Comparator.comparing(CookieFinding::name)
            .thenComparing(CookieFinding::domain)
            .thenComparing(f -> Objects.toString(f.path(), "")));

    List<StorageFinding> items = new ArrayList<>();
    storage.forEach(
        (key, seen) -> {
          ObservedStorage item = seen.first;
          String host = hostOf(item.origin());
          items.add(
              new StorageFinding(
                  item.kind(),
                  item.origin(),
                  item.name(),
                  Domains.firstParty(host, siteDomains) ? Party.FIRST_PARTY : Party.THIRD_PARTY,
                  List.copyOf(seen.pages),
                  List.copyOf(seen.passes),
                  classifier.classify(item.name(), host)));
        });

    List<DeclaredNotFound> missing =
        declarations.stream()
            .filter(d -> !found.contains(d.cookieId()))
            .map(
                d ->
                    new DeclaredNotFound(
                        d.cookieId(),
                        d.name(),
                        d.wildcard(),
                        d.domain(),
                        d.category(),
                        d.provider()))
            .toList();

    ScanCounts counts =
        new ScanCounts(
            findings.size(),
            items.size(),
            hosts.size(),
            pages.size(),
            (int) violations.stream().filter(v -> v.kind() != ViolationKind.TO_REVIEW).count(),
            (int) violations.stream().filter(v -> v.kind() == ViolationKind.TO_REVIEW).count(),
            (int) findings.stream().filter(f -> f.diff() == DiffStatus.NEW).count(),
            (int) findings.stream().filter(f -> f.diff() == DiffStatus.CHANGED).count(),
            missing.size());
    return new ScanReport(
        scannedAt,
        observations.bannerEmbedded(),
        List.copyOf(passes),
        violations,
        List.copyOf(findings),
        List.copyOf(items),
        List.copyOf(hosts),
        List.copyOf(pages),
        List.copyOf(observations.skipped()),
        missing,
        counts);
  }

  /**
   * The visitor's choices broken, pass by pass in the order found, set before consent and despite
   * refusal first; then what to review, once per cookie.
   */
  private static List<Violation> violations(
      ScanObservations observations, Map<String, Classification> classes) {
    List<Violation> broken = new ArrayList<>();
    List<Violation> review = new ArrayList<>();
    Set<String> reviewed = new HashSet<>();
    for (PassObservations pass : observations.passes()) {
      if (pass.pass() == Pass.ACCEPTED_ALL) {
        continue;
      }
      for (ObservedCookie cookie : pass.cookies()) {
        String key = cookie.name() + "\n" + cookie.domain() + "\n" + cookie.path();
        Classification classification = classes.get(key);
        if (classification.necessary()) {
          continue;
        }
        ViolationKind kind;
        if (!classification.classified()) {
          if (!reviewed.add(key)) {
            continue;
          }
          kind = ViolationKind.TO_REVIEW;
        } else {
          kind =
              pass.pass() == Pass.NO_DECISION
                  ? ViolationKind.SET_BEFORE_CONSENT
                  : ViolationKind.SET_DESPITE_REFUSAL;
        }
        Violation violation =
            new Violation(
                kind,
                pass.pass(),
                cookie.name(),
                cookie.domain(),
                cookie.pages().isEmpty() ? null : cookie.pages().get(0),
                cookie.setBy(),
                cookie.setterUrl(),
                classification.purpose(),
                classification.provider());
        (kind == ViolationKind.TO_REVIEW ? review : broken).add(violation);
      }
    }
    List<Violation> all = new ArrayList<>(broken);
    all.addAll(review);
    return List.copyOf(all);
  }

  private static CookieFinding finding(
      Seen<ObservedCookie> seen,
      Classification classification,
      Map<Long, Declaration> declarations,
      List<String> siteDomains,
      List<String> declaredDomains,
      Instant scannedAt) {
    ObservedCookie cookie = seen.first;
    Party party =
        Domains.firstParty(cookie.domain(), siteDomains) ? Party.FIRST_PARTY : Party.THIRD_PARTY;
    Long lifetime =
        cookie.expires() == null
            ? null
            : Math.max(0, Duration.between(scannedAt, cookie.expires()).toSeconds());
    DiffStatus diff = DiffStatus.NEW;
    List<Change> changes = List.of();
    if (classification.source() == Source.DECLARED) {
      Declaration declared = declarations.get(classification.declaredCookieId());
      changes = changes(declared, declaredDomains, cookie.domain(), party, lifetime);
      diff = changes.isEmpty() ? DiffStatus.DECLARED : DiffStatus.CHANGED;
    }
    return new CookieFinding(
        cookie.name(),
        cookie.domain(),
        cookie.path(),
        party,
        cookie.expires(),
        lifetime,
        cookie.httpOnly(),
        cookie.secure(),
        cookie.sameSite(),
        cookie.setBy(),
        cookie.setterUrl(),
        List.copyOf(seen.pages),
        List.copyOf(seen.passes),
        classification,
        diff,
        changes);
  }

  /**
   * What the declaration says otherwise than the cookie seen. A declaration without a domain, or on
   * one of the site's declared domains, is for a cookie of the site's own: seen first-party, it is
   * where it was declared.
   */
  static List<Change> changes(
      Declaration declared,
      List<String> declaredDomains,
      String domain,
      Party party,
      Long lifetime) {
    EnumSet<Change> changes = EnumSet.noneOf(Change.class);
    boolean declaredOwn =
        declared.domain() == null
            || declared.domain().isBlank()
            || Domains.firstParty(declared.domain(), declaredDomains);
    if (declaredOwn
        ? party == Party.THIRD_PARTY
        : !Domains.host(declared.domain()).equals(Domains.host(domain))) {
      changes.add(Change.DOMAIN);
    }
    if (declared.party() != null && declared.party() != party) {
      changes.add(Change.PARTY);
    }
    if (Lifetimes.changed(declared.retention(), lifetime)) {
      changes.add(Change.RETENTION);
    }
    return List.copyOf(changes);
  }

  private static String hostOf(String origin) {
    try {
      String host = URI.create(origin).getHost();
      return host == null ? Domains.host(origin) : host;
    } catch (IllegalArgumentException e) {
      return Domains.host(origin);
    }
  }

  /** One cookie or storage item over the passes: as first seen, and where and when seen. */
  private static final class Seen<T> {
    final T first;
    final Set<Pass> passes = EnumSet.noneOf(Pass.class);
    final Set<String> pages = new LinkedHashSet<>();

    Seen(T first) {
      this.first = first;
    }

    Seen<T> add(Pass pass, List<String> on) {
      passes.add(pass);
      if (on != null) {
        pages.addAll(on);
      }
      return this;
    }
  }
}
