package io.consentplatform.core.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A plan as an operator defines it (the code is taken from the path on an update). A null limit is
 * no limit; features are among {@link Feature}'s codes.
 */
public record PlanEdit(
    @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{0,39}",
            message = "lower-case letters, digits and dashes, at most 40")
        String code,
    @NotBlank @Size(max = 100) String name,
    @Min(0) Integer maxSites,
    @Min(1) Integer maxMembers,
    @Min(0) Long maxDecisionsPerMonth,
    @Min(0) Integer maxScansPerMonth,
    @Min(1) @Max(1000) Integer maxPagesPerScan,
    @Size(max = 10) List<@NotNull String> features) {}
