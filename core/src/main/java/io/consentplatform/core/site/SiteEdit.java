package io.consentplatform.core.site;

import io.consentplatform.core.text.LanguageCode;
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

/**
 * A site as a tenant creates or changes it. Domains are kept as {@link SiteDomains#normalize} reads
 * them, so that a pasted page address is validated, and stored, as its host.
 *
 * @param controller who is responsible for the site's data, for its policy page; null for nobody
 *     named
 * @param cookieDomain the parent domain the banner writes its cookie on, shared by the subdomains
 *     ({@link CookieDomain}); a leading dot is dropped; null or blank for the page's own host
 * @param vendorSignals the vendors' consent interfaces the banner tells of each choice; null keeps
 *     the site's current list (Google alone for a new site), so that a client written before the
 *     setting existed does not switch them off
 */
@CookieDomainName
public record SiteEdit(
    @NotBlank
        @Pattern(
            regexp = SiteKeys.PATTERN,
            message = "lower-case letters, digits and dashes, 2 to 63")
        String key,
    @NotBlank @Size(max = 200) String name,
    @NotNull @Size(max = 50) List<@DomainName String> domains,
    @NotEmpty @Size(max = 30) List<@LanguageCode String> languages,
    @NotBlank @LanguageCode String defaultLanguage,
    @Min(1) @Max(Site.MAX_CONSENT_LIFETIME_DAYS) Integer consentLifetimeDays,
    @Size(max = 30) Map<@LanguageCode String, @Valid SiteTexts> texts,
    @Valid DataController controller,
    @Size(max = 253) String cookieDomain,
    @Size(max = 10) List<@NotNull VendorSignal> vendorSignals) {

  public SiteEdit {
    domains = SiteDomains.normalize(domains);
    cookieDomain = CookieDomain.normalize(cookieDomain);
    vendorSignals = vendorSignals == null ? null : vendorSignals.stream().distinct().toList();
  }
}
