package io.consentplatform.api.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.policy.PublishedPolicy;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A regulator asks for everything: every consent record leaves as one download, streamed from a
 * database cursor, while the heap's live set stays flat. The test suite exports 250,000 records
 * (some 55 MB of text, far more than the limit below if the export kept its rows); the million of
 * the benchmark is one property away: {@code -Dconsent.test.export-records=1000000} (see
 * docs/performance.md).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class ConsentExportScaleTest {

  private static final int RECORDS = Integer.getInteger("consent.test.export-records", 250_000);

  /**
   * Far below what the export would hold if it kept its rows (about 220 bytes of text each): 64
   * bytes a record, at least 32 MB (the rest of the application moves a few MB meanwhile).
   */
  private static final long LIVE_HEAP_GROWTH_LIMIT = Math.max(32L * 1024 * 1024, RECORDS * 64L);

  @Inject PolicyService policies;
  @Inject DataSource dataSource;

  @TestHTTPResource("/")
  URL base;

  @Test
  void shouldStreamEveryRecordWithAFlatHeap() throws Exception {
    long site = Tenants.siteWithTenant("export-million");
    Tenants.member(site, "export-viewer", Role.VIEWER);
    PublishedPolicy policy = policies.publish(site, "test");
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "insert into consent_record (id, site_id, policy_version_id, visitor_id, action, method,"
              + " choices, language, gpc, recorded_at)"
              + " select gen_random_uuid(), "
              + site
              + ", "
              + policy.versionId()
              + ", gen_random_uuid(),"
              + " 'ACCEPT_ALL', 'BANNER', '{\"necessary\": true, \"statistics\": true, \"marketing\": true}',"
              + " 'en', false, now() - g * interval '1 millisecond' from generate_series(1, "
              + RECORDS
              + ") g");
    }

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peakLive = new AtomicLong(baseline);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (running.get()) {
                System.gc(); // what remains after a collection is what the export holds on to
                peakLive.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(250);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });

    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(base + "v1/tenant/sites/" + site + "/consents/export?format=csv"))
            .header("Authorization", "Bearer " + OidcServer.token("export-viewer"))
            .build();
    long started = System.nanoTime();
    sampler.start();
    long lines = 0;
    long bytes = 0;
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines++;
        bytes += line.length() + 2;
      }
    } finally {
      running.set(false);
      sampler.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    long growth = peakLive.get() - baseline;
    System.out.printf(
        "Export of %,d records: %,d MB in %.1f s (%,.0f records/s); live heap %d MB before, peak %d MB (+%d MB)%n",
        RECORDS,
        bytes / 1_000_000,
        seconds,
        RECORDS / seconds,
        baseline >> 20,
        peakLive.get() >> 20,
        growth >> 20);
    assertEquals(200, response.statusCode());
    assertEquals(RECORDS + 1, lines, "a header and every record");
    assertTrue(growth < LIVE_HEAP_GROWTH_LIMIT, "the live heap grew by " + (growth >> 20) + " MB");
  }
}
