package io.consentplatform.core.category;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A category as a tenant creates or changes it.
 *
 * @param sensitive where visitors opt out, this category still waits for their consent
 */
public record CategoryEdit(
    @NotBlank
        @Pattern(
            regexp = "[a-z][a-z0-9_]{0,39}",
            message = "lower-case letters, digits and underscores, starting with a letter")
        String key,
    @NotNull Purpose purpose,
    boolean required,
    boolean sensitive,
    @Min(0) @Max(1000) int position,
    @NotEmpty @Size(max = 30)
        Map<@Pattern(regexp = "[a-z]{2,3}") String, @Valid @NotNull CategoryText> texts) {}
