package io.consentplatform.core.ledger;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.db.DataDirectorySecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

/**
 * The receipts' keys: this instance's signing key and the public keys it trusts, all from
 * configuration, so that whoever can write the database cannot make a forged receipt or tree head
 * verify.
 *
 * <p>The signing pair is {@code consent.receipts.private-key} and {@code public-key}; keys that
 * signed before a rotation are {@code consent.receipts.retired-keys}. Without a configured pair, a
 * generated one is kept in the data directory and reused at every start (a laptop's set-up). The
 * {@code receipt_key} table only records which keys signed, for the upgrade step that exports them
 * into configuration: nothing in it is published.
 */
@ApplicationScoped
public class ReceiptKeys {

  /** The file of the generated pair in the data directory. */
  static final String KEY_FILE = "consent-receipt-key";

  private static final Logger LOG = Logger.getLogger(ReceiptKeys.class);

  private final DataSource dataSource;
  private final ReceiptKey signingKey;
  private final Map<String, ReceiptKey> trusted = new LinkedHashMap<>();
  private volatile boolean registered;

  @Inject
  public ReceiptKeys(DataSource dataSource, CoreConfig config) {
    this(dataSource, config.receipts(), Path.of(config.embeddedDb().dataDir()));
  }

  ReceiptKeys(DataSource dataSource, CoreConfig.Receipts config, Path dataDirectory) {
    this.dataSource = dataSource;
    Optional<String> privateKey = config.privateKey();
    Optional<String> publicKey = config.publicKey();
    if (privateKey.isPresent() != publicKey.isPresent()) {
      throw new IllegalStateException(
          "Set both consent.receipts.private-key and consent.receipts.public-key, or neither");
    }
    if (privateKey.isPresent()) {
      this.signingKey = ReceiptKey.configured(privateKey.get(), publicKey.get());
    } else {
      Path directory = dataDirectory.toAbsolutePath().normalize();
      try {
        this.signingKey =
            ReceiptKey.fromStoredPair(
                DataDirectorySecrets.readOrCreate(
                    directory, KEY_FILE, () -> ReceiptKey.generated().storedPair()));
      } catch (UncheckedIOException e) {
        throw new IllegalStateException(
            "No receipt key is configured and none can be kept in "
                + directory
                + ": set consent.receipts.private-key and public-key",
            e);
      }
      LOG.warnf(
          "Receipts and tree heads are signed with a key generated once and kept in %s: fine for a"
              + " laptop, not for production, where consent.receipts.private-key and public-key"
              + " must be configured (and every instance must share them)",
          directory.resolve(KEY_FILE));
    }
    trusted.put(signingKey.kid(), signingKey);
    for (String retired : config.retiredKeys().orElse(List.of())) {
      ReceiptKey key = ReceiptKey.retired(retired);
      trusted.putIfAbsent(key.kid(), key);
    }
  }

  /** This instance's key, recorded in the database before anything is signed with it. */
  ReceiptKey signingKey() {
    register();
    return signingKey;
  }

  /** The kids of every key a receipt or head may be signed with: this instance's first. */
  List<String> trustedKids() {
    return List.copyOf(trusted.keySet());
  }

  /**
   * The public keys that verify receipts and tree heads, as a JWK Set document: this instance's
   * first, then the configured retired keys. Never a key found only in the database.
   */
  public String publishedKeySet() {
    List<JsonWebKey> keys = new ArrayList<>();
    trusted.values().forEach(key -> keys.add(key.jwk()));
    return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
  }

  /**
   * Records this instance's public key once, when the database is there, and warns about keys that
   * signed earlier but are not configured: their receipts no longer verify until they are.
   */
  private void register() {
    if (registered) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into receipt_key (kid, public_key, created_at) values (?, ?, ?)"
                  + " on conflict (kid) do nothing")) {
        insert.setString(1, signingKey.kid());
        insert.setString(2, signingKey.storedPublicKey());
        insert.setTimestamp(3, Timestamp.from(Instant.now()));
        insert.executeUpdate();
      }
      try (PreparedStatement query = connection.prepareStatement("select kid from receipt_key");
          ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          if (!trusted.containsKey(rows.getString(1))) {
            LOG.warnf(
                "The receipt key %s signed receipts but is not in consent.receipts.retired-keys:"
                    + " they no longer verify. Export it as docs/deploy.md says (upgrade step)",
                rows.getString(1));
          }
        }
      }
      registered = true;
    } catch (SQLException e) {
      throw new IllegalStateException("Recording the receipt key failed", e);
    }
  }
}
