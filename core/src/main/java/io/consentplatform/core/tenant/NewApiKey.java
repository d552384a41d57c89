package io.consentplatform.core.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An API key to create: a name people recognise it by, and the role it acts with. */
public record NewApiKey(@NotBlank @Size(max = 100) String name, @NotNull Role role) {

  /** The same key with the spaces a form leaves around the name removed. */
  public NewApiKey stripped() {
    return new NewApiKey(NewMember.strip(name), role);
  }
}
