package io.consentplatform.core.tenant;

/** A new key with its secret: shown in this answer only, never again. */
public record CreatedApiKey(ApiKeyView key, String secret) {}
