package io.consentplatform.core.signup;

import java.time.Instant;

/**
 * A sign-up waiting for its confirmation, as its link's page shows it.
 *
 * @param hasAccount whether the address's account exists: then its own password confirms
 */
public record OpenSignup(
    String email, String organisation, boolean hasAccount, Instant expiresAt) {}
