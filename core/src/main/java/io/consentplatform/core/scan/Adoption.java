package io.consentplatform.core.scan;

import io.consentplatform.core.cookie.CookieText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A cookie found by a scan that an editor adds to the site's declarations (its draft). The finding
 * is named by its name and domain as the report shows them; the category and provider come
 * pre-filled from its classification, but the editor gives them.
 *
 * @param domain the finding's domain as the report shows it
 * @param category the key of one of the site's categories
 * @param provider the name of a provider; created on the site when it has none of that name
 * @param text what the cookie does, in the site's default language; a short default when null
 */
public record Adoption(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Size(max = 253) String domain,
    @NotBlank @Size(max = 40) String category,
    @NotBlank @Size(max = 200) String provider,
    @Valid CookieText text) {}
