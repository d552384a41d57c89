package io.consentplatform.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.category.CategoryService;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation held by the database: queries that name no tenant at all, run in a transaction
 * confined to tenant B, see none of tenant A's rows and cannot write into A's site.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class TenantIsolationTest {

  /** Every table that holds a tenant's data, directly or through a site. */
  private static final List<String> TENANT_TABLES =
      List.of(
          "tenant",
          "tenant_member",
          "site",
          "api_key",
          "audit_entry",
          "category",
          "provider",
          "cookie",
          "policy_version",
          "consent_record",
          "banner_impression",
          "consent_ledger",
          "consent_ledger_pending",
          "consent_ledger_checkpoint",
          "consent_ledger_node",
          "consent_ledger_head",
          "consent_erasure",
          "one_time_link",
          "refused_origin",
          "scan");

  @Inject EntityManager entityManager;
  @Inject CategoryService categories;

  @Test
  void shouldShowAnUnscopedQueryOnlyTheConfinedTenantsRows() {
    long siteA = SiteFixture.create("iso-a");
    long siteB = SiteFixture.create("iso-b");
    long tenantA = tenantOf(siteA);
    long tenantB = tenantOf(siteB);

    // Positive control: the platform's own role sees both tenants' sites and cookies.
    assertEquals(2L, count(null, "select count(*) from site where site_key in ('iso-a', 'iso-b')"));
    assertEquals(
        6L,
        count(null, "select count(*) from cookie where site_id in (" + siteA + "," + siteB + ")"));

    // Deliberately unscoped: no "where tenant", no site id.
    assertEquals(List.of("iso-b"), keys(tenantB, "select site_key from site"));
    assertEquals(
        List.of(siteB),
        longs(tenantB, "select distinct site_id from cookie"),
        "cookies of tenant B's site only");
    assertEquals(List.of(tenantB), longs(tenantB, "select id from tenant"));
    for (String table : TENANT_TABLES) {
      assertEquals(
          0L,
          count(tenantB, "select count(*) from " + table + " where " + ownedBy(table, tenantA)),
          table + " rows of tenant A seen as tenant B");
    }
  }

  @Test
  void shouldRefuseToWriteIntoAnotherTenantsSite() {
    long siteA = SiteFixture.create("iso-write-a");
    long tenantB = tenantOf(SiteFixture.create("iso-write-b"));

    PersistenceException refused =
        assertThrows(
            PersistenceException.class,
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          TenantIsolation.confine(entityManager, tenantB);
                          entityManager
                              .createNativeQuery(
                                  "insert into provider (site_id, name) values (?1, 'Intruder')")
                              .setParameter(1, siteA)
                              .executeUpdate();
                        }));
    assertTrue(
        String.valueOf(rootMessage(refused)).contains("row-level security"), rootMessage(refused));
    assertEquals(
        0L,
        count(null, "select count(*) from provider where name = 'Intruder'"),
        "nothing written");
    // An update that names no site changes tenant B's three cookies, never A's.
    int updated =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  TenantIsolation.confine(entityManager, tenantB);
                  return entityManager
                      .createNativeQuery(
                          "update cookie set retention_notes = '{\"en\": \"forever\"}'")
                      .executeUpdate();
                });
    assertEquals(3, updated, "the fixture gives tenant B's site three cookies");
    assertEquals(
        0L,
        count(
            null,
            "select count(*) from cookie where retention_notes ->> 'en' = 'forever' and site_id = "
                + siteA));
  }

  @Test
  void shouldAnswerNotFoundThroughAServiceForAnotherTenantsSite() {
    long siteA = SiteFixture.create("iso-service-a");
    long tenantB = tenantOf(SiteFixture.create("iso-service-b"));

    Caller b = new Caller(tenantB, "b@iso.example", Role.OWNER);
    assertThrows(NotFound.class, () -> categories.list(b, siteA));
  }

  @Test
  void shouldSeeNothingWhenATransactionNamesNoTenant() {
    SiteFixture.create("iso-nobody");
    List<String> seen =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  entityManager
                      .createNativeQuery("select set_config('role', 'consent_tenant', true)")
                      .getSingleResult();
                  @SuppressWarnings("unchecked")
                  List<String> rows =
                      entityManager.createNativeQuery("select site_key from site").getResultList();
                  return rows;
                });
    assertEquals(List.of(), seen, "the tenant role with no tenant named sees no site");
  }

  /**
   * Structural: every operation of a core service that takes a caller is confined, so that a new
   * one cannot forget it. Audit writes inside its caller's transaction and is the one exception.
   */
  @Test
  void shouldConfineEveryServiceOperationThatTakesACaller() throws Exception {
    List<String> unconfined = new ArrayList<>();
    for (Class<?> type : coreClasses()) {
      if (type.isAnnotationPresent(TenantScoped.class) || type == TenantScope.class) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers())
            && !Modifier.isStatic(method.getModifiers())
            && Arrays.asList(method.getParameterTypes()).contains(Caller.class)
            && !Set.of("io.consentplatform.core.audit.Audit").contains(type.getName())) {
          unconfined.add(type.getSimpleName() + "." + method.getName());
        }
      }
    }
    assertEquals(List.of(), unconfined, "operations with a caller outside a @TenantScoped service");
  }

  private static List<Class<?>> coreClasses() throws IOException, ClassNotFoundException {
    Path classes = Path.of("target/classes");
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        found.add(Class.forName(name, false, TenantIsolationTest.class.getClassLoader()));
      }
    }
    return found;
  }

  private static String ownedBy(String table, long tenant) {
    return switch (table) {
      case "tenant" -> "id = " + tenant;
      case "tenant_member", "site", "api_key", "audit_entry", "one_time_link" ->
          "tenant_id = " + tenant;
      default -> "site_id in (select id from site where tenant_id = " + tenant + ")";
    };
  }

  private long tenantOf(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(siteId).tenant.id);
  }

  /** Runs {@code sql} confined to {@code tenant}, or as the platform itself when null. */
  private List<?> rows(Long tenant, String sql) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              if (tenant != null) {
                TenantIsolation.confine(entityManager, tenant);
              }
              return entityManager.createNativeQuery(sql).getResultList();
            });
  }

  private long count(Long tenant, String sql) {
    return ((Number) rows(tenant, sql).get(0)).longValue();
  }

  private List<String> keys(Long tenant, String sql) {
    return rows(tenant, sql).stream().map(String::valueOf).toList();
  }

  private List<Long> longs(Long tenant, String sql) {
    return rows(tenant, sql).stream().map(row -> ((Number) row).longValue()).toList();
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
