package io.consentplatform.core.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An endpoint as a tenant registers or edits it, from the API or the back office.
 *
 * @param url where deliveries are posted: HTTPS, resolving to a public address
 * @param events the types wanted, among {@link WebhookEvents#ALL}
 * @param siteIds the sites covered; null or empty for every site of the tenant
 * @param enabled whether deliveries are sent; null keeps it as it is (enabled when new)
 */
public record WebhookEdit(
    @NotBlank @Size(max = 2000) String url,
    @Size(max = 500) String description,
    @NotEmpty @Size(max = 10) List<@NotNull String> events,
    @Size(max = 1000) List<@NotNull Long> siteIds,
    Boolean enabled) {}
