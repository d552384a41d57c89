package io.consentplatform.core.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure because the database cannot be reached (down, restarting, refusing connections)
 * from any other: those are transient, so callers answer 503 and try again, where another failure
 * is a bug to report.
 */
public final class DatabaseUnavailable {

  private DatabaseUnavailable() {}

  public static boolean is(Throwable failure) {
    return is(failure, 0);
  }

  /**
   * Follows causes and also suppressed exceptions: the transaction manager reports a failed commit
   * as a RollbackException carrying the driver's exception only as suppressed.
   */
  private static boolean is(Throwable failure, int depth) {
    if (failure == null || depth > 20) {
      return false;
    }
    if (failure instanceof ConnectException || failure instanceof SQLTransientConnectionException) {
      return true;
    }
    if (failure instanceof SQLException sql && unavailable(sql.getSQLState())) {
      return true;
    }
    if (failure.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
      return true;
    }
    for (Throwable suppressed : failure.getSuppressed()) {
      if (is(suppressed, depth + 1)) {
        return true;
      }
    }
    return failure.getCause() != failure && is(failure.getCause(), depth + 1);
  }

  /**
   * Connection exceptions (class 08), the server shutting down or starting up (57P01-57P03), and
   * too many connections (53300).
   */
  private static boolean unavailable(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03")
            || state.equals("53300"));
  }
}
