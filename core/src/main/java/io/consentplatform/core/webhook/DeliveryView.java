package io.consentplatform.core.webhook;

import java.time.Instant;

/**
 * One delivery in an endpoint's history.
 *
 * @param status {@code PENDING} (to be sent or retried), {@code DELIVERED} or {@code PARKED} (every
 *     retry failed; it can be replayed)
 * @param nextAttemptAt when a pending delivery is tried next
 * @param lastStatus the HTTP status of the last answer, null when there was none (a timeout, a
 *     refused address)
 * @param lastError why the last attempt failed, null when it succeeded
 */
public record DeliveryView(
    long id,
    String messageId,
    String eventType,
    Long siteId,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    Integer lastStatus,
    String lastError,
    Instant createdAt,
    Instant deliveredAt) {}
