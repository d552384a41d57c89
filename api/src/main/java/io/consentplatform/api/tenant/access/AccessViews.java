package io.consentplatform.api.tenant.access;

import io.consentplatform.core.tenant.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Bodies of the access endpoints that only the API has; members, API keys and the audit trail are
 * core's records, shared with the back office.
 */
public final class AccessViews {

  private AccessViews() {}

  /**
   * Who is calling, and for which tenant.
   *
   * @param actor who the caller is, issuer-qualified, as the audit trail records them
   * @param email the e-mail shown for them, null when the sign-in gave none
   */
  public record Me(String tenant, String tenantName, String actor, String email, Role role) {}

  public record RoleChange(@NotNull Role role) {}

  /**
   * A tenant a platform operator creates, with its first owner.
   *
   * @param ownerEmail the owner's e-mail: their local account, invited unless it exists
   * @param ownerSubject the identity provider's subject of the owner instead, when they sign in
   *     there; optional
   */
  public record NewTenant(
      @NotBlank
          @Pattern(
              regexp = "[a-z0-9][a-z0-9-]{1,62}",
              message = "lower-case letters, digits and dashes")
          String slug,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 255) String ownerSubject,
      @NotBlank @Email @Size(max = 320) String ownerEmail) {}
}
