package io.consentplatform.core.platform;

import io.consentplatform.core.tenant.IssuedLink;
import java.util.Optional;

/**
 * A tenant just created, with the one-time invitation of its first owner when they sign in with a
 * local account that does not exist yet: its secret is in this answer only.
 */
public record CreatedTenant(TenantSummary tenant, Optional<IssuedLink> invitation) {}
