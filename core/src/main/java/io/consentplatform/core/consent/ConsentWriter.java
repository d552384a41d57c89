package io.consentplatform.core.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.db.DomainJson;
import io.consentplatform.core.metrics.PlatformMetrics;
import io.consentplatform.core.usage.DecisionMeter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Writes decisions with group commit: the records of concurrent requests go to PostgreSQL as one
 * batch in one transaction, and each request is answered only after that commit. One fsync then
 * serves many visitors, which is how recording outruns single-row INSERTs without giving up
 * durability. Nothing waits for a batch to fill: a writer takes whatever is queued the moment it is
 * free.
 */
@ApplicationScoped
public class ConsentWriter {

  private static final Logger LOG = Logger.getLogger(ConsentWriter.class);

  private static final String INSERT =
      "insert into consent_record (id, site_id, policy_version_id, visitor_id, action, method,"
          + " choices, language, gpc, recorded_at, user_agent_family, ip_truncated, region,"
          + " experience)"
          + " values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)";

  private record Pending(
      ConsentRecord record, long siteId, long versionId, CompletableFuture<Void> done) {}

  private final DataSource dataSource;
  private final PlatformMetrics metrics;
  private final DecisionMeter usage;
  private final int maxBatch;
  private final int writers;
  private final BlockingQueue<Pending> queue;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  public ConsentWriter(
      DataSource dataSource, PlatformMetrics metrics, DecisionMeter usage, CoreConfig config) {
    this.dataSource = dataSource;
    this.metrics = metrics;
    this.usage = usage;
    this.maxBatch = config.writes().maxBatch();
    this.writers = config.writes().writers();
    this.queue = new ArrayBlockingQueue<>(config.writes().queue());
  }

  void onStart(@Observes StartupEvent start) {
    running = true;
    for (int i = 0; i < writers; i++) {
      Thread thread = new Thread(this::run, "consent-writer-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join(5_000);
    }
  }

  /**
   * Queues the record; the future completes once it is committed, or fails with the database's
   * error (nothing of the batch was stored then).
   */
  CompletableFuture<Void> write(ConsentRecord record, long siteId, long versionId) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!queue.offer(new Pending(record, siteId, versionId, done))) {
      done.completeExceptionally(
          new java.sql.SQLTransientConnectionException("Too many decisions waiting to be written"));
    }
    return done;
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        store(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void store(List<Pending> batch) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        for (Pending pending : batch) {
          bind(insert, pending);
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.debugf("A batch of %d decisions was not written: %s", batch.size(), e.getMessage());
      batch.forEach(p -> p.done().completeExceptionally(e));
      return;
    }
    metrics.decisionsCommitted(batch.size());
    // Per tenant's site, for plans and billing; the metric above stays aggregate.
    batch.forEach(p -> usage.recorded(p.siteId()));
    batch.forEach(p -> p.done().complete(null));
  }

  private static void bind(PreparedStatement insert, Pending pending) throws SQLException {
    ConsentRecord record = pending.record();
    insert.setObject(1, record.id);
    insert.setLong(2, pending.siteId());
    insert.setLong(3, pending.versionId());
    insert.setObject(4, record.visitorId);
    insert.setString(5, record.action.name());
    insert.setString(6, record.method.name());
    try {
      insert.setString(7, DomainJson.mapper().writeValueAsString(record.choices));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Choices always serialise", e);
    }
    insert.setString(8, record.language);
    insert.setBoolean(9, record.gpc);
    insert.setTimestamp(10, Timestamp.from(record.recordedAt));
    if (record.userAgentFamily == null) {
      insert.setNull(11, Types.VARCHAR);
    } else {
      insert.setString(11, record.userAgentFamily);
    }
    if (record.ipTruncated == null) {
      insert.setNull(12, Types.VARCHAR);
    } else {
      insert.setString(12, record.ipTruncated);
    }
    if (record.region == null) {
      insert.setNull(13, Types.VARCHAR);
    } else {
      insert.setString(13, record.region);
    }
    insert.setString(14, record.experience.name());
  }
}
