package io.consentplatform.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantIsolation;
import io.consentplatform.core.cookie.CookieService;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.CookieView;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.ProviderView;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Forbidden;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.scan.ObservedCookie.SetBy;
import io.consentplatform.core.scan.ScanObservations.PassObservations;
import io.consentplatform.core.scan.ScanQueue.Claim;
import io.consentplatform.core.scan.report.ScanReport;
import io.consentplatform.core.scan.report.ScanReport.ViolationKind;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.consentplatform.core.webhook.WebhookEdit;
import io.consentplatform.core.webhook.WebhookService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scan queue on a real PostgreSQL, as several instances share it: a scan is claimed by one
 * claimer only, a scan whose instance died is taken over (and the dead one's late writes are
 * dropped), a due scheduled scan is queued once however many instances queue at once; and the
 * worker running a scan with hand-written observations, keeping its progress and report, then an
 * editor adopting what it found.
 */
@QuarkusTest
@TestProfile(ScanQueueTest.ScriptedScans.class)
@WithTestResource(PostgresResource.class)
class ScanQueueTest {

  /** The engine scripted, and this instance's own poll off: the tests claim themselves. */
  public static class ScriptedScans implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(ScriptedScanner.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      // Webhooks are queued here, never sent: WebhookDeliveryTest sends them.
      return Map.of("consent.scanner.enabled", "false", "consent.webhooks.enabled", "false");
    }
  }

  private static final Duration STALE = Duration.ofMinutes(2);

  @Inject ScanQueue queue;
  @Inject ScanWorker worker;
  @Inject ScanService scans;
  @Inject ScanReach reach;
  @Inject ScriptedScanner scanner;
  @Inject CookieService cookies;
  @Inject EntityManager entityManager;
  @Inject WebhookService webhooks;

  /** Each test starts with an empty queue: what another left is failed. */
  @BeforeEach
  void emptyTheQueue() {
    sql(
        "update scan set status = 'FAILED', finished_at = now(), failure = 'left by a test'"
            + " where status in ('QUEUED', 'RUNNING')");
  }

  @Test
  void shouldGiveEachQueuedScanToOneClaimerOnly() throws Exception {
    Set<Long> queued = new HashSet<>();
    for (int i = 0; i < 8; i++) {
      long site = SiteFixture.create("claim-" + i);
      queued.add(scans.start(editorOf(site), site).id());
    }
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService instances = Executors.newFixedThreadPool(2);
    try {
      Future<List<Long>> a = instances.submit(claimAll("instance-a", together));
      Future<List<Long>> b = instances.submit(claimAll("instance-b", together));
      List<Long> byA = a.get();
      List<Long> byB = b.get();
      Set<Long> both = new HashSet<>(byA);
      both.retainAll(byB);
      assertEquals(Set.of(), both, "no scan claimed twice");
      Set<Long> all = new HashSet<>(byA);
      all.addAll(byB);
      assertEquals(queued, all, "every queued scan claimed");
      assertEquals(8, byA.size() + byB.size());
      for (long id : byA) {
        assertEquals("RUNNING|instance-a|1", row(id));
      }
      for (long id : byB) {
        assertEquals("RUNNING|instance-b|1", row(id));
      }
    } finally {
      instances.shutdownNow();
    }
  }

  @Test
  void shouldTakeOverARunningScanWhoseInstanceStoppedAndDropTheLateWrites() {
    long site = SiteFixture.create("stale-scan");
    long id = scans.start(editorOf(site), site).id();
    Claim first = queue.claim("instance-a", STALE).orElseThrow();
    assertEquals(id, first.scanId());
    assertEquals(Optional.empty(), queue.claim("instance-b", STALE), "alive: not taken over");

    sql("update scan set heartbeat_at = now() - interval '3 minutes' where id = " + id);
    Claim second = queue.claim("instance-b", STALE).orElseThrow();
    assertEquals(id, second.scanId());
    assertEquals(2, second.attempt());
    assertEquals("RUNNING|instance-b|2", row(id));

    ScanReport report = emptyReport();
    assertFalse(queue.beat(first, Pass.NO_DECISION, 3), "the dead instance's progress is refused");
    assertFalse(queue.finish(first, report), "and so is its report");
    assertEquals("RUNNING|instance-b|2", row(id));
    assertTrue(queue.beat(second, Pass.REJECTED_ALL, 4));
    assertTrue(queue.finish(second, report));
    ScanView done = scans.get(editorOf(site), site, id);
    assertEquals(ScanStatus.DONE, done.status());
    assertEquals(Pass.REJECTED_ALL, done.currentPass());
    assertEquals(4, done.pagesVisited());
    assertEquals(report.counts(), done.counts());
  }

  @Test
  void shouldQueueTheScanCompletedWebhookWithTheFinishThatCounts() throws Exception {
    long site = SiteFixture.create("hooked-scan");
    Caller owner = new Caller(editorOf(site).tenantId(), "scan-owner", Role.OWNER);
    webhooks.create(
        owner,
        new WebhookEdit(
            "https://93.184.215.14/scans", null, List.of("scan.completed"), null, null));
    long id = scans.start(editorOf(site), site).id();
    Claim first = queue.claim("instance-a", STALE).orElseThrow();
    assertEquals(id, first.scanId());
    sql("update scan set heartbeat_at = now() - interval '3 minutes' where id = " + id);
    Claim second = queue.claim("instance-b", STALE).orElseThrow();

    assertFalse(queue.finish(first, emptyReport()));
    String completed =
        "select count(*) from webhook_delivery where event_type = 'scan.completed' and site_id = "
            + site;
    assertEquals(0, count(completed), "a finish that was refused announces nothing");
    assertTrue(queue.finish(second, emptyReport()));

    assertEquals(1, count(completed));
    String body =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (String)
                        entityManager
                            .createNativeQuery(
                                "select body from webhook_delivery where site_id = ?1")
                            .setParameter(1, site)
                            .getSingleResult());
    var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("data");
    assertEquals("hooked-scan", data.get("site").asText());
    assertEquals(id, data.get("scanId").asLong());
    assertEquals("DONE", data.get("status").asText());
  }

  @Test
  void shouldGiveUpAScanThatKeepsStoppingItsInstances() {
    long site = SiteFixture.create("hopeless-scan");
    long id = scans.start(editorOf(site), site).id();
    queue.claim("instance-a", STALE).orElseThrow();
    sql(
        "update scan set attempts = 3, heartbeat_at = now() - interval '3 minutes' where id = "
            + id);
    assertEquals(Optional.empty(), queue.claim("instance-b", STALE));
    ScanView failed = scans.get(editorOf(site), site, id);
    assertEquals(ScanStatus.FAILED, failed.status());
    assertEquals("The scan stopped its instance 3 times; it was given up", failed.failure());
  }

  @Test
  void shouldSkipTheScheduledScansAPlanDoesNotAllowAndCapTheirPages() throws Exception {
    long noScanner = SiteFixture.create("sched-plan-no-scanner");
    long noneLeft = SiteFixture.create("sched-plan-none-left");
    long capped = SiteFixture.create("sched-plan-capped");
    for (long site : List.of(noScanner, noneLeft, capped)) {
      ageSite(site, 40);
    }
    sql(
        "insert into plan (code, name, features, max_scans_per_month, max_pages_per_scan) values"
            + " ('sched-no-scanner', 'No scanner', '[]', null, null),"
            + " ('sched-none-left', 'None left', '[\"scanner\"]', 0, null),"
            + " ('sched-capped', 'Capped', '[\"scanner\"]', null, 7)");
    sql(
        "update tenant set plan = 'sched-no-scanner' where id = (select tenant_id from site"
            + " where id = "
            + noScanner
            + ")");
    sql(
        "update tenant set plan = 'sched-none-left' where id = (select tenant_id from site"
            + " where id = "
            + noneLeft
            + ")");
    sql(
        "update tenant set plan = 'sched-capped' where id = (select tenant_id from site"
            + " where id = "
            + capped
            + ")");

    queue.enqueueDue(50);

    assertEquals(List.of(), scansOf(noScanner), "a plan without the scanner: skipped");
    assertEquals(List.of(), scansOf(noneLeft), "no scans left this month: skipped");
    assertEquals(
        List.of("QUEUED|SCHEDULED|schedule|7"), scansOf(capped), "at most the plan's pages");
  }

  @Test
  void shouldQueueADueScheduledScanOnceWhateverHowManyInstancesQueue() throws Exception {
    long monthlyDue = SiteFixture.create("sched-monthly-due");
    long weeklyDue = SiteFixture.create("sched-weekly-due");
    long weeklyNotYet = SiteFixture.create("sched-weekly-not-yet");
    long off = SiteFixture.create("sched-off");
    long archived = SiteFixture.create("sched-archived");
    long scannedLately = SiteFixture.create("sched-scanned-lately");
    long noDomain = SiteFixture.create("sched-no-domain", List.of());
    ageSite(monthlyDue, 40);
    ageSite(weeklyDue, 8);
    ageSite(weeklyNotYet, 3);
    ageSite(off, 40);
    ageSite(archived, 40);
    ageSite(scannedLately, 40);
    ageSite(noDomain, 40);
    sql(
        "update site set scan_schedule = 'WEEKLY' where id in ("
            + weeklyDue
            + ","
            + weeklyNotYet
            + ")");
    sql("update site set scan_schedule = 'OFF' where id = " + off);
    sql("update site set archived_at = now() where id = " + archived);
    long lately = scans.start(editorOf(scannedLately), scannedLately).id();
    sql(
        "update scan set status = 'DONE', finished_at = now(), created_at = now() - interval"
            + " '10 days' where id = "
            + lately);

    CyclicBarrier together = new CyclicBarrier(3);
    ExecutorService instances = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(
            instances.submit(
                () -> {
                  together.await();
                  return queue.enqueueDue(50) + queue.enqueueDue(50);
                }));
      }
      int queued = 0;
      for (Future<Integer> run : runs) {
        queued += run.get();
      }
      assertEquals(2, queued, "two due sites, queued once each");
    } finally {
      instances.shutdownNow();
    }
    assertEquals(List.of("QUEUED|SCHEDULED|schedule|50"), scansOf(monthlyDue));
    assertEquals(List.of("QUEUED|SCHEDULED|schedule|50"), scansOf(weeklyDue));
    assertEquals(List.of(), scansOf(weeklyNotYet));
    assertEquals(List.of(), scansOf(off));
    assertEquals(List.of(), scansOf(archived));
    assertEquals(List.of(), scansOf(noDomain));
    assertEquals(List.of("DONE|MANUAL|scan-editor|50"), scansOf(scannedLately));
    assertEquals(0, queue.enqueueDue(50), "queued already: nothing more");
  }

  @Test
  void shouldRunAScanOnTheWorkerAndKeepItsProgressAndReport() {
    long site = SiteFixture.create("run-shop", List.of("run-shop.example"));
    Caller editor = editorOf(site);
    scans.updateSettings(editor, site, new ScanSettings(ScanSchedule.WEEKLY, 7));
    long id = scans.start(editor, site).id();
    List<ScanView> seenWhileRunning = new ArrayList<>();
    scanner.answer(
        (target, progress) -> {
          progress.pageVisited(Pass.NO_DECISION, 1, target.pageCap());
          progress.pageVisited(Pass.NO_DECISION, 2, target.pageCap());
          seenWhileRunning.add(scans.get(editor, site, id));
          return new ScanObservations(
              true,
              List.of(
                  new PassObservations(
                      Pass.NO_DECISION,
                      List.of("https://run-shop.example/", "https://run-shop.example/a"),
                      List.of(
                          cookie("necessary_cookie", "run-shop.example", null),
                          cookie("marketing_cookie", "run-shop.example", Duration.ofDays(1))),
                      List.of(),
                      List.of())),
              List.of());
        });

    assertEquals(Optional.of(id), worker.runNext());

    ScanTarget target = scanner.targets().get(scanner.targets().size() - 1);
    assertEquals(
        new ScanTarget(
            "run-shop",
            List.of("run-shop.example"),
            7,
            2,
            Duration.ofSeconds(20),
            Duration.ofMinutes(15),
            Set.of()),
        target);
    ScanView running = seenWhileRunning.get(0);
    assertEquals(ScanStatus.RUNNING, running.status());
    assertEquals(Pass.NO_DECISION, running.currentPass());
    assertEquals(2, running.pagesVisited());
    assertEquals(7, running.pageCap());
    assertTrue(running.startedAt() != null && running.finishedAt() == null);

    ScanView done = scans.get(editor, site, id);
    assertEquals(ScanStatus.DONE, done.status());
    assertTrue(done.finishedAt() != null);
    ScanReport report = done.report();
    assertEquals(1, report.violations().size());
    assertEquals(ViolationKind.SET_BEFORE_CONSENT, report.violations().get(0).kind());
    assertEquals("marketing_cookie", report.violations().get(0).name());
    assertEquals(
        List.of("marketing_cookie", "necessary_cookie"),
        report.cookies().stream().map(f -> f.name()).toList());
    assertEquals(
        List.of("statistics_cookie"),
        report.declaredNotFound().stream().map(d -> d.name()).toList());
    assertEquals(1, done.counts().violations());
    assertEquals(0, done.counts().newFindings());

    assertEquals(Optional.of(id), scans.latest(editor, site).map(ScanView::id));
    assertNull(scans.latest(editor, site).orElseThrow().report(), "the dashboard needs no report");
    assertEquals(Optional.empty(), scans.current(editor, site));
    long next = scans.start(editor, site).id();
    assertEquals(List.of(next, id), scans.list(editor, site).stream().map(ScanView::id).toList());
    assertEquals(Optional.of(next), scans.current(editor, site).map(ScanView::id));
  }

  @Test
  void shouldScanOnlyTheDemoPagesOfASiteThatMayReachThem() {
    long site = SiteFixture.create("reach-demo", List.of("portal.reach-demo.example"));
    reach.allow("reach-demo", Set.of("reach-demo.localhost:8081"));
    scans.start(editorOf(site), site);
    scanner.answer((target, progress) -> new ScanObservations(false, List.of(), List.of()));
    worker.runNext().orElseThrow();
    ScanTarget target = scanner.targets().get(scanner.targets().size() - 1);
    assertEquals(List.of("reach-demo.localhost:8081"), target.domains());
    assertEquals(Set.of("reach-demo.localhost:8081"), target.reachable());
  }

  @Test
  void shouldKeepWhyAScanFailedAndNeverScanAnArchivedSite() {
    long site = SiteFixture.create("fail-shop");
    Caller editor = editorOf(site);
    long id = scans.start(editor, site).id();
    scanner.answer(
        (target, progress) -> {
          throw new ScanFailed("No page of fail-shop.example answered");
        });
    worker.runNext();
    ScanView failed = scans.get(editor, site, id);
    assertEquals(ScanStatus.FAILED, failed.status());
    assertEquals("No page of fail-shop.example answered", failed.failure());
    assertNull(failed.report());

    long broken = scans.start(editor, site).id();
    scanner.answer(
        (target, progress) -> {
          throw new IllegalStateException("connection to 10.0.0.7:5432 reset");
        });
    worker.runNext();
    assertEquals(
        "The scan stopped unexpectedly; the platform's log says why",
        scans.get(editor, site, broken).failure(),
        "the platform's own details stay in its log");

    long queuedThenArchived = scans.start(editor, site).id();
    sql("update site set archived_at = now() where id = " + site);
    int calls = scanner.targets().size();
    worker.runNext();
    assertEquals(calls, scanner.targets().size(), "the browser never started");
    assertEquals(
        "The site was archived: it is not scanned",
        scans.get(editor, site, queuedThenArchived).failure());
    assertThrows(Conflict.class, () -> scans.start(editor, site));
  }

  @Test
  void shouldRefuseASecondScanAndCallersWithoutTheRole() {
    long site = SiteFixture.create("twice-shop");
    Caller editor = editorOf(site);
    long id = scans.start(editor, site).id();
    assertThrows(Conflict.class, () -> scans.start(editor, site));
    Caller viewer = new Caller(editor.tenantId(), "viewer@x", Role.VIEWER);
    assertThrows(Forbidden.class, () -> scans.start(viewer, site));
    assertEquals(List.of(id), scans.list(viewer, site).stream().map(ScanView::id).toList());
    long other = SiteFixture.create("twice-other");
    assertThrows(NotFound.class, () -> scans.get(editorOf(other), other, id));
    assertThrows(NotFound.class, () -> scans.get(editorOf(other), site, id));
    assertThrows(NotFound.class, () -> scans.start(editorOf(other), site));
  }

  @Test
  void shouldAdoptFindingsIntoTheDraftAllOrNothing() {
    long site = SiteFixture.create("adopt-shop", List.of("adopt-shop.example"));
    Caller editor = editorOf(site);
    long id = scans.start(editor, site).id();
    assertThrows(
        Conflict.class,
        () -> scans.adopt(editor, site, id, List.of(adoption("_gid", ".adopt-shop.example"))),
        "no report yet");
    scanner.answer(
        (target, progress) ->
            new ScanObservations(
                true,
                List.of(
                    new PassObservations(
                        Pass.ACCEPTED_ALL,
                        List.of("https://adopt-shop.example/"),
                        List.of(
                            cookie("_gid", ".adopt-shop.example", Duration.ofDays(1)),
                            cookie("zz_px", ".ad.doubleclick.net", Duration.ofDays(90))),
                        List.of(),
                        List.of("ad.doubleclick.net"))),
                List.of()));
    worker.runNext().orElseThrow();
    int declaredBefore = cookies.cookies(editor, site).size();
    assertEquals(
        List.of(
            new Adoption("_gid", ".adopt-shop.example", "statistics", "Google", null),
            new Adoption("zz_px", ".ad.doubleclick.net", "marketing", "Google", null)),
        scans.proposals(editor, site, id),
        "the new findings, pre-filled from the Open Cookie Database and DoubleClick's host");

    Rejected unknown =
        assertThrows(
            Rejected.class,
            () ->
                scans.adopt(
                    editor,
                    site,
                    id,
                    List.of(
                        new Adoption(
                            "zz_px", ".ad.doubleclick.net", "marketing", "Brand New Co", null),
                        adoption("nothing_like_it", "adopt-shop.example"))));
    assertEquals("findings[1].name", unknown.field());
    Rejected badCategory =
        assertThrows(
            Rejected.class,
            () ->
                scans.adopt(
                    editor,
                    site,
                    id,
                    List.of(
                        new Adoption(
                            "zz_px",
                            ".ad.doubleclick.net",
                            "no-such-category",
                            "Brand New Co",
                            null))));
    assertEquals("category", badCategory.field());
    assertEquals(declaredBefore, cookies.cookies(editor, site).size(), "nothing declared");
    assertFalse(
        cookies.providers(editor, site).stream().anyMatch(p -> p.name().equals("Brand New Co")),
        "no provider left behind");
    Caller viewer = new Caller(editor.tenantId(), "viewer@x", Role.VIEWER);
    assertThrows(
        Forbidden.class,
        () -> scans.adopt(viewer, site, id, List.of(adoption("_gid", ".adopt-shop.example"))));

    List<CookieView> adopted =
        scans.adopt(
            editor,
            site,
            id,
            List.of(
                new Adoption("_gid", ".adopt-shop.example", "statistics", "Google", null),
                new Adoption(
                    "zz_px",
                    ".ad.doubleclick.net",
                    "marketing",
                    "Analytics Inc.",
                    new CookieText("Ads", "Counts ad views"))));
    assertEquals(2, adopted.size());
    CookieView gid = declared(editor, site, "_gid");
    assertEquals("statistics", gid.category());
    assertEquals("Google", gid.provider());
    assertEquals(Party.FIRST_PARTY, gid.party());
    assertNull(gid.domain(), "the site's own domain is not repeated");
    assertEquals(Retention.of(1, Retention.Unit.DAYS), gid.retention());
    assertFalse(gid.wildcard());
    CookieText text = gid.texts().get("en");
    assertEquals("Google", text.functionAndLocation());
    assertTrue(text.purposes().startsWith("Found by the scan of the site on "), text.purposes());
    CookieView px = declared(editor, site, "zz_px");
    assertEquals(Party.THIRD_PARTY, px.party());
    assertEquals(".ad.doubleclick.net", px.domain());
    assertEquals(Retention.of(3, Retention.Unit.MONTHS), px.retention());
    assertEquals(new CookieText("Ads", "Counts ad views"), px.texts().get("en"));
    assertEquals(
        List.of("Analytics Inc.", "Google"),
        cookies.providers(editor, site).stream().map(ProviderView::name).toList(),
        "Google created, Analytics Inc. reused");
  }

  @Test
  void shouldConfineScansToTheirTenantInTheDatabase() {
    long siteA = SiteFixture.create("rls-scan-a");
    long siteB = SiteFixture.create("rls-scan-b");
    scans.start(editorOf(siteA), siteA);
    long tenantA = editorOf(siteA).tenantId();
    long tenantB = editorOf(siteB).tenantId();
    Number seen =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  TenantIsolation.confine(entityManager, tenantB);
                  return (Number)
                      entityManager
                          .createNativeQuery("select count(*) from scan where site_id = " + siteA)
                          .getSingleResult();
                });
    assertEquals(0, seen.intValue());
    assertThrows(
        PersistenceException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      TenantIsolation.confine(entityManager, tenantB);
                      entityManager
                          .createNativeQuery(
                              "insert into scan (tenant_id, site_id, trigger, requested_by,"
                                  + " page_cap) values (?1, ?2, 'MANUAL', 'intruder', 5)")
                          .setParameter(1, tenantB)
                          .setParameter(2, siteA)
                          .executeUpdate();
                    }));
    assertEquals(1L, count("select count(*) from scan where site_id = " + siteA));
    assertTrue(tenantA != tenantB);
  }

  private CookieView declared(Caller caller, long site, String name) {
    return cookies.cookies(caller, site).stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Adoption adoption(String name, String domain) {
    return new Adoption(name, domain, "statistics", "Analytics Inc.", null);
  }

  private static ObservedCookie cookie(String name, String domain, Duration lifetime) {
    return new ObservedCookie(
        name,
        domain,
        "/",
        lifetime == null ? null : Instant.now().plus(lifetime),
        false,
        true,
        "Lax",
        SetBy.HTTP,
        "https://" + domain.replaceFirst("^\\.", "") + "/",
        List.of("https://" + domain.replaceFirst("^\\.", "") + "/"));
  }

  private static ScanReport emptyReport() {
    return io.consentplatform.core.scan.report.ReportBuilder.build(
        new ScanObservations(false, List.of(), List.of()),
        List.of(),
        List.of("x.example"),
        io.consentplatform.core.scan.report.CookieDatabase.shipped(),
        Instant.now());
  }

  private Callable<List<Long>> claimAll(String instance, CyclicBarrier together) {
    return () -> {
      together.await();
      List<Long> claimed = new ArrayList<>();
      for (Optional<Claim> claim = queue.claim(instance, STALE);
          claim.isPresent();
          claim = queue.claim(instance, STALE)) {
        claimed.add(claim.get().scanId());
      }
      return claimed;
    };
  }

  private Caller editorOf(long siteId) {
    long tenant =
        QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(siteId).tenant.id);
    return new Caller(tenant, "scan-editor", Role.EDITOR);
  }

  private void ageSite(long siteId, int days) {
    sql("update site set created_at = now() - interval '" + days + " days' where id = " + siteId);
  }

  private String row(long scanId) {
    Object[] row =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Object[])
                        entityManager
                            .createNativeQuery(
                                "select status, claimed_by, attempts from scan where id = ?1")
                            .setParameter(1, scanId)
                            .getSingleResult());
    return row[0] + "|" + row[1] + "|" + row[2];
  }

  @SuppressWarnings("unchecked")
  private List<String> scansOf(long siteId) {
    List<Object[]> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            "select status, trigger, requested_by, page_cap from scan"
                                + " where site_id = ?1 order by id")
                        .setParameter(1, siteId)
                        .getResultList());
    return rows.stream().map(r -> r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3]).toList();
  }

  private long count(String query) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> ((Number) entityManager.createNativeQuery(query).getSingleResult()).longValue());
  }

  private void sql(String statement) {
    QuarkusTransaction.requiringNew()
        .run(() -> entityManager.createNativeQuery(statement).executeUpdate());
  }
}
