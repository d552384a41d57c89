package io.consentplatform.admin.access;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.audit.AuditEntry;
import io.consentplatform.core.tenant.MemberService;
import io.consentplatform.core.tenant.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** Who works in the tenant, and what they changed. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
@Transactional(Transactional.TxType.SUPPORTS)
public class AccessPages {

  /** A member as the page lists them. */
  public record Member(String email, String subject, String role) {}

  /** A change as the audit page lists it. */
  public record Change(Instant at, String actor, String action, String entity, String entityId) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance members(List<Member> members, Chrome chrome);

    static native TemplateInstance audit(List<Change> changes, Chrome chrome);
  }

  private final MemberService members;
  private final AdminCaller admin;

  public AccessPages(MemberService members, AdminCaller admin) {
    this.members = members;
    this.admin = admin;
  }

  @GET
  @Path("/members")
  public TemplateInstance members() {
    Caller caller = admin.get();
    List<Member> list =
        members.list(caller).stream()
            .map(m -> new Member(m.email, m.subject, m.role.name()))
            .toList();
    return Templates.members(list, Chrome.of(caller, admin, null));
  }

  @GET
  @Path("/audit")
  public TemplateInstance audit() {
    Caller caller = admin.get();
    caller.require(Role.OWNER);
    List<Change> changes =
        AuditEntry.listForTenant(caller.tenantId(), 200).stream()
            .map(e -> new Change(e.recordedAt, e.actor, e.action, e.entity, e.entityId))
            .toList();
    return Templates.audit(changes, Chrome.of(caller, admin, null));
  }
}
