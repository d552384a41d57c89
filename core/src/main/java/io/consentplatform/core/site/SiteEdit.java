package io.consentplatform.core.site;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** A site as a tenant creates or changes it. */
public record SiteEdit(
    @NotBlank
        @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{1,62}",
            message = "lower-case letters, digits and dashes, 2 to 63")
        String key,
    @NotBlank @Size(max = 200) String name,
    @NotNull @Size(max = 50)
        List<
                @Pattern(
                    regexp = "[a-z0-9.-]{1,253}(:[0-9]{1,5})?",
                    message = "a host name, optionally with a port")
                String>
            domains,
    @NotEmpty @Size(max = 30)
        List<@Pattern(regexp = "[a-z]{2,3}", message = "a language code such as en") String>
            languages,
    @NotBlank @Pattern(regexp = "[a-z]{2,3}", message = "a language code such as en")
        String defaultLanguage,
    @Min(1) @Max(Site.MAX_CONSENT_LIFETIME_DAYS) Integer consentLifetimeDays,
    @Size(max = 30) Map<@Pattern(regexp = "[a-z]{2,3}") String, @Valid SiteTexts> texts) {}
