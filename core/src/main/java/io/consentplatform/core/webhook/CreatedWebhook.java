package io.consentplatform.core.webhook;

/** An endpoint with its signing secret: shown in this answer only, never again. */
public record CreatedWebhook(WebhookView endpoint, String secret) {}
