package io.consentplatform.core.scan;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.category.Category;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.CookieEdit;
import io.consentplatform.core.cookie.CookieService;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.CookieView;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.ProviderEdit;
import io.consentplatform.core.cookie.ProviderView;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.error.Rejected.Fault;
import io.consentplatform.core.plan.Quotas;
import io.consentplatform.core.scan.report.Domains;
import io.consentplatform.core.scan.report.Lifetimes;
import io.consentplatform.core.scan.report.ScanReport.Classification;
import io.consentplatform.core.scan.report.ScanReport.CookieFinding;
import io.consentplatform.core.scan.report.ScanReport.DiffStatus;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A site's scans, for its tenant: start one (editors and owners), follow it, read its report, and
 * add what it found to the site's draft. The scans themselves run elsewhere ({@link ScanWorker}).
 */
@ApplicationScoped
@TenantScoped
public class ScanService {

  private final CookieService cookies;
  private final Audit audit;
  private final CoreConfig config;
  private final ScanReach reach;
  private final Validator validator;

  // Field-injected so that the plan's check is one added line in this shared service.
  @Inject Quotas quotas;

  public ScanService(
      CookieService cookies, Audit audit, CoreConfig config, ScanReach reach, Validator validator) {
    this.cookies = cookies;
    this.audit = audit;
    this.config = config;
    this.reach = reach;
    this.validator = validator;
  }

  /**
   * Queues a scan of the site for the next instance that runs scans. Refused (409) while another is
   * queued or running, and for an archived site; a site without domains has nothing to scan (422).
   */
  @Transactional
  public ScanView start(Caller caller, long siteId) {
    caller.require(Role.EDITOR);
    // Locked: two requests at once for one site queue one scan and refuse the other.
    Site site = TenantScope.lockedSite(caller, siteId);
    if (site.isArchived()) {
      throw new Conflict("Site " + site.key + " is archived: it is not scanned");
    }
    if (site.domains.isEmpty() && reach.reachable(site.key).isEmpty()) {
      throw new Rejected("domains", "The site declares no domain to scan");
    }
    if (Scan.activeForSite(site).isPresent()) {
      throw new Conflict("A scan of site " + site.key + " is already queued or running");
    }
    quotas.allowScan(caller);
    Scan scan = new Scan();
    scan.tenantId = caller.tenantId();
    scan.site = site;
    scan.trigger = ScanTrigger.MANUAL;
    scan.requestedBy = caller.shownAs();
    scan.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    scan.pageCap = quotas.pagesPerScan(caller, pageCapOf(site));
    try {
      scan.persist();
      Scan.flush();
    } catch (PersistenceException e) {
      // The schedule queued one between the check and the insert (the unique index).
      throw new Conflict("A scan of site " + site.key + " is already queued or running");
    }
    ScanView view = ScanView.of(scan, false);
    audit.record(caller, "start", "scan", scan.id, null, view);
    return view;
  }

  /** A scan with its progress and, once done, its report. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ScanView get(Caller caller, long siteId, long scanId) {
    caller.require(Role.VIEWER);
    return ScanView.of(TenantScope.scan(caller, siteId, scanId), true);
  }

  /** The site's scans, newest first, at most fifty, without their reports. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ScanView> list(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    return Scan.listForSite(TenantScope.site(caller, siteId)).stream()
        .map(scan -> ScanView.of(scan, false))
        .toList();
  }

  /**
   * The site's newest finished scan, without its report, for the dashboard: its date and figures
   * (new findings, violations). Empty when the site was never scanned to the end.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ScanView> latest(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    return Scan.latestDone(TenantScope.site(caller, siteId)).map(scan -> ScanView.of(scan, false));
  }

  /** The site's queued or running scan, if any, to follow its progress. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ScanView> current(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    return Scan.activeForSite(TenantScope.site(caller, siteId))
        .map(scan -> ScanView.of(scan, false));
  }

  /**
   * Adds cookies a scan found to the site's declarations, as drafts until the next publication:
   * each with the category and provider the editor gave (a missing provider is created), the
   * lifetime observed as its retention, its party and domain as seen, and a short text in the
   * site's default language to be completed. All or nothing: one finding at fault refuses all.
   */
  @Transactional
  public List<CookieView> adopt(Caller caller, long siteId, long scanId, List<Adoption> adoptions) {
    caller.require(Role.EDITOR);
    Scan scan = TenantScope.scan(caller, siteId, scanId);
    if (scan.status != ScanStatus.DONE || scan.report == null) {
      throw new Conflict("Scan " + scanId + " has no report yet");
    }
    Site site = scan.site;
    List<Fault> faults = new ArrayList<>();
    Map<Adoption, CookieFinding> findings = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < adoptions.size(); i++) {
      Adoption adoption = adoptions.get(i);
      Optional<CookieFinding> finding =
          scan.report.cookies().stream()
              .filter(f -> f.name().equals(adoption.name()) && f.domain().equals(adoption.domain()))
              .findFirst();
      if (finding.isEmpty()) {
        faults.add(
            new Fault(
                "findings[" + i + "].name",
                "The scan found no cookie " + adoption.name() + " on " + adoption.domain()));
      } else if (!seen.add(adoption.name() + "\n" + adoption.domain())) {
        faults.add(new Fault("findings[" + i + "].name", "Named twice: " + adoption.name()));
      } else {
        findings.put(adoption, finding.get());
      }
    }
    if (!faults.isEmpty()) {
      throw new Rejected("Some findings cannot be added", faults);
    }
    Set<String> providers = new HashSet<>();
    cookies.providers(caller, siteId).stream().map(ProviderView::name).forEach(providers::add);
    List<CookieView> created = new ArrayList<>();
    int i = 0;
    for (Map.Entry<Adoption, CookieFinding> entry : findings.entrySet()) {
      Adoption adoption = entry.getKey();
      if (providers.add(adoption.provider())) {
        cookies.createProvider(caller, siteId, new ProviderEdit(adoption.provider(), null));
      }
      CookieEdit edit = declaration(site, adoption, entry.getValue(), scan);
      requireValid(edit, i++);
      created.add(cookies.createCookie(caller, siteId, edit));
    }
    return created;
  }

  /**
   * The scan's new findings (found, not declared) as adoptions to review: each pre-filled with the
   * category its classification suggests (the declared one, else the site's first category of its
   * purpose) and its provider; either may be null when the scan could not tell. Empty until the
   * scan is done.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Adoption> proposals(Caller caller, long siteId, long scanId) {
    caller.require(Role.VIEWER);
    Scan scan = TenantScope.scan(caller, siteId, scanId);
    if (scan.report == null) {
      return List.of();
    }
    Map<Purpose, String> categoryOf = new EnumMap<>(Purpose.class);
    for (Category category : Category.listForSite(scan.site)) {
      categoryOf.putIfAbsent(category.purpose, category.key);
    }
    return scan.report.cookies().stream()
        .filter(finding -> finding.diff() == DiffStatus.NEW)
        .map(
            finding -> {
              Classification classification = finding.classification();
              String category =
                  classification.category() != null
                      ? classification.category()
                      : classification.purpose() == null
                          ? null
                          : categoryOf.get(classification.purpose());
              return new Adoption(
                  finding.name(), finding.domain(), category, classification.provider(), null);
            })
        .toList();
  }

  /** How often the site is scanned by itself and how many pages a pass visits there. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ScanSettings settings(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    Site site = TenantScope.site(caller, siteId);
    return new ScanSettings(site.scanSchedule, site.scanPageCap);
  }

  @Transactional
  public ScanSettings updateSettings(Caller caller, long siteId, ScanSettings settings) {
    caller.require(Role.EDITOR);
    Site site = TenantScope.site(caller, siteId);
    ScanSettings before = new ScanSettings(site.scanSchedule, site.scanPageCap);
    if (before.equals(settings)) {
      return before;
    }
    quotas.allowPagesPerScan(caller, settings.pageCap());
    site.scanSchedule = settings.schedule();
    site.scanPageCap = settings.pageCap();
    Site.flush();
    audit.record(caller, "update", "scan-settings", site.id, before, settings);
    return settings;
  }

  private int pageCapOf(Site site) {
    return site.scanPageCap != null ? site.scanPageCap : config.scanner().pageCap();
  }

  private CookieEdit declaration(Site site, Adoption adoption, CookieFinding finding, Scan scan) {
    String host = Domains.host(finding.domain());
    // A declaration names its domain only when it is not the site's own (or the demo pages').
    boolean own =
        finding.party() == Party.FIRST_PARTY
            && Stream.concat(site.domains.stream(), reach.reachable(site.key).stream())
                .anyMatch(d -> Domains.host(d).equals(host));
    CookieText text =
        adoption.text() != null
            ? adoption.text()
            : defaultText(site.defaultLanguage, adoption.provider(), scan.createdAt);
    return new CookieEdit(
        finding.name(),
        false,
        adoption.provider(),
        adoption.category(),
        Lifetimes.retentionOf(finding.lifetimeSeconds()),
        finding.party(),
        own ? null : finding.domain(),
        0,
        Map.of(site.defaultLanguage, text));
  }

  private static CookieText defaultText(String language, String provider, Instant scannedAt) {
    LocalDate day = LocalDate.ofInstant(scannedAt, ZoneOffset.UTC);
    return switch (language.toLowerCase(Locale.ROOT)) {
      case "fr" ->
          new CookieText(provider, "Trouvé par l'analyse du site du " + day + " : à décrire.");
      default ->
          new CookieText(
              provider, "Found by the scan of the site on " + day + ": to be described.");
    };
  }

  private void requireValid(CookieEdit edit, int index) {
    Set<ConstraintViolation<CookieEdit>> violations = validator.validate(edit);
    if (!violations.isEmpty()) {
      List<Fault> faults =
          violations.stream()
              .map(v -> new Fault("findings[" + index + "]." + v.getPropertyPath(), v.getMessage()))
              .toList();
      throw new Rejected("A finding cannot be declared as it is", faults);
    }
  }
}
