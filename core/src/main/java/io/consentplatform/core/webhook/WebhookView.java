package io.consentplatform.core.webhook;

import java.time.Instant;
import java.util.List;

/** An endpoint as its owner sees it; never its secret. */
public record WebhookView(
    long id,
    String url,
    String description,
    List<String> events,
    List<Long> siteIds,
    boolean enabled,
    String disabledReason,
    Instant createdAt) {

  static WebhookView of(WebhookEndpoint endpoint) {
    return new WebhookView(
        endpoint.id,
        endpoint.url,
        endpoint.description,
        List.copyOf(endpoint.events),
        List.copyOf(endpoint.siteIds),
        endpoint.enabled,
        endpoint.disabledReason,
        endpoint.createdAt);
  }
}
