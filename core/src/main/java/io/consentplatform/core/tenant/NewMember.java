package io.consentplatform.core.tenant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A person to add to a tenant, as the API body and the back-office form both give it.
 *
 * @param subject how they sign in: the identity provider's subject, or {@code local:<email>}
 */
public record NewMember(
    @NotBlank @Size(max = 255) String subject,
    @NotBlank @Email @Size(max = 320) String email,
    @NotNull Role role) {

  /** The same person with the spaces a form or a paste leaves around the values removed. */
  public NewMember stripped() {
    return new NewMember(strip(subject), strip(email), role);
  }

  static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
