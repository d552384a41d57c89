package io.consentplatform.core.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signs consent receipts as compact JWS (RFC 7515, EdDSA with Ed25519, RFC 8037), so that a visitor
 * or a tenant can check a receipt offline against the public keys published at {@code
 * /.well-known/jwks.json}.
 *
 * <p>The key pair comes from configuration ({@code consent.receipts.private-key} and {@code
 * public-key}, base64 DER); without it, each start generates a key that lives only in memory. Every
 * public key that ever signed is kept in the database and stays published, so receipts signed
 * before a restart or a rotation still verify.
 */
@ApplicationScoped
public class ReceiptSigner {

  private static final Logger LOG = Logger.getLogger(ReceiptSigner.class);
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  /** The DER prefix of an Ed25519 public key in X.509 form; the raw 32-byte key follows it. */
  private static final int X509_PREFIX = 12;

  /** A published public key, as a JWK (RFC 8037). */
  public record PublicJwk(String kty, String crv, String kid, String use, String alg, String x) {}

  private final DataSource dataSource;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String kid;
  private volatile boolean registered;

  /** A key pair from configuration; the JDK cannot derive an Ed25519 public key itself. */
  private record ConfiguredKey(String privateKey, String publicKey) {}

  public ReceiptSigner(
      DataSource dataSource,
      @ConfigProperty(name = "consent.receipts.private-key") Optional<String> privateKey,
      @ConfigProperty(name = "consent.receipts.public-key") Optional<String> configuredPublicKey) {
    this.dataSource = dataSource;
    try {
      Optional<ConfiguredKey> configured =
          privateKey.flatMap(p -> configuredPublicKey.map(k -> new ConfiguredKey(p, k)));
      KeyPair pair = configured.map(ReceiptSigner::load).orElseGet(ReceiptSigner::generate);
      if (configured.isEmpty()) {
        LOG.info(
            "Receipts are signed with a key generated at start-up; set consent.receipts.private-key"
                + " and consent.receipts.public-key to keep one key across restarts (old public"
                + " keys stay published either way)");
      }
      this.privateKey = pair.getPrivate();
      this.publicKey = pair.getPublic();
      this.kid =
          B64URL
              .encodeToString(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()))
              .substring(0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The receipt signing key is not an Ed25519 key", e);
    }
  }

  /** Compact JWS of {@code payload} (the receipt's JSON). */
  public String sign(byte[] payload) {
    register();
    String header =
        B64URL.encodeToString(
            ("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"typ\":\"consent-receipt+jws\"}")
                .getBytes(StandardCharsets.UTF_8));
    String signingInput = header + "." + B64URL.encodeToString(payload);
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** Every public key that ever signed a receipt, this instance's first. */
  public List<PublicJwk> publishedKeys() {
    register();
    List<PublicJwk> keys = new ArrayList<>();
    keys.add(jwk(kid, publicKey.getEncoded()));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select kid, public_key from receipt_key order by created_at desc");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        if (!rows.getString(1).equals(kid)) {
          keys.add(jwk(rows.getString(1), Base64.getDecoder().decode(rows.getString(2))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the published receipt keys failed", e);
    }
    return keys;
  }

  /** Verifies a compact JWS against this instance's key; for tests and the offline recipe. */
  public static boolean verify(String jws, byte[] x509PublicKey) {
    String[] parts = jws.split("\\.");
    if (parts.length != 3) {
      return false;
    }
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509PublicKey));
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(key);
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The X.509 form of a JWK's raw Ed25519 key, as {@link #verify} takes it. */
  public static byte[] x509OfRawKey(byte[] raw) {
    byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    byte[] der = Arrays.copyOf(prefix, prefix.length + raw.length);
    System.arraycopy(raw, 0, der, prefix.length, raw.length);
    return der;
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
      insert.setString(1, kid);
      insert.setString(2, Base64.getEncoder().encodeToString(publicKey.getEncoded()));
      insert.setTimestamp(3, Timestamp.from(Instant.now()));
      insert.executeUpdate();
      registered = true;
    } catch (SQLException e) {
      throw new IllegalStateException("Publishing the receipt key failed", e);
    }
  }

  private static PublicJwk jwk(String kid, byte[] x509) {
    byte[] raw = Arrays.copyOfRange(x509, X509_PREFIX, x509.length);
    return new PublicJwk("OKP", "Ed25519", kid, "sig", "EdDSA", B64URL.encodeToString(raw));
  }

  private static KeyPair load(ConfiguredKey configured) {
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      return new KeyPair(
          factory.generatePublic(
              new X509EncodedKeySpec(
                  Base64.getMimeDecoder().decode(configured.publicKey().strip()))),
          factory.generatePrivate(
              new PKCS8EncodedKeySpec(
                  Base64.getMimeDecoder().decode(configured.privateKey().strip()))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "consent.receipts.private-key and public-key must be an Ed25519 pair in base64 DER"
              + " (PKCS#8 and X.509)",
          e);
    }
  }

  private static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every JVM since 15 has Ed25519", e);
    }
  }
}
