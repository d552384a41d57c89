package io.consentplatform.core.platform;

/** An operator key just made; {@code secret} exists only in this answer. */
public record CreatedPlatformKey(PlatformKeyView key, String secret) {}
