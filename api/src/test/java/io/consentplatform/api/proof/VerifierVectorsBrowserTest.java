package io.consentplatform.api.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentplatform.core.testing.Chromium;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The /verify page's verifier, run by a real Chromium against the published RFC 6962/9162 test
 * vectors of transparency-dev/merkle (see {@code proof/rfc6962-vectors.json} for the commit): the
 * leaf hashes, and every inclusion and consistency probe, valid ones and tampered ones alike.
 */
class VerifierVectorsBrowserTest {

  /**
   * Runs each vector through the page's functions and answers the names of those whose outcome is
   * not the published one, with how many of each kind were checked.
   */
  private static final String RUN_VECTORS =
      """
      const done = arguments[arguments.length - 1];
      const v = JSON.parse(arguments[0]);
      const P = window.ConsentProof;
      const hex = h => P.hexToBytes(h);
      (async () => {
        const wrong = [];
        const checked = { leaves: 0, inclusion: 0, consistency: 0 };
        for (const l of v.leaves) {
          if (P.bytesToHex(await P.leafHash(hex(l.input))) !== l.leafHash) wrong.push("leaf " + l.input);
          checked.leaves++;
        }
        for (const t of v.inclusion) {
          const ok = await P.verifyInclusion(t.leafIndex, t.treeSize, hex(t.leafHash), t.path.map(hex), hex(t.root));
          if (ok !== t.valid) wrong.push(t.name);
          checked.inclusion++;
        }
        for (const t of v.consistency) {
          const ok = await P.verifyConsistency(t.size1, t.size2, t.proof.map(hex), hex(t.root1), hex(t.root2));
          if (ok !== t.valid) wrong.push(t.name);
          checked.consistency++;
        }
        return { wrong, checked };
      })().then(done, e => done({ error: String(e) }));
      """;

  private ChromeDriver browser;

  @BeforeEach
  void open() {
    browser = Chromium.start();
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldAgreeWithThePublishedVectors() throws Exception {
    browser.get(pageWithTheVerifier().toUri().toString());

    Map<String, Object> result =
        (Map<String, Object>) browser.executeAsyncScript(RUN_VECTORS, vectors());

    assertEquals(null, result.get("error"));
    assertEquals(List.of(), result.get("wrong"));
    // Every probe ran: 8 leaves, 98 published probes and 5 reference proofs of each kind.
    assertEquals(
        Map.of("leaves", 8L, "inclusion", 103L, "consistency", 103L), result.get("checked"));
  }

  /**
   * A local page loading the very script the platform serves: a file is a secure context, where
   * WebCrypto is available, without starting the platform.
   */
  private static Path pageWithTheVerifier() throws IOException, URISyntaxException {
    Path script =
        Path.of(
            VerifierVectorsBrowserTest.class
                .getResource("/META-INF/resources/assets/verify.js")
                .toURI());
    Path page = Files.createTempFile("verifier", ".html");
    Files.writeString(
        page,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Vectors</title></head><body>"
            + "<script src=\""
            + script.toUri()
            + "\"></script></body></html>");
    return page;
  }

  private static String vectors() throws IOException {
    try (InputStream in =
        VerifierVectorsBrowserTest.class.getResourceAsStream("/proof/rfc6962-vectors.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
