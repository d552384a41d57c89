package io.consentplatform.core.cookie;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A provider as a tenant creates or changes it. */
public record ProviderEdit(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "an http or https URL")
        String privacyPolicyUrl) {}
