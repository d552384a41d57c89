package io.consentplatform.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Visitor tokens: their form, their binding to site and visitor, rotation, the generated key. */
class VisitorTokensTest {

  /** The bytes 1 to 32. */
  private static final String KEY = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

  private static final String OTHER_KEY = "gSRC4t5AxQjkhU5ik0TwR+GwQAbtpxGpcohi+KFuR8o=";
  private static final UUID VISITOR = UUID.fromString("6f1c1b3e-0c7a-4d3e-9a55-2f4d8e1b7c10");

  @TempDir Path data;

  @Test
  void shouldMakeAKeyIdAndAnHmacOfSiteAndVisitor() {
    VisitorTokens tokens = new VisitorTokens(Optional.of(KEY), List.of(), data);

    // Computed with OpenSSL: the key id is base64url of the first 6 bytes of SHA-256(key);
    // printf 'shop\n6f1c…7c10' | openssl dgst -sha256 -mac HMAC -macopt hexkey:0102…20 -binary
    assertEquals(
        "riFsLvUk.y8kzILBMO5rX_K2ZO0W22yGIo0Ob3TTiZmlKs0p0ETM", tokens.issue("shop", VISITOR));
  }

  @Test
  void shouldAcceptATokenForItsOwnSiteAndVisitorOnly() {
    VisitorTokens tokens = new VisitorTokens(Optional.of(KEY), List.of(), data);
    String token = tokens.issue("shop", VISITOR);

    assertTrue(tokens.accepts("shop", VISITOR, token));
    assertFalse(tokens.accepts("shop", UUID.randomUUID(), token), "another visitor");
    assertFalse(tokens.accepts("shop2", VISITOR, token), "another site");
    assertFalse(tokens.accepts("shop", VISITOR, token.substring(0, token.length() - 1) + "A"));
    assertFalse(tokens.accepts("shop", VISITOR, "riFsLvUk." + "A".repeat(43)));
    assertFalse(tokens.accepts("shop", VISITOR, "riFsLvUk.not base64!"));
    assertFalse(tokens.accepts("shop", VISITOR, "no-dot"));
    assertFalse(tokens.accepts("shop", VISITOR, ""));
    assertFalse(tokens.accepts("shop", VISITOR, null));
  }

  @Test
  void shouldStillAcceptTokensOfARetiredKeyAndMakeNewOnesWithTheCurrentOne() {
    String old = new VisitorTokens(Optional.of(KEY), List.of(), data).issue("shop", VISITOR);

    VisitorTokens rotated = new VisitorTokens(Optional.of(OTHER_KEY), List.of(KEY), data);
    VisitorTokens withoutTheOldKey = new VisitorTokens(Optional.of(OTHER_KEY), List.of(), data);

    assertTrue(rotated.accepts("shop", VISITOR, old), "a token given before the rotation");
    String fresh = rotated.issue("shop", VISITOR);
    assertNotEquals(old, fresh);
    assertFalse(fresh.startsWith("riFsLvUk."), "made with the current key: " + fresh);
    assertFalse(withoutTheOldKey.accepts("shop", VISITOR, old), "once the key is dropped");
    assertTrue(withoutTheOldKey.accepts("shop", VISITOR, fresh));
  }

  @Test
  void shouldGenerateAKeyOnceInTheDataDirectoryAndKeepItAcrossRestarts() throws Exception {
    String before = new VisitorTokens(Optional.empty(), List.of(), data).issue("shop", VISITOR);

    Path file = data.resolve("consent-visitor-token.key");
    assertTrue(Files.exists(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    VisitorTokens restarted = new VisitorTokens(Optional.empty(), List.of(), data);
    assertTrue(restarted.accepts("shop", VISITOR, before), "a token from before the restart");
    assertEquals(before, restarted.issue("shop", VISITOR));
  }

  @Test
  void shouldStillMakeTokensWhenTheDataDirectoryCannotBeWritten() throws Exception {
    Path notADirectory = Files.writeString(data.resolve("file"), "a file where a directory goes");

    VisitorTokens tokens = new VisitorTokens(Optional.empty(), List.of(), notADirectory);

    String token = tokens.issue("shop", VISITOR);
    assertTrue(tokens.accepts("shop", VISITOR, token), "decisions go on within this instance");
  }

  @Test
  void shouldRefuseAKeyTooShortToBeSecret() {
    VisitorTokens tokens = new VisitorTokens(Optional.of("c2hvcnQ="), List.of(), data);

    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> tokens.issue("shop", VISITOR));
    assertTrue(refused.getMessage().contains("at least 32 bytes"), refused.getMessage());
  }
}
