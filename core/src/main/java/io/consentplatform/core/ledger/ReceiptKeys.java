package io.consentplatform.core.ledger;

import io.consentplatform.core.CoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

/**
 * The receipts' keys: this instance's signing key and the registry of every public key that ever
 * signed.
 *
 * <p>The key pair comes from configuration ({@code consent.receipts.private-key} and {@code
 * public-key}, base64 DER); without it, each start generates a key that lives only in memory. Every
 * public key that signed is kept in the database and stays published, so receipts signed before a
 * restart or a rotation still verify.
 */
@ApplicationScoped
public class ReceiptKeys {

  private static final Logger LOG = Logger.getLogger(ReceiptKeys.class);

  private final DataSource dataSource;
  private final ReceiptKey signingKey;
  private volatile boolean registered;

  public ReceiptKeys(DataSource dataSource, CoreConfig config) {
    this.dataSource = dataSource;
    Optional<String> privateKey = config.receipts().privateKey();
    Optional<String> publicKey = config.receipts().publicKey();
    if (privateKey.isPresent() && publicKey.isPresent()) {
      this.signingKey = ReceiptKey.configured(privateKey.get(), publicKey.get());
    } else {
      LOG.info(
          "Receipts are signed with a key generated at start-up; set consent.receipts.private-key"
              + " and consent.receipts.public-key to keep one key across restarts (old public"
              + " keys stay published either way)");
      this.signingKey = ReceiptKey.generated();
    }
  }

  /** This instance's key, published before anything is signed with it. */
  ReceiptKey signingKey() {
    register();
    return signingKey;
  }

  /** Every public key that ever signed a receipt, this instance's first, as a JWK Set document. */
  public String publishedKeySet() {
    register();
    List<JsonWebKey> keys = new ArrayList<>();
    keys.add(signingKey.jwk());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select kid, public_key from receipt_key order by created_at desc");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        if (!rows.getString(1).equals(signingKey.kid())) {
          keys.add(ReceiptKey.published(rows.getString(1), rows.getString(2)).jwk());
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the published receipt keys failed", e);
    }
    return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
  }

  /** Publishes this instance's public key once, when the database is there. */
  private void register() {
    if (registered) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into receipt_key (kid, public_key, created_at) values (?, ?, ?)"
                    + " on conflict (kid) do nothing")) {
      insert.setString(1, signingKey.kid());
      insert.setString(2, signingKey.storedPublicKey());
      insert.setTimestamp(3, Timestamp.from(Instant.now()));
      insert.executeUpdate();
      registered = true;
    } catch (SQLException e) {
      throw new IllegalStateException("Publishing the receipt key failed", e);
    }
  }
}
