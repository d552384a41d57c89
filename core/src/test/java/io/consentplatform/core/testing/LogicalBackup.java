package io.consentplatform.core.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A logical backup of the platform's data, taken and restored with the JDBC driver's COPY API as
 * {@code pg_dump --data-only} and {@code pg_restore --disable-triggers} would (the machine's
 * pg_dump is older than the embedded server and cannot dump it): every table's rows in COPY's
 * binary format, and every sequence's position. The schema of the database restored into comes from
 * the same migrations.
 */
public final class LogicalBackup {

  private final Map<String, byte[]> tables;
  private final Map<String, Long> sequences;

  private LogicalBackup(Map<String, byte[]> tables, Map<String, Long> sequences) {
    this.tables = tables;
    this.sequences = sequences;
  }

  /** Copies out every table but Flyway's history, in one snapshot, as the superuser. */
  public static LogicalBackup take(Connection superuser) throws SQLException {
    Map<String, byte[]> tables = new LinkedHashMap<>();
    Map<String, Long> sequences = new LinkedHashMap<>();
    boolean autoCommit = superuser.getAutoCommit();
    superuser.setAutoCommit(false);
    try (Statement statement = superuser.createStatement()) {
      // One snapshot for all tables, as pg_dump takes.
      statement.execute("set transaction isolation level repeatable read, read only");
      CopyManager copy = superuser.unwrap(PGConnection.class).getCopyAPI();
      try (ResultSet names =
          superuser
              .createStatement()
              .executeQuery(
                  // A partitioned table is copied whole through its parent, as pg_dump's
                  // --load-via-partition-root does: the rows find their months again on restore.
                  "select relname, relkind = 'p' from pg_class where relnamespace ="
                      + " 'public'::regnamespace and relkind in ('r', 'p') and not relispartition"
                      + " and relname <> 'flyway_schema_history' order by relname")) {
        while (names.next()) {
          String table = names.getString(1);
          ByteArrayOutputStream rows = new ByteArrayOutputStream();
          copy.copyOut(
              "copy "
                  + (names.getBoolean(2)
                      ? "(select * from public." + table + ")"
                      : "public." + table)
                  + " to stdout (format binary)",
              rows);
          tables.put(table, rows.toByteArray());
        }
      }
      try (ResultSet rows =
          statement.executeQuery(
              "select sequencename, last_value from pg_sequences where schemaname = 'public'"
                  + " and last_value is not null")) {
        while (rows.next()) {
          sequences.put(rows.getString(1), rows.getLong(2));
        }
      }
      superuser.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      superuser.setAutoCommit(autoCommit);
    }
    return new LogicalBackup(tables, sequences);
  }

  /**
   * Restores into a migrated, empty database as its superuser: triggers and foreign keys are off
   * while rows go in (session_replication_role), so that no append-only guard or ledger queue
   * reacts to a restore.
   */
  public void restoreInto(Connection superuser) throws SQLException {
    boolean autoCommit = superuser.getAutoCommit();
    superuser.setAutoCommit(false);
    try (Statement statement = superuser.createStatement()) {
      statement.execute("set local session_replication_role = replica");
      statement.execute("truncate " + String.join(", ", tables.keySet()));
      CopyManager copy = superuser.unwrap(PGConnection.class).getCopyAPI();
      for (Map.Entry<String, byte[]> table : tables.entrySet()) {
        copy.copyIn(
            "copy public." + table.getKey() + " from stdin (format binary)",
            new ByteArrayInputStream(table.getValue()));
      }
      for (Map.Entry<String, Long> sequence : sequences.entrySet()) {
        statement.execute(
            "select setval('public." + sequence.getKey() + "', " + sequence.getValue() + ")");
      }
      superuser.commit();
    } catch (IOException e) {
      superuser.rollback();
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      superuser.rollback();
      throw e;
    } finally {
      superuser.setAutoCommit(autoCommit);
    }
  }
}
