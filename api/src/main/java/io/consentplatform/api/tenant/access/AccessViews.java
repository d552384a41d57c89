package io.consentplatform.api.tenant.access;

import io.consentplatform.core.audit.AuditEntry;
import io.consentplatform.core.tenant.ApiKey;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/** Bodies of the access endpoints: members, API keys, the audit trail, tenants. */
public final class AccessViews {

  private AccessViews() {}

  /** Who is calling, and for which tenant. */
  public record Me(String tenant, String tenantName, String actor, Role role) {}

  public record MemberView(long id, String subject, String email, Role role) {
    static MemberView of(TenantMember member) {
      return new MemberView(member.id, member.subject, member.email, member.role);
    }
  }

  /** A person to add: their identity provider's subject, e-mail and role. */
  public record NewMember(
      @NotBlank @Size(max = 255) String subject,
      @NotBlank @Email @Size(max = 320) String email,
      @NotNull Role role) {}

  public record RoleChange(@NotNull Role role) {}

  public record ApiKeyView(
      long id,
      String name,
      String prefix,
      Role role,
      Instant createdAt,
      String createdBy,
      Instant lastUsedAt,
      Instant revokedAt) {
    static ApiKeyView of(ApiKey key) {
      return new ApiKeyView(
          key.id,
          key.name,
          key.prefix,
          key.role,
          key.createdAt,
          key.createdBy,
          key.lastUsedAt,
          key.revokedAt);
    }
  }

  public record NewApiKey(@NotBlank @Size(max = 100) String name, @NotNull Role role) {}

  /** A new key with its secret: shown in this answer only, never again. */
  public record CreatedApiKey(ApiKeyView key, String secret) {}

  public record AuditView(
      long id,
      String actor,
      String action,
      String entity,
      String entityId,
      Map<String, Object> before,
      Map<String, Object> after,
      Instant recordedAt) {
    static AuditView of(AuditEntry entry) {
      return new AuditView(
          entry.id,
          entry.actor,
          entry.action,
          entry.entity,
          entry.entityId,
          entry.before,
          entry.after,
          entry.recordedAt);
    }
  }

  /** A tenant a platform operator creates, with its first owner. */
  public record NewTenant(
      @NotBlank
          @Pattern(
              regexp = "[a-z0-9][a-z0-9-]{1,62}",
              message = "lower-case letters, digits and dashes")
          String slug,
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 255) String ownerSubject,
      @NotBlank @Email @Size(max = 320) String ownerEmail) {}

  public record TenantView(long id, String slug, String name) {}
}
