package io.consentplatform.core.scan.report;

import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Retention;

/**
 * A cookie the site declares, as classification and the diff read it.
 *
 * @param name its name, or its prefix when {@code wildcard} ({@code _ga_})
 * @param domain the domain it is declared on; null for the site's own
 * @param category the key of its category
 * @param required whether its category is required (always on)
 */
public record Declaration(
    long cookieId,
    String name,
    boolean wildcard,
    String domain,
    Party party,
    Retention retention,
    String category,
    Purpose purpose,
    boolean required,
    String provider) {}
