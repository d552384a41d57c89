package io.consentplatform.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/**
 * Keys the database cannot plant: the published keys come from configuration only, a rotation keeps
 * old receipts and heads verifiable, a laptop's generated key survives a restart, and the upgrade
 * step of docs/deploy.md carries the keys of earlier versions into configuration.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ReceiptKeyRotationTest {

  @Inject DataSource dataSource;

  @Test
  void shouldKeepOldReceiptsAndHeadsVerifiableAcrossARotation() throws Exception {
    KeyPair first = pair();
    KeyPair second = pair();
    ReceiptSigner before = signer(keys(config(first, List.of())));
    String oldReceipt = before.sign(bytes("{\"consentId\":\"old\"}"));
    String oldHead = before.sign(bytes("{\"treeSize\":1}"), "tree-head+jws");

    ReceiptKeys rotated = keys(config(second, List.of(x509(first))));
    ReceiptSigner after = signer(rotated);
    String newReceipt = after.sign(bytes("{\"consentId\":\"new\"}"));
    String newHead = after.sign(bytes("{\"treeSize\":2}"), "tree-head+jws");

    JsonWebKeySet published = new JsonWebKeySet(rotated.publishedKeySet());
    assertEquals(List.of(kid(second), kid(first)), kids(published));
    assertEquals(kid(first), kidOf(oldReceipt));
    assertEquals(kid(second), kidOf(newReceipt));
    assertEquals(kid(second), kidOf(newHead));
    for (String jws : List.of(oldReceipt, oldHead, newReceipt, newHead)) {
      assertTrue(verifies(jws, published), "verifies after the rotation: " + jws);
    }
    assertTrue(
        published.getJsonWebKeys().stream().noneMatch(k -> k.toJson().contains("\"d\"")),
        "no private key is published");
  }

  @Test
  void shouldNeverPublishAKeyOnlyFoundInTheDatabase() throws Exception {
    KeyPair configured = pair();
    KeyPair planted = pair();
    ReceiptKeys keys = keys(config(configured, List.of()));
    try (Connection superuser = PostgresResource.superuser();
        PreparedStatement insert =
            superuser.prepareStatement(
                "insert into receipt_key (kid, public_key, created_at) values (?, ?, now())")) {
      insert.setString(1, kid(planted));
      insert.setString(2, x509(planted));
      insert.executeUpdate();
    }
    String forged = signWith(planted, "{\"consentId\":\"forged\",\"action\":\"accept_all\"}");

    JsonWebKeySet published = new JsonWebKeySet(keys.publishedKeySet());

    assertEquals(List.of(kid(configured)), kids(published));
    assertFalse(verifies(forged, published), "a receipt signed by a planted key does not verify");
  }

  @Test
  void shouldKeepTheGeneratedKeyInTheDataDirectoryAcrossRestarts() throws Exception {
    Path dataDirectory = Files.createTempDirectory("receipt-keys");
    ReceiptKeys firstStart = new ReceiptKeys(dataSource, config(null, List.of()), dataDirectory);
    String receipt = signer(firstStart).sign(bytes("{\"consentId\":\"laptop\"}"));

    ReceiptKeys secondStart = new ReceiptKeys(dataSource, config(null, List.of()), dataDirectory);
    ReceiptKeys elsewhere =
        new ReceiptKeys(
            dataSource, config(null, List.of()), Files.createTempDirectory("receipt-keys"));

    assertEquals(firstStart.trustedKids(), secondStart.trustedKids());
    assertNotEquals(firstStart.trustedKids(), elsewhere.trustedKids());
    assertEquals(kidOf(receipt), secondStart.trustedKids().get(0));
    assertTrue(verifies(receipt, new JsonWebKeySet(secondStart.publishedKeySet())));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dataDirectory.resolve(ReceiptKeys.KEY_FILE))));
  }

  /**
   * Before this version, each start generated a key and recorded it only in receipt_key, which JWKS
   * published. The documented export puts those keys into the retired keys: an old receipt verifies
   * after the switch, and did not without the step.
   */
  @Test
  void shouldVerifyAReceiptOfAnEarlierVersionAfterTheDocumentedUpgradeStep() throws Exception {
    KeyPair earlierStart = pair();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into receipt_key (kid, public_key, created_at) values (?, ?, now())")) {
      // What the earlier version wrote for its key.
      insert.setString(1, kid(earlierStart));
      insert.setString(2, x509(earlierStart));
      insert.executeUpdate();
    }
    String oldReceipt = signWith(earlierStart, "{\"consentId\":\"" + UUID.randomUUID() + "\"}");
    KeyPair current = pair();
    JsonWebKeySet withoutTheStep =
        new JsonWebKeySet(keys(config(current, List.of())).publishedKeySet());
    assertFalse(verifies(oldReceipt, withoutTheStep));

    String exported;
    try (Connection connection = PostgresResource.superuser();
        ResultSet row = connection.createStatement().executeQuery(exportQuery())) {
      row.next();
      exported = row.getString(1);
    }
    JsonWebKeySet afterTheStep =
        new JsonWebKeySet(keys(config(current, List.of(exported.split(",")))).publishedKeySet());

    assertTrue(verifies(oldReceipt, afterTheStep), "the old receipt verifies after the switch");
    assertTrue(kids(afterTheStep).contains(kid(earlierStart)));
  }

  /**
   * The query exactly as docs/deploy.md prints it, so that the documented step is the tested one.
   */
  private static String exportQuery() throws Exception {
    String doc = Files.readString(Path.of("../docs/deploy.md"), StandardCharsets.UTF_8);
    Matcher block =
        Pattern.compile("<!-- receipt-key-export -->\\s*```sql\\n(.*?)```", Pattern.DOTALL)
            .matcher(doc);
    assertTrue(block.find(), "docs/deploy.md shows the export query");
    return block.group(1).strip().replaceAll(";$", "");
  }

  private ReceiptKeys keys(CoreConfig.Receipts config) throws Exception {
    return new ReceiptKeys(dataSource, config, Files.createTempDirectory("receipt-keys"));
  }

  private static ReceiptSigner signer(ReceiptKeys keys) {
    return new ReceiptSigner(keys);
  }

  /** Receipts configuration: {@code signing} null for none. */
  private static CoreConfig.Receipts config(KeyPair signing, List<String> retired) {
    return new CoreConfig.Receipts() {
      @Override
      public Optional<String> privateKey() {
        return Optional.ofNullable(signing)
            .map(p -> Base64.getEncoder().encodeToString(p.getPrivate().getEncoded()));
      }

      @Override
      public Optional<String> publicKey() {
        return Optional.ofNullable(signing).map(ReceiptKeyRotationTest::x509);
      }

      @Override
      public Optional<List<String>> retiredKeys() {
        return retired.isEmpty() ? Optional.empty() : Optional.of(retired);
      }
    };
  }

  private static KeyPair pair() throws Exception {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  private static String x509(KeyPair pair) {
    return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
  }

  /**
   * The kid as receipts have carried it since they were signed: written out from its definition.
   */
  private static String kid(KeyPair pair) throws Exception {
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
  }

  private static String signWith(KeyPair pair, String payload) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
    jws.setKeyIdHeaderValue(kid(pair));
    jws.setHeader("typ", "consent-receipt+jws");
    jws.setPayloadBytes(bytes(payload));
    jws.setKey(pair.getPrivate());
    return jws.getCompactSerialization();
  }

  private static List<String> kids(JsonWebKeySet set) {
    return set.getJsonWebKeys().stream().map(JsonWebKey::getKeyId).toList();
  }

  private static String kidOf(String compact) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setCompactSerialization(compact);
    return jws.getKeyIdHeaderValue();
  }

  /** Verifies against the published key with the JWS's kid, as a visitor's verifier would. */
  private static boolean verifies(String compact, JsonWebKeySet published) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setCompactSerialization(compact);
    Optional<JsonWebKey> key =
        published.getJsonWebKeys().stream()
            .filter(k -> k.getKeyId().equals(jws.getKeyIdHeaderValue()))
            .findFirst();
    if (key.isEmpty()) {
      return false;
    }
    jws.setKey(key.get().getKey());
    return jws.verifySignature();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
