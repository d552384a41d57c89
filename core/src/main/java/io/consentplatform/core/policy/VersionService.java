package io.consentplatform.core.policy;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** A tenant's view of policy versions: the draft, the published ones, their differences. */
@ApplicationScoped
@TenantScoped
public class VersionService {

  /** How a diff names the declarations not yet published. */
  public static final String DRAFT = "draft";

  private final PolicyService policies;
  private final Audit audit;

  public VersionService(PolicyService policies, Audit audit) {
    this.policies = policies;
    this.audit = audit;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<VersionView> list(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    Site site = TenantScope.site(caller, siteId);
    return PolicyVersion.<PolicyVersion>list("site = ?1 order by number desc", site).stream()
        .map(v -> VersionView.of(v, false))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public VersionView get(Caller caller, long siteId, int number) {
    caller.require(Role.VIEWER);
    return VersionView.of(version(caller, siteId, number), true);
  }

  /**
   * What would be published now, and whether it differs from the latest version.
   *
   * @param reconsent whether publishing it would ask visitors again, without forcing it: the first
   *     version, or a version with {@code materialChanges}
   * @param materialChanges why publishing it would ask visitors again (see {@link ReconsentRule})
   */
  public record Draft(
      PolicySnapshot snapshot,
      boolean changedSinceLatest,
      Integer latest,
      boolean reconsent,
      List<MaterialChange> materialChanges) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Draft draft(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    Site site = TenantScope.site(caller, siteId);
    PolicySnapshot draft = SnapshotBuilder.snapshotOf(site);
    var latest = PolicyVersion.findLatest(site);
    String content = PolicyService.canonicalJson(draft);
    boolean changed = latest.map(v -> !PolicyService.sameContent(v, content)).orElse(true);
    List<MaterialChange> material =
        latest
            .map(v -> ReconsentRule.changes(PublishedPolicy.of(v).snapshot(), draft))
            .orElse(List.of());
    return new Draft(
        draft,
        changed,
        latest.map(v -> v.number).orElse(null),
        latest.isEmpty() || !material.isEmpty(),
        material);
  }

  /** What the banner would show now, for the back office's preview: also before any category. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public PolicySnapshot preview(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    return SnapshotBuilder.snapshotOf(TenantScope.site(caller, siteId), false);
  }

  /** Publishes the draft; visitors are asked again only for a material change. */
  @Transactional
  public VersionView publish(Caller caller, long siteId) {
    return publish(caller, siteId, false);
  }

  /**
   * Publishes the draft. Visitors are asked again for a material change or when {@code
   * forceReconsent}: a tenant may know that new wording announces a new use.
   */
  @Transactional
  public VersionView publish(Caller caller, long siteId, boolean forceReconsent) {
    caller.require(Role.EDITOR);
    Site site = TenantScope.site(caller, siteId);
    PublishedPolicy published =
        policies.publish(site.id, caller.actor(), caller.actorEmail(), forceReconsent);
    PolicyVersion version = PolicyVersion.findById(published.versionId());
    audit.record(
        caller,
        "publish",
        "policy-version",
        site.id + "/" + published.number(),
        null,
        Map.of(
            "number",
            published.number(),
            "hash",
            published.contentHash(),
            "consentRevision",
            published.consentRevision(),
            "forceReconsent",
            forceReconsent));
    return VersionView.of(version, false);
  }

  /** The differences from version {@code from} to {@code to}, either of which may be the draft. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public PolicyDiff diff(Caller caller, long siteId, String from, String to) {
    caller.require(Role.VIEWER);
    return PolicyDiff.between(
        from, snapshot(caller, siteId, from, "from"), to, snapshot(caller, siteId, to, "to"));
  }

  private PolicySnapshot snapshot(Caller caller, long siteId, String label, String field) {
    if (DRAFT.equals(label)) {
      return SnapshotBuilder.snapshotOf(TenantScope.site(caller, siteId));
    }
    int number;
    try {
      number = Integer.parseInt(label);
    } catch (NumberFormatException e) {
      throw new Rejected(field, field + " must be a version number or \"draft\"");
    }
    return PublishedPolicy.of(version(caller, siteId, number)).snapshot();
  }

  private static PolicyVersion version(Caller caller, long siteId, int number) {
    return PolicyVersion.findByNumber(TenantScope.site(caller, siteId), number)
        .orElseThrow(() -> new NotFound("Version " + number));
  }
}
