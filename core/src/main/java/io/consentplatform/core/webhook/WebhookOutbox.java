package io.consentplatform.core.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.consentplatform.core.db.DomainJson;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Queues an event for the endpoints that want it, in the transaction of the change it tells of: the
 * change and its deliveries commit or roll back together, so no event is lost and none is sent for
 * a change that did not happen. Decisions do not come here: the ledger is their outbox ({@link
 * DecisionFeed}).
 */
public final class WebhookOutbox {

  private static final String EMIT = "select webhook_emit(?1, ?2, ?3, ?4, ?5)";

  private WebhookOutbox() {}

  /**
   * Queues {@code type} with {@code data} (a JSON-serialisable view) in the current transaction.
   */
  public static void emit(
      EntityManager entityManager,
      long tenantId,
      Long siteId,
      String type,
      Instant occurredAt,
      Object data) {
    entityManager
        .createNativeQuery(EMIT)
        .setParameter(1, tenantId)
        .setParameter(2, siteId)
        .setParameter(3, type)
        .setParameter(4, occurredAt.toString())
        .setParameter(5, json(data))
        .getSingleResult();
  }

  /** The same, on a JDBC connection in the middle of its transaction (the ledger sealer's). */
  public static void emit(
      Connection connection,
      long tenantId,
      Long siteId,
      String type,
      Instant occurredAt,
      Object data)
      throws SQLException {
    try (PreparedStatement emit =
        connection.prepareStatement("select webhook_emit(?, ?, ?, ?, ?)")) {
      emit.setLong(1, tenantId);
      emit.setObject(2, siteId);
      emit.setString(3, type);
      emit.setString(4, occurredAt.toString());
      emit.setString(5, json(data));
      emit.execute();
    }
  }

  static String json(Object data) {
    try {
      return DomainJson.mapper().writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An event's data that cannot be written as JSON", e);
    }
  }
}
