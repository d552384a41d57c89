package io.consentplatform.core.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A category's name and description in one language. */
public record CategoryText(
    @NotBlank @Size(max = 200) String name, @Size(max = 4000) String description) {}
