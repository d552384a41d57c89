package io.consentplatform.core.export;

import io.consentplatform.core.access.TenantIsolation;
import io.consentplatform.core.csv.CsvFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The tenant's large tables (its ledger, its trail) read through database cursors on one connection
 * confined to the tenant, so that an export of millions of rows holds a page of them at a time and
 * still sees nothing of another tenant's.
 */
final class TenantTables implements AutoCloseable {

  private static final int FETCH_SIZE = 1000;

  private final Connection connection;
  private final boolean autoCommit;

  TenantTables(DataSource dataSource, long tenantId) throws SQLException {
    this.connection = dataSource.getConnection();
    this.autoCommit = connection.getAutoCommit();
    // PostgreSQL streams through a cursor only inside a transaction, and the confinement lives
    // exactly as long as the transaction.
    connection.setAutoCommit(false);
    connection.setReadOnly(true);
    TenantIsolation.confine(connection, tenantId);
  }

  /**
   * Writes the query's rows as CSV headed by {@code header}, one column per header name, times as
   * ISO-8601 instants; answers the number of rows.
   */
  long csv(OutputStream out, List<String> header, String sql, Object... parameters)
      throws SQLException, IOException {
    long count = 0;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setFetchSize(FETCH_SIZE);
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery();
          CsvFiles.Rows csv =
              CsvFiles.writer(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
        csv.write(header);
        ResultSetMetaData columns = rows.getMetaData();
        while (rows.next()) {
          List<Object> cells = new ArrayList<>(header.size());
          for (int i = 1; i <= header.size(); i++) {
            cells.add(cell(rows, columns, i));
          }
          csv.write(cells);
          count++;
        }
      }
    }
    return count;
  }

  private static Object cell(ResultSet rows, ResultSetMetaData columns, int i) throws SQLException {
    if ("timestamptz".equals(columns.getColumnTypeName(i))) {
      OffsetDateTime time = rows.getObject(i, OffsetDateTime.class);
      return time == null ? "" : time.toInstant().toString();
    }
    String value = rows.getString(i);
    return value == null ? "" : value;
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.rollback(); // nothing was written: a read ends without a commit
      connection.setReadOnly(false);
      connection.setAutoCommit(autoCommit);
    } finally {
      connection.close();
    }
  }
}
