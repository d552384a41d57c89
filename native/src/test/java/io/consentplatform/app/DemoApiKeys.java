package io.consentplatform.app;

import io.consentplatform.core.testing.PostgresResource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Owners' API keys of the demo tenant, written with SQL as the platform stores them (a SHA-256
 * hash), so that tests of the packaged application, which cannot inject its services, can call the
 * tenant API.
 */
final class DemoApiKeys {

  private DemoApiKeys() {}

  /**
   * Adds an owner's key whose secret is {@code secret} to the test database ({@link
   * PostgresResource}).
   *
   * @return the key's id
   */
  static long add(String name, String secret) throws SQLException {
    try (Connection db = PostgresResource.superuser()) {
      return add(db, name, secret);
    }
  }

  /**
   * Adds an owner's key whose secret is {@code secret} through {@code db}, to whichever database
   * holds the demo tenant.
   *
   * @return the key's id
   */
  static long add(Connection db, String name, String secret) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into api_key (tenant_id, name, prefix, key_hash, role, created_by)"
                + " select tenant_id, ?, ?, ?, 'OWNER', 'test' from site"
                + " where site_key = 'townofcary' returning id")) {
      insert.setString(1, name);
      insert.setString(2, secret.substring(0, 10));
      insert.setString(3, sha256(secret));
      try (ResultSet id = insert.executeQuery()) {
        if (!id.next()) {
          throw new IllegalStateException("the demo site townofcary is not in the database");
        }
        return id.getLong(1);
      }
    }
  }

  private static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
