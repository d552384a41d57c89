package io.consentplatform.core.cookie;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a cookie does, in one language.
 *
 * @param functionAndLocation the feature and where it runs, e.g. "Authentication (front office)"
 * @param purposes why the cookie is set, e.g. "To remember the user from one page to another"
 */
public record CookieText(
    @NotBlank @Size(max = 500) String functionAndLocation,
    @NotBlank @Size(max = 2000) String purposes) {}
