package io.consentplatform.core.tenant;

import java.time.Instant;

/**
 * A usable one-time link, as its page shows it before the password is set.
 *
 * @param tenantName the inviting tenant's name; null for a password reset
 */
public record OpenLink(LinkPurpose purpose, String email, String tenantName, Instant expiresAt) {}
