package io.consentplatform.core.export;

import io.consentplatform.core.access.Actor;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.consent.ConsentLog;
import io.consentplatform.core.consent.ConsentQuery;
import io.consentplatform.core.error.Forbidden;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.ledger.ReceiptKeys;
import io.consentplatform.core.policy.VersionService;
import io.consentplatform.core.policy.VersionView;
import io.consentplatform.core.scan.ScanService;
import io.consentplatform.core.scan.ScanView;
import io.consentplatform.core.site.RegionSettingsService;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.site.SiteView;
import io.consentplatform.core.site.ThemeService;
import io.consentplatform.core.tenant.ApiKeyService;
import io.consentplatform.core.tenant.MemberService;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.Tenant;
import io.consentplatform.core.webhook.WebhookService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Everything the platform holds for one tenant, as one ZIP archive written while it is read: what
 * its owner takes along when leaving, or what an operator hands over before archiving it. The
 * archive's {@code README.txt} says what each file is.
 */
@ApplicationScoped
@TenantScoped
public class TenantExport {

  /** The audit trail's name for a download of the archive. */
  public static final String AUDIT_ACTION = "export";

  private static final List<String> ENTRY_HEADER =
      List.of("seq", "consentId", "recordDigest", "sealedAt");
  private static final List<String> HEAD_HEADER =
      List.of("treeSize", "rootHash", "timestamp", "signature");
  private static final List<String> CHECKPOINT_HEADER =
      List.of("seq", "removed", "rootHash", "frontier", "chainHash", "createdAt");
  private static final List<String> ERASURE_HEADER = List.of("consentId", "erasedAt", "erasedBy");
  private static final List<String> AUDIT_HEADER =
      List.of(
          "id",
          "recordedAt",
          "actor",
          "actorEmail",
          "action",
          "entity",
          "entityId",
          "before",
          "after");

  /**
   * A tenant whose archive may be written.
   *
   * @param reader reads the tenant's data for the archive, and nothing else
   * @param tenant the tenant as it was when the download started
   */
  public record Prepared(Caller reader, TenantFacts tenant) {

    /** The archive's file name: the tenant's slug and the day. */
    public String fileName() {
      return tenant.slug() + "-" + LocalDate.now(ZoneOffset.UTC) + ".zip";
    }
  }

  private final DataSource dataSource;
  private final MemberService members;
  private final ApiKeyService apiKeys;
  private final SiteService sites;
  private final VersionService versions;
  private final ThemeService themes;
  private final RegionSettingsService regions;
  private final ScanService scans;
  private final WebhookService webhooks;
  private final ConsentLog consents;
  private final ReceiptKeys keys;
  private final Audit audit;

  public TenantExport(
      DataSource dataSource,
      MemberService members,
      ApiKeyService apiKeys,
      SiteService sites,
      VersionService versions,
      ThemeService themes,
      RegionSettingsService regions,
      ScanService scans,
      WebhookService webhooks,
      ConsentLog consents,
      ReceiptKeys keys,
      Audit audit) {
    this.dataSource = dataSource;
    this.members = members;
    this.apiKeys = apiKeys;
    this.sites = sites;
    this.versions = versions;
    this.themes = themes;
    this.regions = regions;
    this.scans = scans;
    this.webhooks = webhooks;
    this.consents = consents;
    this.keys = keys;
    this.audit = audit;
  }

  /**
   * Checks that the caller owns the tenant and records the download in its trail. A suspended
   * tenant's owner may still take everything along: it is a read, so the role is checked without
   * {@link Caller#require}, which refuses everything but reading in a suspended tenant.
   */
  @Transactional
  public Prepared prepare(Caller caller) {
    if (!caller.role().includes(Role.OWNER)) {
      throw new Forbidden("This needs the " + Role.OWNER + " role; you have " + caller.role());
    }
    Tenant tenant = Tenant.findById(caller.tenantId());
    audit.record(caller, AUDIT_ACTION, "tenant", tenant.id, null, null);
    return new Prepared(
        reader(tenant.id, new Actor(caller.actor(), caller.actorEmail())), TenantFacts.of(tenant));
  }

  /**
   * An operator's download of any tenant's archive, archived tenants included; it is recorded in
   * that tenant's trail, where its owners see it.
   */
  @Transactional
  public Prepared prepareForOperator(Actor operator, long tenantId) {
    Tenant tenant = Tenant.findById(tenantId);
    if (tenant == null) {
      throw new NotFound("Tenant " + tenantId);
    }
    Caller reader = reader(tenant.id, operator);
    audit.record(reader, AUDIT_ACTION, "tenant", tenant.id, null, null);
    return new Prepared(reader, TenantFacts.of(tenant));
  }

  /** The tenant an operator is about to export, for the console's page. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public TenantFacts describe(long tenantId) {
    Tenant tenant = Tenant.findById(tenantId);
    if (tenant == null) {
      throw new NotFound("Tenant " + tenantId);
    }
    return TenantFacts.of(tenant);
  }

  /**
   * The reads of the archive act as an owner who is not held back by a suspension: {@link #write}
   * only ever reads.
   */
  private static Caller reader(long tenantId, Actor actor) {
    return new Caller(tenantId, actor.id(), actor.email(), Role.OWNER, false);
  }

  /** Writes the archive of a prepared tenant to {@code out}, which it closes. */
  public void write(Prepared prepared, OutputStream out) {
    Caller reader = prepared.reader();
    try (ZipFiles zip = new ZipFiles(out);
        TenantTables tables = new TenantTables(dataSource, reader.tenantId())) {
      zip.text("README.txt", ExportReadme.TEXT);
      zip.json("tenant.json", tenant(prepared));
      zip.text("keys.json", keys.publishedKeySet());
      zip.json("webhooks.json", webhooks.list(reader));
      tables.csv(
          zip.entry("audit.csv"),
          AUDIT_HEADER,
          "select id, recorded_at, actor, actor_email, action, entity, entity_id, before::text,"
              + " after::text from audit_entry where tenant_id = ? order by id",
          reader.tenantId());
      List<SiteView> all = new ArrayList<>(sites.list(reader));
      all.addAll(sites.archived(reader));
      for (SiteView site : all) {
        site(zip, tables, reader, site);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not export tenant " + reader.tenantId(), e);
    }
  }

  private Map<String, Object> tenant(Prepared prepared) {
    Caller reader = prepared.reader();
    Map<String, Object> tenant = new LinkedHashMap<>();
    tenant.put("tenant", prepared.tenant());
    tenant.put("exportedAt", Instant.now());
    tenant.put("members", members.list(reader));
    tenant.put("apiKeys", apiKeys.list(reader));
    return tenant;
  }

  private void site(ZipFiles zip, TenantTables tables, Caller reader, SiteView site)
      throws IOException, SQLException {
    String folder = "sites/" + site.key() + "/";
    Map<String, Object> declarations = new LinkedHashMap<>();
    declarations.put("site", site);
    declarations.put("declarations", versions.draft(reader, site.id()).snapshot());
    declarations.put("theme", themes.get(reader, site.id()).theme());
    declarations.put("regions", regions.get(reader, site.id()).settings());
    declarations.put("scanSettings", scans.settings(reader, site.id()));
    zip.json(folder + "declarations.json", declarations);
    for (VersionView version : versions.list(reader, site.id())) {
      zip.json(
          folder + "versions/" + version.number() + ".json",
          versions.get(reader, site.id(), version.number()));
    }
    List<ScanView> reports = new ArrayList<>();
    for (ScanView scan : scans.list(reader, site.id())) {
      reports.add(scans.get(reader, site.id(), scan.id()));
    }
    zip.json(folder + "scans.json", reports);
    consents.export(
        consents.readableSite(reader, site.id()),
        new ConsentQuery(null, null, null, null, null, null),
        ConsentLog.Format.CSV,
        zip.entry(folder + "consents.csv"));
    ledger(zip, tables, folder + "ledger/", site.id());
  }

  /** The site's transparency log in the form an outside verifier needs (see README.txt). */
  private static void ledger(ZipFiles zip, TenantTables tables, String folder, long siteId)
      throws IOException, SQLException {
    tables.csv(
        zip.entry(folder + "entries.csv"),
        ENTRY_HEADER,
        "select seq, record_id, record_digest, sealed_at from consent_ledger where site_id = ?"
            + " order by seq",
        siteId);
    tables.csv(
        zip.entry(folder + "heads.csv"),
        HEAD_HEADER,
        "select tree_size, root_hash, (extract(epoch from signed_at) * 1000)::bigint, signature"
            + " from consent_ledger_head where site_id = ? order by tree_size, signed_at",
        siteId);
    tables.csv(
        zip.entry(folder + "checkpoints.csv"),
        CHECKPOINT_HEADER,
        "select seq, removed, root_hash, array_to_string(frontier, ' '), hash, created_at"
            + " from consent_ledger_checkpoint where site_id = ? order by seq",
        siteId);
    tables.csv(
        zip.entry(folder + "erasures.csv"),
        ERASURE_HEADER,
        "select record_id, erased_at, erased_by from consent_erasure where site_id = ?"
            + " order by erased_at, record_id",
        siteId);
  }
}
