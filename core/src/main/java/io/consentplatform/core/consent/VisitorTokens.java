package io.consentplatform.core.consent;

import io.consentplatform.core.CoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The visitor tokens: proof that whoever posts a decision under a visitor id is the visitor the
 * platform gave it to. A token is {@code <key id>.<HMAC-SHA256 of site key and visitor id>} under a
 * server key, so nothing is stored and a token made under a retired key still verifies by its key
 * id. Without a configured key, one is generated once and kept in the data directory.
 */
@ApplicationScoped
public class VisitorTokens {

  private static final Logger LOG = Logger.getLogger(VisitorTokens.class);

  /** The file in the data directory; the embedded PostgreSQL ignores files it does not know. */
  static final String FILE = "consent-visitor-token.key";

  private static final int MIN_KEY_BYTES = 32;
  private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();

  private final Supplier<Keys> load;
  private volatile Keys keys;

  @Inject
  public VisitorTokens(CoreConfig config) {
    this(
        config.visitorTokens().key(),
        config.visitorTokens().retiredKeys().orElse(List.of()),
        Path.of(config.embeddedDb().dataDir()));
  }

  VisitorTokens(Optional<String> key, List<String> retired, Path dataDirectory) {
    // Read (or generated) at the first decision rather than at start-up: the embedded database's
    // initdb wants its directory empty, and it has run by the time a visitor decides.
    this.load = () -> Keys.of(key, retired, dataDirectory);
  }

  /** The token of {@code visitorId} on site {@code siteKey}, under the current key. */
  public String issue(String siteKey, UUID visitorId) {
    Key current = keys().current();
    return current.id() + "." + TEXT.encodeToString(current.mac(siteKey, visitorId));
  }

  /** Whether {@code token} was issued (under the current or a retired key) for this visitor. */
  public boolean accepts(String siteKey, UUID visitorId, String token) {
    if (token == null || visitorId == null) {
      return false;
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return false;
    }
    Key key = keys().byId().get(token.substring(0, dot));
    if (key == null) {
      return false;
    }
    byte[] sent;
    try {
      sent = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return false;
    }
    // Constant time: how long a comparison takes must not tell how much of a guess was right.
    return MessageDigest.isEqual(sent, key.mac(siteKey, visitorId));
  }

  /**
   * One HMAC key and the id that names it in tokens (from its hash: the key itself stays secret).
   */
  record Key(String id, byte[] secret) {

    static Key of(byte[] secret) {
      if (secret.length < MIN_KEY_BYTES) {
        throw new IllegalStateException(
            "A visitor-token key must hold at least " + MIN_KEY_BYTES + " bytes (base64)");
      }
      try {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret);
        return new Key(TEXT.encodeToString(Arrays.copyOf(hash, 6)), secret.clone());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Every JDK has SHA-256", e);
      }
    }

    byte[] mac(String siteKey, UUID visitorId) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        // A separator no site key contains: ("ab", id) and ("a", "b" + id) never share a message.
        return mac.doFinal((siteKey + "\n" + visitorId).getBytes(StandardCharsets.UTF_8));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Every JDK has HmacSHA256", e);
      }
    }
  }

  /** The current key and every key that verifies, by id. */
  record Keys(Key current, Map<String, Key> byId) {

    static Keys of(Optional<String> configured, List<String> retired, Path dataDirectory) {
      Key current = Key.of(configured.map(Keys::decode).orElseGet(() -> kept(dataDirectory)));
      Map<String, Key> byId = new LinkedHashMap<>();
      byId.put(current.id(), current);
      List<Key> old = new ArrayList<>();
      retired.forEach(text -> old.add(Key.of(decode(text))));
      old.forEach(key -> byId.putIfAbsent(key.id(), key));
      return new Keys(current, Map.copyOf(byId));
    }

    private static byte[] decode(String text) {
      try {
        return Base64.getDecoder().decode(text.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("consent.visitor-tokens keys must be base64", e);
      }
    }

    /** The key kept in the data directory, generated there the first time. */
    private static byte[] kept(Path dataDirectory) {
      Path file = dataDirectory.toAbsolutePath().normalize().resolve(FILE);
      try {
        if (!Files.exists(file)) {
          LOG.warnf(
              "Visitor tokens are made with a key generated and kept in %s. Production needs"
                  + " consent.visitor-tokens.key set to the same value on every instance: with a key"
                  + " per instance, a token given by one is refused by the others.",
              file);
          write(file);
        }
        return decode(Files.readString(file, StandardCharsets.US_ASCII));
      } catch (IOException e) {
        // A read-only file system (a container without the key configured) must not stop visitors
        // from deciding: their tokens then last as long as this process, and later decisions of
        // theirs count as a new visitor's.
        LOG.errorf(
            "Could not keep a visitor-token key in %s (%s): this instance uses one of its own until"
                + " it stops. Set consent.visitor-tokens.key.",
            file, e.getMessage());
        return random();
      }
    }

    private static byte[] random() {
      byte[] secret = new byte[MIN_KEY_BYTES];
      new SecureRandom().nextBytes(secret);
      return secret;
    }

    /** Created under a temporary name, owner-only, and moved into place: never half written. */
    private static void write(Path file) throws IOException {
      byte[] secret = random();
      Files.createDirectories(file.getParent());
      Path partial = file.resolveSibling(FILE + ".partial");
      Files.deleteIfExists(partial);
      Files.createFile(
          partial,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(partial, Base64.getEncoder().encodeToString(secret));
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private Keys keys() {
    Keys known = keys;
    if (known == null) {
      synchronized (this) {
        if (keys == null) {
          keys = load.get();
        }
        known = keys;
      }
    }
    return known;
  }
}
